package main

import "testing"

// TestManyHosts: only a URL naming two servers or more asks for standby
// reads; one server with sslmode=prefer (a TLS fallback) does not.
func TestManyHosts(t *testing.T) {
	for _, c := range []struct {
		url  string
		want bool
	}{
		{"postgres://desk@localhost:5432/copydesk", false},
		{"postgres://desk@localhost:5432/copydesk?sslmode=prefer", false},
		{"postgres://desk@h1:5432,h2:5433/copydesk?target_session_attrs=read-write", true},
		{"postgres://desk@h1:5432,h1:5432/copydesk", false},
		{"host=h1,h2 port=5432,5433 dbname=copydesk", true},
		{"postgres://%zz", false},
	} {
		if got := manyHosts(c.url); got != c.want {
			t.Errorf("manyHosts(%q) = %v, want %v", c.url, got, c.want)
		}
	}
}
