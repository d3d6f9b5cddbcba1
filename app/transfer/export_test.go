package transfer

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/editor/formats"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

type closingBuffer struct {
	bytes.Buffer
	closed bool
}

func (b *closingBuffer) Close() error { b.closed = true; return nil }

// deskWith makes a real store holding one article per slug.
func deskWith(t *testing.T, slugs ...string) (storage.Store, []string) {
	t.Helper()
	s, err := badgerstore.Open(t.TempDir(), badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var ids []string
	for _, slug := range slugs {
		a := editor.New(time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC))
		a.Slug, a.Headline, a.Body = slug, "FSB chief on "+slug, "SOCHI — Copy about "+slug+"."
		if _, err := s.Create(context.Background(), a, storage.Meta{Author: "desk", Kind: storage.KindImport}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	return s, ids
}

func wait(t *testing.T, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatal("export did not finish")
	}
}

func TestExportToFolderWritesEveryArticle(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	s, ids := deskWith(t, "WORLD/IS", "WORLD/IS", "..escape/..x") // the store refuses "../../escape"; formats tests it
	dir := filepath.Join(t.TempDir(), "out")
	finished := make(chan struct{})
	var got []string
	var gotErr error
	ExportToFolder(win, ids, formats.NITF, StoreLoader(s, editor.StyleTASS), dir, func(written []string, err error) {
		got, gotErr = written, err
		close(finished)
	})
	wait(t, finished)
	if gotErr != nil || len(got) != 3 {
		t.Fatalf("written %v, err %v", got, gotErr)
	}
	for _, p := range got {
		if filepath.Dir(p) != dir {
			t.Errorf("%s is outside the export folder", p)
		}
		data, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(data, []byte("<nitf")) {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func TestExportToFolderReportsFailure(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	s, ids := deskWith(t, "ONE")
	ids = append(ids, editor.NewID()) // not in the store
	finished := make(chan struct{})
	var gotErr error
	ExportToFolder(win, ids, formats.HTML, StoreLoader(s, editor.StyleAP), t.TempDir(), func(_ []string, err error) {
		gotErr = err
		close(finished)
	})
	wait(t, finished)
	if !errors.Is(gotErr, storage.ErrNotFound) || !strings.Contains(gotErr.Error(), "1 of 2 exported") {
		t.Errorf("err = %v; want not found, with how far it got", gotErr)
	}
}

func TestExportToWriter(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, nil)
	s, ids := deskWith(t, "ONE")
	var buf closingBuffer
	finished := make(chan struct{})
	var gotErr error
	ExportTo(win, ids[0], formats.Text, StoreLoader(s, editor.StyleTASS), &buf, func(err error) {
		gotErr = err
		close(finished)
	})
	wait(t, finished)
	if gotErr != nil || !buf.closed || !strings.Contains(buf.String(), "FSB chief on ONE") {
		t.Errorf("err %v, closed %v, text %q", gotErr, buf.closed, buf.String())
	}
}
