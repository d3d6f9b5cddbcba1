package storage_test

import (
	"context"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

func TestPublishedAtIsTheFirstPublication(t *testing.T) {
	ctx := context.Background()
	s, err := badgerstore.Open(t.TempDir(), badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	t0 := time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC)
	a := editor.New(t0)
	a.Headline = "IS terrorists defeated"
	a.Body = "Copy."
	if _, err := s.Create(ctx, a, storage.Meta{Author: "desk", Kind: storage.KindImport, Time: t0}); err != nil {
		t.Fatal(err)
	}
	if got, err := storage.PublishedAt(ctx, s, a); err != nil || !got.IsZero() {
		t.Fatalf("draft: PublishedAt = %v, %v; want zero", got, err)
	}
	steps := []struct {
		status editor.Status
		kind   storage.Kind
		at     time.Time
	}{
		{editor.StatusReady, storage.KindStatus, t0.Add(time.Hour)},
		{editor.StatusPublished, storage.KindStatus, t0.Add(2 * time.Hour)},
		{editor.StatusPublished, storage.KindCorrection, t0.Add(3 * time.Hour)},
	}
	for _, st := range steps {
		a.Status = st.status
		if _, err := s.SaveRevision(ctx, a, storage.Meta{Author: "desk", Kind: st.kind, Time: st.at}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := storage.PublishedAt(ctx, s, a)
	if err != nil || !got.Equal(t0.Add(2*time.Hour)) {
		t.Errorf("PublishedAt = %v, %v; want %v", got, err, t0.Add(2*time.Hour))
	}
}
