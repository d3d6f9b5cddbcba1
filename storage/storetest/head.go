package storetest

import (
	"bytes"
	"context"
	"testing"

	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/torture"
)

// testHead: the desk's head follows every draft, revision and setting; a
// backup carries it and a restore into another store gives the same; an
// edited backup is refused before anything is stored (storage/backup is
// shared by every store).
func testHead(t *testing.T, s storage.Store, more func() storage.Store) {
	ctx := context.Background()
	ids := make([]string, 3)
	for i := range ids {
		a := Article("Head story", 120, uint64(i))
		if _, err := s.Create(ctx, a, storage.Meta{Author: "wire"}); err != nil {
			t.Fatal(err)
		}
		a.Body += "\n\nA second paragraph."
		if _, err := s.SaveRevision(ctx, a, storage.Meta{Author: "desk"}); err != nil {
			t.Fatal(err)
		}
		ids[i] = a.ID
	}
	head := func() storage.Head {
		t.Helper()
		h, err := backup.DeskHead(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	h0 := head()
	if h0.Articles != 3 || h0.Revisions != 6 {
		t.Fatalf("head %+v, want 3 articles and 6 revisions", h0)
	}
	d, err := s.Draft(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	d.Article.Body += " Typing."
	if _, err := s.SaveDraft(ctx, d.Article, d.Version); err != nil {
		t.Fatal(err)
	}
	h1 := head()
	if h1.Hash == h0.Hash {
		t.Error("the head did not change with a draft")
	}
	if err := s.SetSetting(ctx, "check.desk-dictionary", []byte("Bortnikov\n")); err != nil {
		t.Fatal(err)
	}
	h2 := head()
	if h2.Hash == h1.Hash || h2.Settings != 1 {
		t.Errorf("the head did not follow a setting: %+v", h2)
	}

	testHeadCarried(t, s, more, h2)
}

// testHeadCarried: a backup of s carries its head h, a restore gives the
// same head, and an edited backup is refused before anything is stored.
func testHeadCarried(t *testing.T, s storage.Store, more func() storage.Store, h2 storage.Head) {
	ctx := context.Background()
	var file bytes.Buffer
	sum, err := backup.Write(ctx, s, &file, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Head == nil || *sum.Head != h2 {
		t.Errorf("the backup's head %+v, the store's %+v", sum.Head, h2)
	}
	dst := more()
	if _, err := backup.Restore(ctx, bytes.NewReader(file.Bytes()), dst, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := backup.DeskHead(ctx, dst); err != nil || got != h2 {
		t.Errorf("the restored store's head %+v (%v), the source's %+v", got, err, h2)
	}
	for _, tc := range torture.PlainTampers()[:3] {
		edited, err := tc.Edit(file.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		dst := more()
		if _, err := backup.Restore(ctx, bytes.NewReader(edited), dst, nil); err == nil {
			t.Errorf("%s: the edited backup restored", tc.Name)
		}
		if st, _ := dst.Stats(ctx); st.Articles != 0 {
			t.Errorf("%s: the refused restore stored %d articles", tc.Name, st.Articles)
		}
	}
}
