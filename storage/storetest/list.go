package storetest

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
)

// desk is a small library: stories with statuses and tags, created in
// the order listed (so the last is the newest).
type desk struct {
	ids  map[string]string // short name → article ID
	arts map[string]*editor.Article
}

var deskStories = []struct {
	name, headline string
	status         editor.Status
	tags           []string
}{
	{"sochi", "Bortnikov speaks in Sochi", editor.StatusDraft, []string{"Russia", "Security"}},
	{"budget", "Budget vote delayed", editor.StatusInEdit, []string{"Politics", "russia"}},
	{"storm", "Storm hits the coast", editor.StatusReady, []string{"Weather"}},
	{"final", "Cup final tonight", editor.StatusPublished, []string{"Sport"}},
	{"killed", "Spiked piece on Sochi", editor.StatusSpiked, []string{"RUSSIA"}},
}

func newDesk(t *testing.T, s storage.Store) *desk {
	t.Helper()
	d := &desk{ids: map[string]string{}, arts: map[string]*editor.Article{}}
	for i, st := range deskStories {
		a := Article(st.headline, 50+10*i, uint64(100+i))
		a.Slug = st.name + "-slug"
		a.Status = st.status
		a.Tags = st.tags
		mustCreate(t, s, a)
		d.ids[st.name], d.arts[st.name] = a.ID, a
	}
	return d
}

// names maps rows back to the desk's short names.
func (d *desk) names(rows []storage.Summary) []string {
	byID := map[string]string{}
	for n, id := range d.ids {
		byID[id] = n
	}
	out := []string{}
	for _, r := range rows {
		n, ok := byID[r.ID]
		if !ok {
			n = "?" + r.ID
		}
		out = append(out, n)
	}
	return out
}

func (d *desk) expectList(t *testing.T, s storage.Store, q storage.Query, want []string, wantTotal int) {
	t.Helper()
	rows, total, err := s.List(context.Background(), q)
	if err != nil {
		t.Fatalf("List(%+v): %v", q, err)
	}
	if got := d.names(rows); !reflect.DeepEqual(got, want) || total != wantTotal {
		t.Errorf("List(%+v) = %v of %d, want %v of %d", q, got, total, want, wantTotal)
	}
}

func testList(t *testing.T, s storage.Store, _ func() storage.Store) {
	d := newDesk(t, s)
	tests := []struct {
		q     storage.Query
		want  []string
		total int
	}{
		{storage.Query{}, []string{"final", "storm", "budget", "sochi"}, 4},
		{storage.Query{Status: editor.StatusSpiked}, []string{"killed"}, 1},
		{storage.Query{Status: editor.StatusReady}, []string{"storm"}, 1},
		{storage.Query{Tag: "russia"}, []string{"budget", "sochi"}, 2},
		{storage.Query{Tag: "  RUSSIA "}, []string{"budget", "sochi"}, 2},
		{storage.Query{Tag: "Russia", Status: editor.StatusSpiked}, []string{"killed"}, 1},
		{storage.Query{Tag: "Russia", Status: editor.StatusInEdit}, []string{"budget"}, 1},
		{storage.Query{Tag: "nowhere"}, []string{}, 0},
		{storage.Query{Text: "sochi"}, []string{"sochi"}, 1},
		{storage.Query{Text: "SOCHI bortnikov"}, []string{"sochi"}, 1},
		{storage.Query{Text: "sochi-slug"}, []string{"sochi"}, 1},
		{storage.Query{Text: "politics"}, []string{"budget"}, 1},
		{storage.Query{Text: "sochi", Status: editor.StatusSpiked}, []string{"killed"}, 1},
		{storage.Query{Text: "sochi budget"}, []string{}, 0},
		{storage.Query{Text: "o", Tag: "weather"}, []string{"storm"}, 1},
		{storage.Query{Limit: 2}, []string{"final", "storm"}, 4},
		{storage.Query{Offset: 1, Limit: 2}, []string{"storm", "budget"}, 4},
		{storage.Query{Offset: 3}, []string{"sochi"}, 4},
		{storage.Query{Offset: 10}, []string{}, 4},
		{storage.Query{Text: "s", Offset: 1, Limit: 1}, []string{"storm"}, 4},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%+v", tc.q), func(t *testing.T) {
			d.expectList(t, s, tc.q, tc.want, tc.total)
		})
	}

	// The row itself is the draft's summary.
	rows, _, err := s.List(context.Background(), storage.Query{Text: "bortnikov"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("List: %v, %v", rows, err)
	}
	a, r := d.arts["sochi"], rows[0]
	draft := mustDraft(t, s, a.ID)
	want := storage.Summary{ID: a.ID, Slug: a.Slug, Section: a.Section, Headline: a.Headline, Status: a.Status,
		Tags: a.Tags, Words: a.Words(), Modified: draft.Saved, Seq: 1}
	if !r.Modified.Equal(want.Modified) {
		t.Errorf("summary modified %v, want the draft's save time %v", r.Modified, want.Modified)
	}
	r.Modified = want.Modified
	if !reflect.DeepEqual(r, want) {
		t.Errorf("summary\n got %+v\nwant %+v", r, want)
	}
}

func testListFollowsChanges(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	d := newDesk(t, s)

	// An autosave makes the story the newest and re-indexes its headline.
	b := d.arts["sochi"].Clone()
	b.Headline = "Spy chief in Black Sea resort"
	if _, err := s.SaveDraft(ctx, b, 1); err != nil {
		t.Fatal(err)
	}
	d.expectList(t, s, storage.Query{}, []string{"sochi", "final", "storm", "budget"}, 4)
	d.expectList(t, s, storage.Query{Text: "bortnikov"}, []string{}, 0)
	d.expectList(t, s, storage.Query{Text: "resort"}, []string{"sochi"}, 1)

	// Tags removed and added move in the tag index.
	c := d.arts["budget"].Clone()
	c.Tags = []string{"Politics", "Economy"}
	if _, err := s.SaveDraft(ctx, c, 1); err != nil {
		t.Fatal(err)
	}
	d.expectList(t, s, storage.Query{Tag: "russia"}, []string{"sochi"}, 1)
	d.expectList(t, s, storage.Query{Tag: "economy"}, []string{"budget"}, 1)

	// A status change through a revision moves it between status lists.
	st := d.arts["storm"].Clone()
	if err := st.SetStatus(editor.StatusPublished); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, st, storage.Meta{Kind: storage.KindStatus})
	d.expectList(t, s, storage.Query{Status: editor.StatusReady}, []string{}, 0)
	d.expectList(t, s, storage.Query{Status: editor.StatusPublished}, []string{"storm", "final"}, 2)
	rows, _, err := s.List(ctx, storage.Query{Status: editor.StatusPublished, Limit: 1})
	if err != nil || len(rows) != 1 || rows[0].Seq != 2 {
		t.Errorf("summary after a revision: %+v, %v; want seq 2", rows, err)
	}

	// Spiking hides it; unspiking brings it back.
	k := st.Clone()
	k.Spike()
	mustSave(t, s, k, storage.Meta{Kind: storage.KindStatus})
	d.expectList(t, s, storage.Query{}, []string{"budget", "sochi", "final"}, 3)
	d.expectList(t, s, storage.Query{Status: editor.StatusSpiked}, []string{"storm", "killed"}, 2)
	if err := k.Unspike(); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, k, storage.Meta{Kind: storage.KindStatus})
	d.expectList(t, s, storage.Query{Status: editor.StatusPublished}, []string{"storm", "final"}, 2)
	mustVerify(t, s)
}

// testListIDs: Query.IDs keeps the named stories, with every other
// filter, the order and the counts as usual; an unknown ID is no row, and
// an empty list none at all (nil is no ID filter).
func testListIDs(t *testing.T, s storage.Store, _ func() storage.Store) {
	d := newDesk(t, s)
	ids := func(names ...string) []string {
		out := []string{}
		for _, n := range names {
			out = append(out, d.ids[n])
		}
		return out
	}
	tests := []struct {
		q     storage.Query
		want  []string
		total int
	}{
		{storage.Query{IDs: ids("sochi", "storm")}, []string{"storm", "sochi"}, 2},
		{storage.Query{IDs: append(ids("final"), "no-such-story")}, []string{"final"}, 1},
		{storage.Query{IDs: ids("sochi", "killed")}, []string{"sochi"}, 1},
		{storage.Query{IDs: ids("sochi", "killed"), Status: editor.StatusSpiked}, []string{"killed"}, 1},
		{storage.Query{IDs: ids("sochi", "budget", "storm"), Tag: "russia"}, []string{"budget", "sochi"}, 2},
		{storage.Query{IDs: ids("sochi", "budget"), Text: "vote"}, []string{"budget"}, 1},
		{storage.Query{IDs: ids("sochi", "budget", "storm", "final"), Limit: 2}, []string{"final", "storm"}, 4},
		{storage.Query{IDs: ids("sochi", "budget", "storm"), Status: editor.StatusReady, Limit: 1}, []string{"storm"}, 1},
		{storage.Query{IDs: []string{}}, []string{}, 0},
		{storage.Query{IDs: []string{}, Limit: 5}, []string{}, 0},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%+v", tc.q), func(t *testing.T) {
			d.expectList(t, s, tc.q, tc.want, tc.total)
		})
	}
}

func testListRefusesBadQuery(t *testing.T, s storage.Store, _ func() storage.Store) {
	newDesk(t, s)
	for _, q := range []storage.Query{
		{Status: "filed"},
		{Offset: -1},
		{Limit: -5},
		{Text: "a\x00b"},
		{Tag: strings.Repeat("t", editor.MaxTagChars+1)},
	} {
		if rows, _, err := s.List(context.Background(), q); err == nil {
			t.Errorf("List(%+v) = %d rows, want an error", q, len(rows))
		}
	}
}

func testTags(t *testing.T, s storage.Store, _ func() storage.Store) {
	ctx := context.Background()
	if tags, err := s.Tags(ctx); err != nil || len(tags) != 0 {
		t.Errorf("Tags of an empty store: %v, %v", tags, err)
	}
	d := newDesk(t, s)
	counts := func() map[string]int {
		t.Helper()
		tags, err := s.Tags(ctx)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]int{}
		for i, tc := range tags {
			if i > 0 && tc.Count > tags[i-1].Count {
				t.Errorf("Tags not most used first: %v", tags)
			}
			k := editor.TagKey(tc.Tag)
			if _, dup := m[k]; dup {
				t.Errorf("tag %q listed twice: %v", k, tags)
			}
			m[k] = tc.Count
		}
		return m
	}
	// Case variants count as one tag; spiked stories still carry theirs.
	want := map[string]int{"russia": 3, "security": 1, "politics": 1, "weather": 1, "sport": 1}
	if got := counts(); !reflect.DeepEqual(got, want) {
		t.Errorf("Tags = %v, want %v", got, want)
	}
	tags, _ := s.Tags(ctx)
	if !strings.EqualFold(tags[0].Tag, "russia") {
		t.Errorf("most used tag %q, want Russia", tags[0].Tag)
	}

	c := d.arts["storm"].Clone()
	c.Tags = []string{"Russia", "Climate", "climate "}
	if _, err := s.SaveDraft(ctx, c, 1); err != nil {
		t.Fatal(err)
	}
	want = map[string]int{"russia": 4, "security": 1, "politics": 1, "climate": 1, "sport": 1}
	if got := counts(); !reflect.DeepEqual(got, want) {
		t.Errorf("after retagging: Tags = %v, want %v", got, want)
	}
}
