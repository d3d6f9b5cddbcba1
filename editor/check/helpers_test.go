package check_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/testfixture"
	"copydesk/editor/wire"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// fixture is the TASS wire story as the desk imports it.
func fixture(t testing.TB) *editor.Article {
	t.Helper()
	data := testfixture.Read(t, testfixture.TASS)
	a, _, err := wire.Parse("wire-tass-2019-10-16.txt", data, editor.ImportOptions{
		Year: 2019, Now: time.Date(2019, 10, 16, 10, 5, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the golden (go test -update rewrites it after you check):\n--- got\n%s", name, got)
	}
}
