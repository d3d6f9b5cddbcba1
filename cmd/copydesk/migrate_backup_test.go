package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupBeforeMigrateCopiesTheDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	os.Mkdir(dir, 0o700)
	files := map[string]string{"MANIFEST": "m", "000001.sst": strings.Repeat("s", 70000), "copydesk.key": "k", "copydesk.lock": "pid"}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var errb bytes.Buffer
	e := &env{io: stdio{err: &errb}}
	if err := e.backupBeforeMigrate(dir, 1, 2); err != nil {
		t.Fatal(err)
	}
	copies, _ := filepath.Glob(dir + ".schema-1-backup-*")
	if len(copies) != 1 || !strings.Contains(errb.String(), copies[0]) {
		t.Fatalf("copies %v; message %q", copies, errb.String())
	}
	for name, data := range files {
		got, err := os.ReadFile(filepath.Join(copies[0], name))
		if name == "copydesk.lock" {
			if err == nil {
				t.Errorf("the lock file was copied")
			}
			continue
		}
		if err != nil || string(got) != data {
			t.Errorf("%s: %v, %d bytes", name, err, len(got))
		}
	}
	// A second migration of the same second must not overwrite the first copy.
	if err := copyDir(dir, copies[0]); err == nil {
		t.Errorf("copyDir over an existing backup succeeded")
	}
}
