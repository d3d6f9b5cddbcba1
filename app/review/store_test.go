package review

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

// newStore starts a test app and opens a desk in a temporary folder,
// closed when the test ends.
func newStore(t *testing.T) (context.Context, *badgerstore.Store) {
	t.Helper()
	test.NewTempApp(t)
	s, err := badgerstore.Open(filepath.Join(t.TempDir(), "db"), badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return context.Background(), s
}

// file puts a on the desk as the reporter ("rep") filed it.
func file(t *testing.T, s storage.Store, a *editor.Article) {
	t.Helper()
	if _, err := s.Create(context.Background(), a, storage.Meta{Author: "rep"}); err != nil {
		t.Fatal(err)
	}
}
