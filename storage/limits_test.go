package storage_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
	"copydesk/storage/storetest"
)

// hostileEdits are changes no store may accept: each names the field the
// refusal must name.
var hostileEdits = []struct {
	name  string
	field string
	edit  func(a *editor.Article)
}{
	{"NUL in headline", "headline", func(a *editor.Article) { a.Headline = "Bortnikov\x00 speaks" }},
	{"NUL in body", "body", func(a *editor.Article) { a.Body += "\n\nA\x00B" }},
	{"NUL in tag", "tags", func(a *editor.Article) { a.Tags = []string{"FSB", "x\x00y"} }},
	{"NUL in byline", "bylines", func(a *editor.Article) { a.Bylines[0].Name = "Ivan\x00" }},
	{"1 MB headline", "headline", func(a *editor.Article) { a.Headline = strings.Repeat("Headline ", 1<<20/9) }},
	{"10 MB paste", "body", func(a *editor.Article) { a.Body += "\n\n" + strings.Repeat("pasted words ", 10<<20/13) }},
	{"100k tags", "tags", func(a *editor.Article) {
		a.Tags = make([]string, 100000)
		for i := range a.Tags {
			a.Tags[i] = fmt.Sprintf("tag%d", i)
		}
	}},
	{"invalid UTF-8 in standfirst", "standfirst", func(a *editor.Article) { a.Standfirst = "caf\xe9" }},
	{"1 MB caption", "photo", func(a *editor.Article) { a.Photo.Caption = strings.Repeat("c", 1<<20) }},
}

func openStore(t *testing.T) storage.Store {
	t.Helper()
	s, err := badgerstore.Open(filepath.Join(t.TempDir(), "db"), badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// snapshot is the whole store as JSON, to show that a refused write left
// nothing behind.
func snapshot(t *testing.T, s storage.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := s.Dump(context.Background(), func(h storage.History) error { return enc.Encode(h) }); err != nil {
		t.Fatal(err)
	}
	rows, n, err := s.List(context.Background(), storage.Query{})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&buf, "%d %v", n, rows)
	return buf.Bytes()
}

// refused checks that err is a clear refusal naming field.
func refused(t *testing.T, op string, err error, field string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: accepted", op)
		return
	}
	var fe *editor.FieldError
	if v, ok := editor.AsValidation(err); ok {
		for _, p := range v.Problems {
			if strings.HasPrefix(p.Field, field) {
				return
			}
		}
		t.Errorf("%s: %v does not name %s", op, err, field)
		return
	}
	if errors.As(err, &fe) && strings.HasPrefix(fe.Field, field) {
		return
	}
	t.Errorf("%s: %v is not a validation error naming %s", op, err, field)
}

// TestHostileWritesAreRefusedWhole: Create, SaveDraft and SaveRevision
// refuse each hostile edit with an error naming the field, and the store
// is byte for byte what it was.
func TestHostileWritesAreRefusedWhole(t *testing.T) {
	ctx := context.Background()
	for _, c := range hostileEdits {
		t.Run(c.name, func(t *testing.T) {
			s := openStore(t)
			good := storetest.Article("A good story", 300, 1)
			good.Tags = []string{"FSB"}
			if _, err := s.Create(ctx, good, storage.Meta{}); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, s)

			bad := good.Clone()
			c.edit(bad)
			_, err := s.SaveDraft(ctx, bad, 1)
			refused(t, "SaveDraft", err, c.field)
			_, err = s.SaveRevision(ctx, bad, storage.Meta{})
			refused(t, "SaveRevision", err, c.field)
			fresh := bad.Clone()
			fresh.ID = editor.New(fresh.Created).ID
			_, err = s.Create(ctx, fresh, storage.Meta{})
			refused(t, "Create", err, c.field)
			if _, err := s.Draft(ctx, fresh.ID); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("a refused Create left a draft: %v", err)
			}
			if !bytes.Equal(before, snapshot(t, s)) {
				t.Error("a refused write changed the store")
			}
		})
	}
}

// TestHostileMetaAndSettings: revision metadata and settings over their
// limits are refused, naming the field.
func TestHostileMetaAndSettings(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a := storetest.Article("A story", 100, 2)
	if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	for _, c := range []struct {
		field string
		m     storage.Meta
	}{
		{"meta.label", storage.Meta{Label: "a\x00b"}},
		{"meta.author", storage.Meta{Author: strings.Repeat("x", 1<<20)}},
		{"meta.note", storage.Meta{Note: strings.Repeat("note ", 1<<20)}},
		{"meta.kind", storage.Meta{Kind: "<script>"}},
	} {
		_, err := s.SaveRevision(ctx, a, c.m)
		refused(t, c.field, err, c.field)
	}
	refused(t, "SetLabel", s.SetLabel(ctx, a.ID, 1, strings.Repeat("l", 1<<20)), "meta.label")
	refused(t, "SetSetting", s.SetSetting(ctx, "dictionary", make([]byte, 5<<20)), "setting")
	refused(t, "SetSetting name", s.SetSetting(ctx, "a\x00b", nil), "setting")
	if !bytes.Equal(before, snapshot(t, s)) {
		t.Error("a refused write changed the store")
	}
}

// TestLargestBodyRoundTrips: a body just under the limit (4 MB) is stored
// and read back exactly, as a draft and as a revision — the limit is the
// validator's, not an accident of Badger's transaction size.
func TestLargestBodyRoundTrips(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	a := storetest.Article("A long read", 100, 3)
	if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	para := storetest.Body(2000, 4)
	var b strings.Builder
	for b.Len()+len(para)+2 < editor.MaxBodyBytes {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(para)
	}
	a.Body = b.String()
	v, err := s.SaveDraft(ctx, a, 1)
	if err != nil {
		t.Fatalf("SaveDraft of a %d-byte body: %v", len(a.Body), err)
	}
	if d, err := s.Draft(ctx, a.ID); err != nil || d.Article.Body != a.Body || d.Version != v {
		t.Fatalf("the large draft did not come back whole: %v", err)
	}
	rev, err := s.SaveRevision(ctx, a, storage.Meta{})
	if err != nil {
		t.Fatalf("SaveRevision of a %d-byte body: %v", len(a.Body), err)
	}
	got, _, err := s.Revision(ctx, a.ID, rev.Seq)
	if err != nil || got.Body != a.Body {
		t.Fatalf("the large revision did not come back whole: %v", err)
	}
	if rep, err := s.Verify(ctx, nil); err != nil || !rep.OK() {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}
