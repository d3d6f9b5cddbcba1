// Package testfixture finds the shared, read-only fixtures and standards
// (../shared beside the checkout) for tests in any package.
package testfixture

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedDir returns the shared directory: $COPYDESK_SHARED if set, else
// "shared" beside the module root (the directory holding go.mod).
func SharedDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("COPYDESK_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testfixture: no go.mod above the test's directory")
		}
		dir = parent
	}
}

// Path returns the path of a file under the shared directory, e.g.
// Path(t, "fixtures/wire-tass-2019-10-16.txt"); the test fails if it is missing.
func Path(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(SharedDir(t), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("shared file missing: %v", err)
	}
	return p
}

// Read returns the bytes of a shared file.
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
