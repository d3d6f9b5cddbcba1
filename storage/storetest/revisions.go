package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

func testCreate(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("FSB chief speaks in Sochi", 300, 1)
	rev, err := s.Create(ctx, a, storage.Meta{Author: "wire", Kind: storage.KindImport, Label: "TASS copy", Note: "imported"})
	if err != nil {
		t.Fatal(err)
	}
	if rev.Kind != storage.KindImport || rev.Author != "wire" || rev.Label != "TASS copy" || rev.Note != "imported" {
		t.Errorf("revision does not carry the meta: %+v", rev)
	}
	if rev.Time.IsZero() {
		t.Error("revision has no time")
	}
	checkLink(t, rev, a, nil)

	d := mustDraft(t, s, a.ID)
	if d.Version != 1 || d.Seq != 1 {
		t.Errorf("draft version %d seq %d, want 1 and 1", d.Version, d.Seq)
	}
	sameArticle(t, "draft", d.Article, a)
	got, r1, err := s.Revision(ctx, a.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	sameArticle(t, "revision 1", got, a)
	sameRevision(t, "Revision(1)", r1, rev)
	revs := mustRevisions(t, s, a.ID)
	if len(revs) != 1 {
		t.Fatalf("%d revisions, want 1", len(revs))
	}
	sameRevision(t, "Revisions()[0]", revs[0], rev)

	// A given time is kept (copying history); an empty kind is a save.
	when := time.Date(2019, 10, 16, 12, 0, 0, 123456789, time.FixedZone("MSK", 3*3600))
	b := Article("Second story", 50, 2)
	rb, err := s.Create(ctx, b, storage.Meta{Time: when})
	if err != nil {
		t.Fatal(err)
	}
	if !rb.Time.Equal(when) || rb.Kind != storage.KindSave {
		t.Errorf("revision time %v kind %q, want %v and save", rb.Time, rb.Kind, when)
	}
	sameRevision(t, "revision with a given time", mustRevisions(t, s, b.ID)[0], rb)
	mustVerify(t, s)
}

func testCreateRefused(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	tests := []struct {
		name  string
		edit  func(a *editor.Article)
		meta  storage.Meta
		field string // the field the error names
	}{
		{"empty headline", func(a *editor.Article) { a.Headline = " " }, storage.Meta{}, "headline"},
		{"bad ID", func(a *editor.Article) { a.ID = "../../etc" }, storage.Meta{}, "id"},
		{"bad status", func(a *editor.Article) { a.Status = "filed" }, storage.Meta{}, "status"},
		{"control character", func(a *editor.Article) { a.Body += "\x00" }, storage.Meta{}, "body"},
		{"unknown kind", nil, storage.Meta{Kind: "whim"}, "meta.kind"},
		{"label on two lines", nil, storage.Meta{Label: "one\ntwo"}, "meta.label"},
		{"author too long", nil, storage.Meta{Author: strings.Repeat("a", storage.MaxAuthorChars+1)}, "meta.author"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Article("A story", 20, 3)
			if tc.edit != nil {
				tc.edit(a)
			}
			_, err := s.Create(ctx, a, tc.meta)
			var fe *editor.FieldError
			if v, ok := editor.AsValidation(err); ok {
				fe = v.Field(tc.field)
			} else {
				errors.As(err, &fe)
			}
			if fe == nil || fe.Field != tc.field {
				t.Fatalf("Create: error %v, want one naming %s", err, tc.field)
			}
			if editor.ValidID(a.ID) {
				_, err := s.Draft(ctx, a.ID)
				wantErr(t, "Draft after a refused Create", err, storage.ErrNotFound)
			}
		})
	}
	if _, err := s.Create(ctx, nil, storage.Meta{}); err == nil {
		t.Error("Create(nil) succeeded")
	}
	a := Article("Only once", 20, 4)
	mustCreate(t, s, a)
	_, err := s.Create(ctx, edited(a, 1), storage.Meta{})
	wantErr(t, "second Create of one ID", err, storage.ErrExists)
	if n := len(mustRevisions(t, s, a.ID)); n != 1 {
		t.Errorf("%d revisions after a refused Create, want 1", n)
	}
}

func testSaveDraft(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("Draft story", 100, 5)
	mustCreate(t, s, a)

	b := edited(a, 1)
	b.Headline = "Draft story, rewritten"
	v, err := s.SaveDraft(ctx, b, 1)
	if err != nil || v != 2 {
		t.Fatalf("SaveDraft: version %d, %v; want 2", v, err)
	}
	d := mustDraft(t, s, a.ID)
	sameArticle(t, "draft", d.Article, b)
	if d.Version != 2 || d.Seq != 1 {
		t.Errorf("draft version %d seq %d, want 2 and 1", d.Version, d.Seq)
	}
	if n := len(mustRevisions(t, s, a.ID)); n != 1 {
		t.Errorf("an autosave made a revision: %d revisions", n)
	}

	// A copy made from version 1 is stale now, and writes nothing.
	_, err = s.SaveDraft(ctx, edited(a, 2), 1)
	wantErr(t, "SaveDraft from an old version", err, storage.ErrStale)
	_, err = s.SaveDraft(ctx, edited(a, 2), 0)
	wantErr(t, "SaveDraft from version 0", err, storage.ErrStale)
	sameArticle(t, "draft after stale saves", mustDraft(t, s, a.ID).Article, b)

	// A draft being typed may lack a headline, and nothing else.
	tests := []struct {
		name  string
		edit  func(a *editor.Article)
		field string // "" when the draft is accepted
	}{
		{"empty headline", func(a *editor.Article) { a.Headline = "" }, ""},
		{"blank headline", func(a *editor.Article) { a.Headline = "   " }, ""},
		{"empty headline and a control character", func(a *editor.Article) { a.Headline = ""; a.Body += "\x07" }, "body"},
		{"empty headline and a bad date", func(a *editor.Article) { a.Headline = ""; a.Dateline.Date = "16 Oct" }, "dateline.date"},
		{"headline of line breaks", func(a *editor.Article) { a.Headline = "\n\n" }, "headline"},
		{"bad status", func(a *editor.Article) { a.Status = "filed" }, "status"},
		{"bad ID", func(a *editor.Article) { a.ID = "nope" }, "id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mustDraft(t, s, a.ID)
			c := d.Article.Clone()
			tc.edit(c)
			v, err := s.SaveDraft(ctx, c, d.Version)
			if tc.field == "" {
				if err != nil || v != d.Version+1 {
					t.Fatalf("SaveDraft: version %d, %v; want %d", v, err, d.Version+1)
				}
				sameArticle(t, "draft", mustDraft(t, s, a.ID).Article, c)
				return
			}
			v2, ok := editor.AsValidation(err)
			if !ok || v2.Field(tc.field) == nil {
				t.Fatalf("SaveDraft: error %v, want one naming %s", err, tc.field)
			}
			if got := mustDraft(t, s, a.ID); got.Version != d.Version {
				t.Errorf("a refused draft was written: version %d, want %d", got.Version, d.Version)
			}
		})
	}

	_, err = s.SaveDraft(ctx, Article("Never created", 10, 6), 1)
	wantErr(t, "SaveDraft of an unknown article", err, storage.ErrNotFound)
}

func testRevisionChain(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("Chain story", 400, 7)
	first := mustCreate(t, s, a)
	revs := []storage.Revision{first}
	arts := []*editor.Article{a}
	kinds := []storage.Kind{storage.KindSave, storage.KindCheckpoint, storage.KindStatus, storage.KindRestore, storage.KindCorrection, storage.KindReview, storage.KindKill, storage.KindWithhold}
	cur := a
	for i, kind := range kinds {
		cur = edited(cur, i+1)
		switch kind {
		case storage.KindStatus:
			cur.Status = editor.StatusInEdit
		case storage.KindWithhold: // the notice is kept like any field
			cur.Notice = editor.Notice{Kind: editor.NoticeWithhold, Note: "Checking the toll."}
		case storage.KindKill:
			cur.Spike()
			cur.Notice = editor.Notice{Kind: editor.NoticeKill, Note: "Legal: delete it."}
		}
		m := storage.Meta{Author: fmt.Sprintf("editor %d", i), Kind: kind, Note: fmt.Sprintf("note %d", i)}
		rev := mustSave(t, s, cur, m)
		prev := revs[len(revs)-1]
		checkLink(t, rev, cur, &prev)
		if rev.Kind != kind || rev.Author != m.Author || rev.Note != m.Note {
			t.Errorf("revision %d does not carry its meta: %+v", rev.Seq, rev)
		}
		revs, arts = append(revs, rev), append(arts, cur)
		d := mustDraft(t, s, a.ID)
		if d.Version != uint64(i+2) || d.Seq != rev.Seq {
			t.Errorf("after revision %d: draft version %d seq %d", rev.Seq, d.Version, d.Seq)
		}
		sameArticle(t, "draft after a revision", d.Article, cur)
	}
	// Saving unchanged content still makes a revision: the caller asked.
	again := mustSave(t, s, cur, storage.Meta{})
	checkLink(t, again, cur, &revs[len(revs)-1])
	revs, arts = append(revs, again), append(arts, cur)

	stored := mustRevisions(t, s, a.ID)
	if len(stored) != len(revs) {
		t.Fatalf("%d revisions stored, want %d", len(stored), len(revs))
	}
	for i, r := range stored {
		sameRevision(t, fmt.Sprintf("revision %d", i+1), r, revs[i])
		got, rec, err := s.Revision(ctx, a.ID, r.Seq)
		if err != nil {
			t.Fatal(err)
		}
		sameArticle(t, fmt.Sprintf("revision %d", r.Seq), got, arts[i])
		sameRevision(t, fmt.Sprintf("Revision(%d)", r.Seq), rec, revs[i])
	}
	rep := mustVerify(t, s)
	if rep.Articles != 1 || rep.Revisions != len(revs) {
		t.Errorf("Verify counted %d articles and %d revisions, want 1 and %d", rep.Articles, rep.Revisions, len(revs))
	}
}

func testStale(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("Stale story", 100, 8)
	mustCreate(t, s, a)
	b := edited(a, 1)
	mustSave(t, s, b, storage.Meta{DraftVersion: 1})
	// The desk that opened version 1 is behind now.
	_, err := s.SaveRevision(ctx, edited(a, 2), storage.Meta{DraftVersion: 1})
	wantErr(t, "SaveRevision from version 1", err, storage.ErrStale)
	if n := len(mustRevisions(t, s, a.ID)); n != 2 {
		t.Errorf("%d revisions after a stale save, want 2", n)
	}
	sameArticle(t, "draft after a stale save", mustDraft(t, s, a.ID).Article, b)
	// An autosave moves the version on too.
	v, err := s.SaveDraft(ctx, edited(b, 3), 2)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SaveRevision(ctx, edited(b, 4), storage.Meta{DraftVersion: 2})
	wantErr(t, "SaveRevision after an autosave", err, storage.ErrStale)
	if _, err := s.SaveRevision(ctx, edited(b, 5), storage.Meta{DraftVersion: v}); err != nil {
		t.Errorf("SaveRevision from the current version: %v", err)
	}
	mustVerify(t, s)
}

func testNotFound(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("Known story", 50, 9)
	mustCreate(t, s, a)
	unknown := editor.NewID()
	tests := []struct {
		name string
		call func() error
	}{
		{"Draft", func() error { _, err := s.Draft(ctx, unknown); return err }},
		{"Draft of a malformed ID", func() error { _, err := s.Draft(ctx, "v1/../x"); return err }},
		{"Revisions", func() error { _, err := s.Revisions(ctx, unknown); return err }},
		{"Revision of an unknown article", func() error { _, _, err := s.Revision(ctx, unknown, 1); return err }},
		{"Revision 0", func() error { _, _, err := s.Revision(ctx, a.ID, 0); return err }},
		{"Revision 2 of 1", func() error { _, _, err := s.Revision(ctx, a.ID, 2); return err }},
		{"SetLabel", func() error { return s.SetLabel(ctx, a.ID, 9, "x") }},
		{"SetLabel of an unknown article", func() error { return s.SetLabel(ctx, unknown, 1, "x") }},
		{"SaveRevision", func() error {
			_, err := s.SaveRevision(ctx, Article("Not there", 10, 10), storage.Meta{})
			return err
		}},
		{"Setting", func() error { _, err := s.Setting(ctx, "never-set"); return err }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			wantErr(t, tc.name, err, storage.ErrNotFound)
			var nf *storage.NotFoundError
			if !errors.As(err, &nf) || nf.What == "" {
				t.Errorf("%s: %v is not a *storage.NotFoundError naming what is missing", tc.name, err)
			}
		})
	}
}

func testLabels(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("Labelled story", 100, 11)
	mustCreate(t, s, a)
	mustSave(t, s, edited(a, 1), storage.Meta{Label: "first edit"})
	before := mustRevisions(t, s, a.ID)

	tests := []struct {
		label string
		ok    bool
	}{
		{"sent to legal", true},
		{"", true},
		{"Überprüft — ✓", true},
		{"two\nlines", false},
		{"bell\x07", false},
		{strings.Repeat("x", storage.MaxLabelChars+1), false},
	}
	for _, tc := range tests {
		want := mustRevisions(t, s, a.ID)[1].Label
		err := s.SetLabel(ctx, a.ID, 2, tc.label)
		if tc.ok {
			if err != nil {
				t.Errorf("SetLabel(%q): %v", tc.label, err)
			}
			want = tc.label
		} else if err == nil {
			t.Errorf("SetLabel(%q) succeeded", tc.label)
		}
		after := mustRevisions(t, s, a.ID)
		if after[1].Label != want {
			t.Errorf("after SetLabel(%q): label %q, want %q", tc.label, after[1].Label, want)
		}
		// The label is outside the chain: nothing else changes.
		got := after[1]
		got.Label = before[1].Label
		sameRevision(t, "revision 2 after SetLabel", got, before[1])
		sameRevision(t, "revision 1 after SetLabel", after[0], before[0])
	}
	mustVerify(t, s)
}

func testConcurrentRevisions(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("Busy story", 200, 12)
	mustCreate(t, s, a)
	const writers, each = 8, 5
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		seqs = map[uint64]bool{}
		errs []error
	)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				rev, err := s.SaveRevision(ctx, edited(a, w*100+i), storage.Meta{Author: fmt.Sprintf("writer %d", w)})
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else if seqs[rev.Seq] {
					errs = append(errs, fmt.Errorf("sequence number %d given twice", rev.Seq))
				} else {
					seqs[rev.Seq] = true
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	revs := mustRevisions(t, s, a.ID)
	if len(revs) != 1+writers*each {
		t.Fatalf("%d revisions, want %d", len(revs), 1+writers*each)
	}
	for i, r := range revs {
		if r.Seq != uint64(i+1) {
			t.Errorf("revision at %d has seq %d", i, r.Seq)
		}
		if i > 0 && r.ParentHash != revs[i-1].Hash {
			t.Errorf("revision %d does not link to revision %d", r.Seq, revs[i-1].Seq)
		}
	}
	d := mustDraft(t, s, a.ID)
	if d.Seq != uint64(len(revs)) || d.Version != uint64(len(revs)) {
		t.Errorf("draft seq %d version %d, want %d", d.Seq, d.Version, len(revs))
	}
	mustVerify(t, s)
}

func testConcurrentDrafts(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	a := Article("Contested draft", 100, 13)
	mustCreate(t, s, a)
	const writers = 8
	results := make([]error, writers)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, results[w] = s.SaveDraft(ctx, edited(a, w+1), 1)
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range results {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, storage.ErrStale):
			t.Errorf("SaveDraft: %v, want nil or ErrStale", err)
		}
	}
	if won != 1 {
		t.Errorf("%d of %d autosaves from version 1 were taken, want exactly 1", won, writers)
	}
	if d := mustDraft(t, s, a.ID); d.Version != 2 {
		t.Errorf("draft version %d, want 2", d.Version)
	}
}
