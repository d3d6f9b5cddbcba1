package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
)

// dumpAll collects every history of a store.
func dumpAll(t *testing.T, s storage.Store) []storage.History {
	t.Helper()
	var hs []storage.History
	err := s.Dump(context.Background(), func(h storage.History) error {
		hs = append(hs, h)
		return nil
	})
	if err != nil {
		t.Fatalf("Dump: %v", err)
	}
	return hs
}

// sameHistories compares two stores' histories article by article.
func sameHistories(t *testing.T, got, want []storage.History) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d histories, want %d", len(got), len(want))
	}
	byID := map[string]storage.History{}
	for _, h := range got {
		byID[h.Draft.Article.ID] = h
	}
	for _, w := range want {
		id := w.Draft.Article.ID
		g, ok := byID[id]
		if !ok {
			t.Errorf("article %s missing", id)
			continue
		}
		sameArticle(t, "draft of "+id, g.Draft.Article, w.Draft.Article)
		if g.Draft.Version != w.Draft.Version || g.Draft.Seq != w.Draft.Seq || !g.Draft.Saved.Equal(w.Draft.Saved) {
			t.Errorf("draft of %s: version %d seq %d saved %v, want %d %d %v", id,
				g.Draft.Version, g.Draft.Seq, g.Draft.Saved, w.Draft.Version, w.Draft.Seq, w.Draft.Saved)
		}
		if len(g.Revisions) != len(w.Revisions) {
			t.Errorf("article %s: %d revisions, want %d", id, len(g.Revisions), len(w.Revisions))
			continue
		}
		for i := range w.Revisions {
			what := fmt.Sprintf("article %s revision %d", id, i+1)
			sameRevision(t, what, g.Revisions[i].Revision, w.Revisions[i].Revision)
			sameArticle(t, what, g.Revisions[i].Article, w.Revisions[i].Article)
		}
	}
}

func testDumpLoad(t *testing.T, s storage.Store, more func() storage.Store) {
	ctx := context.Background()
	d := newDesk(t, s)
	// Some history: revisions, a label, and a draft newer than its last revision.
	a := d.arts["sochi"]
	b := mustSave(t, s, edited(a, 1), storage.Meta{Author: "sub", Label: "subbed"})
	mustSave(t, s, edited(a, 2), storage.Meta{Kind: storage.KindCheckpoint, Note: "long line"})
	if err := s.SetLabel(ctx, a.ID, b.Seq, "legal ok"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDraft(ctx, edited(a, 3), 3); err != nil {
		t.Fatal(err)
	}
	want := dumpAll(t, s)
	if len(want) != len(deskStories) {
		t.Fatalf("Dump gave %d histories, want %d", len(want), len(deskStories))
	}

	other := more()
	for _, h := range want {
		if err := other.Load(ctx, h); err != nil {
			t.Fatalf("Load %s: %v", h.Draft.Article.ID, err)
		}
	}
	sameHistories(t, dumpAll(t, other), want)
	rep := mustVerify(t, other)
	if rep.Articles != len(want) || rep.Revisions != len(deskStories)+2 {
		t.Errorf("Verify after Load: %d articles %d revisions", rep.Articles, rep.Revisions)
	}
	// The library and tags come back too.
	for _, q := range []storage.Query{{}, {Status: editor.StatusSpiked}, {Tag: "russia"}, {Text: "sochi"}} {
		w, wn, err1 := s.List(ctx, q)
		g, gn, err2 := other.List(ctx, q)
		if err1 != nil || err2 != nil || len(g) != len(w) || gn != wn {
			t.Errorf("List(%+v) after Load: %d of %d (%v), want %d of %d (%v)", q, len(g), gn, err2, len(w), wn, err1)
			continue
		}
		for i := range w {
			if g[i].ID != w[i].ID || !g[i].Modified.Equal(w[i].Modified) || g[i].Seq != w[i].Seq {
				t.Errorf("List(%+v)[%d] after Load: %+v, want %+v", q, i, g[i], w[i])
			}
		}
	}
	wt, _ := s.Tags(ctx)
	gt, _ := other.Tags(ctx)
	if !reflect.DeepEqual(gt, wt) {
		t.Errorf("Tags after Load = %v, want %v", gt, wt)
	}
	// A loaded article goes on like any other.
	mustSave(t, other, edited(a, 4), storage.Meta{})
	mustVerify(t, other)

	err := other.Load(ctx, want[0])
	wantErr(t, "Load of an article already there", err, storage.ErrExists)
}

func testLoadRefused(t *testing.T, s storage.Store, more func() storage.Store) {
	ctx := context.Background()
	a := Article("Loaded story", 80, 20)
	mustCreate(t, s, a)
	mustSave(t, s, edited(a, 1), storage.Meta{})
	good := dumpAll(t, s)[0]
	target := more()

	tests := []struct {
		name string
		edit func(h *storage.History)
	}{
		{"no draft article", func(h *storage.History) { h.Draft.Article = nil }},
		{"no revisions", func(h *storage.History) { h.Revisions = nil }},
		{"a gap in the sequence", func(h *storage.History) { h.Revisions = h.Revisions[1:] }},
		{"a revision of another article", func(h *storage.History) { h.Revisions[1].Revision.ArticleID = editor.NewID() }},
		{"a revision without content", func(h *storage.History) { h.Revisions[0].Article = nil }},
		{"a malformed ID", func(h *storage.History) { h.Draft.Article.ID = "not-an-id" }},
		{"a draft behind its revisions", func(h *storage.History) { h.Draft.Seq = 1 }},
		{"a draft of version 0", func(h *storage.History) { h.Draft.Version = 0 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := good
			h.Draft.Article = good.Draft.Article.Clone()
			h.Revisions = append([]storage.StoredRevision(nil), good.Revisions...)
			tc.edit(&h)
			err := target.Load(ctx, h)
			if err == nil || errors.Is(err, storage.ErrExists) {
				t.Fatalf("Load: %v, want a refusal", err)
			}
			_, err = target.Draft(ctx, a.ID)
			wantErr(t, "Draft after a refused Load", err, storage.ErrNotFound)
		})
	}
	if err := target.Load(ctx, good); err != nil {
		t.Fatalf("Load of the good history after refusals: %v", err)
	}
	mustVerify(t, target)
}

// testLoadLongHistory loads a history too large to write in one go in
// some engines (tens of revisions of a long story).
func testLoadLongHistory(t *testing.T, s storage.Store, more func() storage.Store) {
	a := Article("Long-running story", 8000, 21)
	mustCreate(t, s, a)
	cur := a
	for i := 1; i < 30; i++ {
		cur = edited(cur, i)
		mustSave(t, s, cur, storage.Meta{Kind: storage.KindCheckpoint})
	}
	want := dumpAll(t, s)
	other := more()
	if err := other.Load(context.Background(), want[0]); err != nil {
		t.Fatal(err)
	}
	sameHistories(t, dumpAll(t, other), want)
	if rep := mustVerify(t, other); rep.Revisions != 30 {
		t.Errorf("Verify counted %d revisions, want 30", rep.Revisions)
	}
}

// testLargeArticle stores a story near the body size limit.
func testLargeArticle(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("Very long read", 10, 22)
	para := Body(200, 23)
	var b strings.Builder
	for b.Len()+len(para)+2 < editor.MaxBodyBytes-1024 {
		b.WriteString(para)
		b.WriteString("\n\n")
	}
	a.Body = b.String()
	if err := a.Validate(); err != nil {
		t.Fatalf("the sample is invalid: %v", err)
	}
	mustCreate(t, s, a)
	c := edited(a, 1)
	mustSave(t, s, c, storage.Meta{})
	got, _, err := s.Revision(ctx, a.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	sameArticle(t, "large revision", got, c)
	sameArticle(t, "large draft", mustDraft(t, s, a.ID).Article, c)
	mustVerify(t, s)
}

func testSettings(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	_, err := s.Setting(ctx, "dictionary")
	wantErr(t, "Setting never set", err, storage.ErrNotFound)
	steps := []struct {
		name  string
		value []byte
		ok    bool
	}{
		{"dictionary", []byte("Bortnikov\nKovalev\n"), true},
		{"dictionary", []byte("Bortnikov\nKovalev\nSochi\n"), true},
		{"style/dateline", []byte("tass"), true},
		{"empty", []byte{}, true},
		{"", []byte("x"), false},
		{"two\nlines", []byte("x"), false},
		{"huge", bytes.Repeat([]byte("x"), storage.MaxSettingBytes+1), false},
	}
	kept := map[string][]byte{}
	for _, st := range steps {
		err := s.SetSetting(ctx, st.name, st.value)
		if st.ok != (err == nil) {
			t.Errorf("SetSetting(%q, %d bytes): %v, want ok=%v", st.name, len(st.value), err, st.ok)
		}
		if st.ok {
			kept[st.name] = st.value
		}
	}
	for name, want := range kept {
		got, err := s.Setting(ctx, name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("Setting(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	_, err = s.Setting(ctx, "huge")
	wantErr(t, "Setting refused earlier", err, storage.ErrNotFound)
}

func testStats(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 0 || st.Revisions != 0 || st.Schema < 1 || st.Location == "" {
		t.Errorf("Stats of an empty store: %+v", st)
	}
	a := Article("Counted", 50, 30)
	mustCreate(t, s, a)
	mustSave(t, s, edited(a, 1), storage.Meta{})
	mustCreate(t, s, Article("Counted too", 50, 31))
	st, err = s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Revisions != 3 || st.Bytes < 0 {
		t.Errorf("Stats: %+v, want 2 articles and 3 revisions", st)
	}
}

func testVerifyProgress(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	rep, err := s.Verify(ctx, nil)
	if err != nil || !rep.OK() || rep.Articles != 0 {
		t.Errorf("Verify of an empty store: %+v, %v", rep, err)
	}
	newDesk(t, s)
	var calls [][2]int
	rep, err = s.Verify(ctx, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil || !rep.OK() {
		t.Fatalf("Verify: %+v, %v", rep, err)
	}
	n := len(deskStories)
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{n, n} {
		t.Fatalf("progress calls %v, want them to end at %d of %d", calls, n, n)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Errorf("progress went back: %v", calls)
		}
	}
}

func testCanceled(t *testing.T, s storage.Store, _ func() storage.Store) {
	newDesk(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := map[string]func() error{
		"List":   func() error { _, _, err := s.List(ctx, storage.Query{}); return err },
		"Verify": func() error { _, err := s.Verify(ctx, nil); return err },
		"Dump":   func() error { return s.Dump(ctx, func(storage.History) error { return nil }) },
		"Create": func() error { _, err := s.Create(ctx, Article("Late", 10, 40), storage.Meta{}); return err },
	}
	for name, call := range calls {
		wantErr(t, name+" with a canceled context", call(), context.Canceled)
	}
	// A callback's error ends Dump and comes back.
	stop := errors.New("enough")
	n := 0
	err := s.Dump(context.Background(), func(storage.History) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Dump with a failing callback: %v after %d calls", err, n)
	}
}

func testClosed(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("Before closing", 50, 50)
	mustCreate(t, s, a)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	calls := []struct {
		name string
		call func() error
	}{
		{"Close", s.Close},
		{"Create", func() error { _, err := s.Create(ctx, Article("After", 10, 51), storage.Meta{}); return err }},
		{"SaveDraft", func() error { _, err := s.SaveDraft(ctx, a, 1); return err }},
		{"Draft", func() error { _, err := s.Draft(ctx, a.ID); return err }},
		{"SaveRevision", func() error { _, err := s.SaveRevision(ctx, a, storage.Meta{}); return err }},
		{"Revisions", func() error { _, err := s.Revisions(ctx, a.ID); return err }},
		{"Revision", func() error { _, _, err := s.Revision(ctx, a.ID, 1); return err }},
		{"SetLabel", func() error { return s.SetLabel(ctx, a.ID, 1, "x") }},
		{"List", func() error { _, _, err := s.List(ctx, storage.Query{}); return err }},
		{"Tags", func() error { _, err := s.Tags(ctx); return err }},
		{"Verify", func() error { _, err := s.Verify(ctx, nil); return err }},
		{"Dump", func() error { return s.Dump(ctx, func(storage.History) error { return nil }) }},
		{"Load", func() error { return s.Load(ctx, storage.History{}) }},
		{"Setting", func() error { _, err := s.Setting(ctx, "x"); return err }},
		{"SetSetting", func() error { return s.SetSetting(ctx, "x", nil) }},
		{"Stats", func() error { _, err := s.Stats(ctx); return err }},
	}
	for _, c := range calls {
		wantErr(t, c.name+" after Close", c.call(), storage.ErrClosed)
	}
}
