// Package testfixture finds the fixtures and IPTC standards kept in its
// testdata for tests in any package.
package testfixture

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedDir returns the directory of the fixtures and IPTC standards the
// tests read: this package's testdata, found from the module root (the
// directory holding go.mod), so a clone of the repository alone passes.
func SharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "editor", "testfixture", "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testfixture: no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Path returns the path of a file under the fixtures directory, e.g.
// Path(t, "fixtures/wire-tass-2019-10-16.txt"); the test fails if it is missing.
func Path(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(SharedDir(t), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("fixture missing: %v", err)
	}
	return p
}

// Read returns the bytes of a fixture file.
func Read(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(Path(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TASS is the path of the TASS wire story every format must carry.
const TASS = "fixtures/wire-tass-2019-10-16.txt"
