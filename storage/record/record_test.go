package record_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
	"copydesk/storage/record"
)

func article(t0 time.Time) *editor.Article {
	a := editor.New(t0)
	a.Headline = "IS terrorists defeated"
	a.Body = "Militants were present in 79 countries."
	return a
}

func TestRevisionKind(t *testing.T) {
	t0 := time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC)
	pub := article(t0)
	pub.Status = editor.StatusPublished
	changed := pub.Clone()
	changed.Body = strings.Replace(changed.Body, "79 countries", "76 countries", 1)
	noted := changed.Clone()
	noted.Correction = "An earlier version gave the number of countries as 79."
	spiked := changed.Clone()
	spiked.Status = editor.StatusSpiked
	draft := article(t0)
	draftChanged := draft.Clone()
	draftChanged.Headline = "New headline"
	tests := []struct {
		name       string
		prev, next *editor.Article
		want       storage.Kind
		err        string
	}{
		{"published, unchanged", pub, pub.Clone(), storage.KindSave, ""},
		{"published, changed, no note", pub, changed, "", "correction: is empty"},
		{"published, changed, noted", pub, noted, storage.KindCorrection, ""},
		{"published, spiked", pub, spiked, storage.KindSave, ""},
		{"draft, changed", draft, draftChanged, storage.KindSave, ""},
	}
	for _, tc := range tests {
		got, err := record.RevisionKind(tc.prev, tc.next, storage.KindSave)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: got %q, %v; want %q, %q", tc.name, got, err, tc.want, tc.err)
		}
	}
}

func open(t *testing.T) storage.Store {
	t.Helper()
	s, err := badgerstore.Open(t.TempDir(), badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// filed is the test story, stored on s as imported at t0.
func filed(t *testing.T, s storage.Store, t0 time.Time) *editor.Article {
	t.Helper()
	a := article(t0)
	if _, err := s.Create(context.Background(), a, storage.Meta{Author: "desk", Kind: storage.KindImport, Time: t0}); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestForcedExport: the forced export leaves a "forced export" revision of
// the draft whose note names the format, the time and the embargo.
func TestForcedExport(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	t0 := time.Date(2019, 10, 16, 7, 0, 0, 0, time.UTC)
	a := article(t0)
	a.Embargo = time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC)
	if _, err := s.Create(ctx, a, storage.Meta{Author: "desk", Kind: storage.KindImport, Time: t0}); err != nil {
		t.Fatal(err)
	}
	now := t0.Add(5 * time.Minute)
	if err := record.ForcedExport(ctx, s, a.ID, "nitf", "anna", now); err != nil {
		t.Fatal(err)
	}
	revs, err := s.Revisions(ctx, a.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions %v, %v; want the import and the forced export", revs, err)
	}
	got := revs[1]
	want := check.ForcedExportNote(a, now, "nitf")
	if got.Label != "forced export" || got.Note != want || got.Author != "anna" || got.Kind != storage.KindSave {
		t.Errorf("forced export revision %+v; want label \"forced export\", note %q, author anna", got, want)
	}
	if err := record.ForcedExport(ctx, s, "no-such-story", "nitf", "anna", now); err == nil {
		t.Error("a forced export of a story the store lacks was recorded")
	}
}

// TestStoreSettingsUnsetForChecks: a real store's "never set" is what
// editor/check takes for an unset setting (it cannot import storage to
// test errors.Is(err, storage.ErrNotFound), so it asks for a NotFound
// method) — an empty desk dictionary and the built-in rules, not an error.
func TestStoreSettingsUnsetForChecks(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	if words, err := check.LoadDesk(ctx, s); err != nil || len(words) != 0 {
		t.Errorf("an empty store's desk dictionary: %v, %v", words, err)
	}
	if r, err := check.LoadRules(ctx, s, string(editor.StyleTASS)); err != nil || r == nil {
		t.Errorf("an empty store's rules: %v, %v", r, err)
	}
	if _, err := check.AddDeskWord(ctx, s, "Bortnikov"); err != nil {
		t.Fatal(err)
	}
	if words, err := check.LoadDesk(ctx, s); err != nil || len(words) != 1 || words[0] != "Bortnikov" {
		t.Errorf("after adding Bortnikov: %v, %v", words, err)
	}
}
