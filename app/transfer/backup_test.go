package transfer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/badgerstore"
)

func openBadger(dir string) (storage.Store, error) {
	return badgerstore.Open(dir, badgerstore.Options{})
}

func TestBackupThenRestoreIsExact(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	s, ids := deskWith(t, "ONE", "TWO", "THREE")
	file := filepath.Join(t.TempDir(), "desk.cdbackup")

	finished := make(chan struct{})
	var sum backup.Summary
	var gotErr error
	BackupTo(win, s, file, false, func(got backup.Summary, err error) { sum, gotErr = got, err; close(finished) })
	wait(t, finished)
	if gotErr != nil || sum.Articles != 3 {
		t.Fatalf("backup: %+v, %v", sum, gotErr)
	}
	if entries, _ := os.ReadDir(filepath.Dir(file)); len(entries) != 1 {
		t.Errorf("%d files beside the backup, want none (no temporary leftovers)", len(entries)-1)
	}

	dir := filepath.Join(t.TempDir(), "restored")
	finished = make(chan struct{})
	RestoreTo(win, file, dir, openBadger, func(got backup.Summary, err error) { sum, gotErr = got, err; close(finished) })
	wait(t, finished)
	if gotErr != nil || sum.Articles != 3 {
		t.Fatalf("restore: %+v, %v", sum, gotErr)
	}
	r, err := openBadger(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, id := range ids {
		want, _ := s.Draft(context.Background(), id)
		got, err := r.Draft(context.Background(), id)
		if err != nil || got.Article.Body != want.Article.Body || got.Article.Slug != want.Article.Slug {
			t.Errorf("article %s did not come back: %v", id, err)
		}
	}
}

func TestRestoreRefusesAndCleansUp(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	damaged := filepath.Join(t.TempDir(), "damaged.cdbackup")
	if err := os.WriteFile(damaged, []byte("not a backup at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	full := t.TempDir()
	os.WriteFile(filepath.Join(full, "something"), []byte("x"), 0o644)
	fresh := filepath.Join(t.TempDir(), "new")
	for _, tc := range []struct{ name, dir string }{{"non-empty target", full}, {"damaged file", fresh}} {
		finished := make(chan struct{})
		var gotErr error
		RestoreTo(win, damaged, tc.dir, openBadger, func(_ backup.Summary, err error) { gotErr = err; close(finished) })
		wait(t, finished)
		if gotErr == nil {
			t.Errorf("%s: restore succeeded", tc.name)
		}
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a failed restore left %s behind", fresh)
	}
	if _, err := os.Stat(filepath.Join(full, "something")); err != nil {
		t.Errorf("the non-empty folder was touched: %v", err)
	}
}
