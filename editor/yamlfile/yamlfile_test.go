package yamlfile

import (
	"errors"
	"testing"
)

func TestFirstInvalid(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{{"", 0}, {"ok", 2}, {"Москва", 12}, {"ab\xffc", 2}} {
		if got := FirstInvalid([]byte(tc.in)); got != tc.want {
			t.Errorf("FirstInvalid(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestSyntaxError(t *testing.T) {
	for _, tc := range []struct {
		err  string
		line int
		msg  string
	}{
		{"yaml: line 3: mapping values are not allowed in this context", 3, "mapping values are not allowed in this context"},
		{"yaml: did not find expected key", 0, "did not find expected key"},
		{"yaml: line x: odd", 0, "line x: odd"},
	} {
		line, msg := SyntaxError(errors.New(tc.err))
		if line != tc.line || msg != tc.msg {
			t.Errorf("SyntaxError(%q) = %d, %q", tc.err, line, msg)
		}
	}
}
