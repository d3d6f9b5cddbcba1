package review

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/compare"
	"copydesk/editor/compare/compareload"
)

// pair is a small story and an edited copy with one change of every kind.
func pair() (a, b *editor.Article) {
	t0 := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	a = &editor.Article{ID: "01920000-0000-7000-8000-000000000001", Headline: "Council closes plant",
		Body: editor.FormatBody([]editor.Block{
			{Kind: editor.Paragraph, Text: "The council met on Monday and voted 12 to 3 to close the plant."},
			{Kind: editor.Paragraph, Text: "Workers protested outside the town hall for most of the afternoon."},
			{Kind: editor.Paragraph, Text: "A short paragraph that the editor cut from the story entirely."},
			{Kind: editor.Paragraph, Text: "“We will appeal,” the union leader said after the vote."},
			{Kind: editor.Paragraph, Text: "The plant opened in 1962 and employed most of the town for decades."},
		}),
		Dateline: editor.Dateline{Place: "LEEDS", Date: "2026-12-04"},
		Tags:     []string{"Industry"}, Status: editor.StatusDraft, Language: "en", Created: t0, Modified: t0}
	b = a.Clone()
	b.Headline = "Council votes to close plant"
	b.Dateline.Place = "BRADFORD"
	b.Tags = []string{"Industry", "Labour"}
	b.Status = editor.StatusInEdit
	b.Modified = t0.Add(time.Hour)
	b.Body = editor.FormatBody([]editor.Block{
		{Kind: editor.Paragraph, Text: "The city council met on Tuesday and voted 12 to 4 to close the old plant."},
		{Kind: editor.Paragraph, Text: "The plant opened in 1962 and employed most of the town for decades."},
		{Kind: editor.Paragraph, Text: "Workers protested outside the town hall for most of the afternoon."},
		{Kind: editor.Quote, Text: "“We shall appeal,” the union leader said after the vote."},
		{Kind: editor.Paragraph, Text: "Police said the protest was peaceful."},
	})
	return a, b
}

func TestChangesKindsAndFlags(t *testing.T) {
	a, b := pair()
	r := New(a, b)
	got := map[Kind]int{}
	for _, c := range r.Changes {
		got[c.Kind]++
	}
	// Which of two swapped paragraphs counts as moved is the comparison's
	// call; every kind must be there, with the four fields and five hunks.
	want := map[Kind]int{Field: 4, Words: 5, Inserted: 1, Deleted: 1, Moved: 1, Restyled: 1}
	bad := got[Field] != 4 || got[Words] != 5
	for k := range want {
		bad = bad || got[k] == 0
	}
	if bad {
		for _, c := range r.Changes {
			t.Logf("%s %s %s", c.ID, c.Kind, c.Summary)
		}
		t.Fatalf("kinds %v, want %v", got, want)
	}
	flagged := func(old, new string) Change {
		for _, c := range r.Changes {
			if c.Kind == Words && strings.TrimSpace(c.Old) == old && strings.TrimSpace(c.New) == new {
				return c
			}
		}
		t.Fatalf("no words change %q → %q", old, new)
		return Change{}
	}
	tests := []struct {
		old, new        string
		numbers, quotes bool
	}{
		{"3", "4", true, false},
		{"Monday", "Tuesday", false, false},
		{"will", "shall", false, true},
	}
	for _, tc := range tests {
		c := flagged(tc.old, tc.new)
		if c.Numbers != tc.numbers || c.Quotes != tc.quotes {
			t.Errorf("%q → %q: numbers %v quotes %v, want %v %v", tc.old, tc.new, c.Numbers, c.Quotes, tc.numbers, tc.quotes)
		}
	}
}

func TestIDsStable(t *testing.T) {
	a, b := pair()
	r1, r2 := New(a, b), New(a.Clone(), b.Clone())
	if !reflect.DeepEqual(r1.Changes, r2.Changes) {
		t.Fatal("the same A and B gave different change lists")
	}
	for i, c := range r1.Changes {
		if c.ID != "C"+itoa(i+1) {
			t.Fatalf("change %d has ID %s", i, c.ID)
		}
	}
}

func TestAcceptAllRejectAll(t *testing.T) {
	a, b := pair()
	r := New(a, b)
	if got := r.Apply(nil); !reflect.DeepEqual(got, b) {
		t.Errorf("accept all: got %+v, want B", got)
	}
	all := Set{}
	for _, c := range r.Changes {
		all[c.ID] = true
	}
	if got := r.Apply(all); !reflect.DeepEqual(got, a) {
		t.Errorf("reject all: got %+v, want A", got)
	}
	// The general path, without the exact shortcuts, gives the same copy.
	if got := r.apply(Set{}); !reflect.DeepEqual(got, b) {
		t.Errorf("accept all through the cards: body %q, want %q", got.Body, b.Body)
	}
	got := r.apply(all)
	got.ID, got.Created, got.Modified = a.ID, a.Created, a.Modified
	if !reflect.DeepEqual(got, a) {
		t.Errorf("reject all through the cards: body %q, want %q", got.Body, a.Body)
	}
}

func TestRejectOneHunkInParagraph(t *testing.T) {
	a, b := pair()
	r := New(a, b)
	tests := []struct{ old, want string }{
		{"Monday", "The city council met on Monday and voted 12 to 4 to close the old plant."},
		{"3", "The city council met on Tuesday and voted 12 to 3 to close the old plant."},
		{"", "The council met on Tuesday and voted 12 to 4 to close the old plant."}, // "city " inserted
	}
	for _, tc := range tests {
		var id string
		for _, c := range r.Changes {
			if c.Kind == Words && c.Para == 1 && strings.TrimSpace(c.Old) == tc.old {
				id = c.ID
				break
			}
		}
		if id == "" {
			t.Fatalf("no hunk %q in the first paragraph", tc.old)
		}
		got := editor.ParseBody(r.Apply(Set{id: true}).Body)[0].Text
		if got != tc.want {
			t.Errorf("reject %s (%q): %q, want %q", id, tc.old, got, tc.want)
		}
	}
}

func TestParseIDs(t *testing.T) {
	a, b := pair()
	r := New(a, b)
	s, err := r.ParseIDs("c1, C3,")
	if err != nil || !s["C1"] || !s["C3"] || len(s) != 2 {
		t.Fatalf("ParseIDs: %v %v", s, err)
	}
	if _, err := r.ParseIDs("C1,C999"); err == nil || !strings.Contains(err.Error(), "C999") {
		t.Fatalf("unknown ID: %v", err)
	}
}

// model applies the accepted changes to A one at a time, in the order
// given: paragraphs are slots switched on and off, word hunks are spliced
// into the paragraph's current text at their offset in A, shifted by the
// hunks already applied before them.
func model(r *Review, accepted []Change) *editor.Article {
	type para struct {
		kind    editor.BlockKind
		text    string
		applied []([2]int) // A offset and length change of each applied hunk
	}
	type slot struct {
		p  *para
		on bool
	}
	res := r.Result
	slots := make([]slot, len(res.Blocks))
	for k, e := range res.Blocks {
		switch e.Kind {
		case compare.Equal, compare.Changed, compare.Deleted:
			t, _ := res.TextA(k)
			slots[k] = slot{&para{kind: e.OldBlock, text: t}, true}
		case compare.Inserted:
			t, _ := res.TextB(k)
			slots[k] = slot{&para{kind: e.Block, text: t}, false}
		}
	}
	for k, e := range res.Blocks {
		if e.Kind == compare.Moved {
			p := &para{kind: e.OldBlock, text: sideText(e.Chunks, compare.OpDelete)}
			slots[k] = slot{p, false}
			slots[e.Partner] = slot{p, true}
		}
	}
	out := r.A.Clone()
	for _, c := range accepted {
		switch c.Kind {
		case Field:
			fields[c.fieldIndex].copy(out, r.B)
		case Inserted:
			slots[c.entry].on = true
		case Deleted:
			slots[c.entry].on = false
		case Moved:
			slots[c.entry].on, slots[res.Blocks[c.entry].Partner].on = true, false
		case Restyled:
			slots[c.entry].p.kind = res.Blocks[c.entry].Block
		case Words:
			p := slots[c.entry].p
			off := 0
			for _, ch := range res.Blocks[c.entry].Chunks[:c.chunkFrom] {
				if ch.Op != compare.OpInsert {
					off += len(ch.Text)
				}
			}
			shift := 0
			for _, ap := range p.applied {
				if ap[0] < off {
					shift += ap[1]
				}
			}
			at := off + shift
			p.text = p.text[:at] + c.New + p.text[at+len(c.Old):]
			p.applied = append(p.applied, [2]int{off, len(c.New) - len(c.Old)})
		}
	}
	var blocks []editor.Block
	for _, s := range slots {
		if s.on {
			blocks = append(blocks, editor.Block{Kind: s.p.kind, Text: s.p.text})
		}
	}
	out.Body = editor.FormatBody(blocks)
	out.ID, out.Created, out.Modified = r.B.ID, r.B.Created, r.B.Modified
	return out
}

// checkModel rejects a random subset of r's changes and compares Apply
// (through the cards) with the model applying the rest in random order.
func checkModel(t testing.TB, r *Review, rng *rand.Rand) {
	rejected := Set{}
	var accepted []Change
	for _, c := range r.Changes {
		if rng.IntN(2) == 0 {
			rejected[c.ID] = true
		} else {
			accepted = append(accepted, c)
		}
	}
	rng.Shuffle(len(accepted), func(i, j int) { accepted[i], accepted[j] = accepted[j], accepted[i] })
	got, want := r.apply(rejected), model(r, accepted)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("rejecting %v:\n got body %q\nwant body %q\n got %+v\nwant %+v", rejected, got.Body, want.Body, got, want)
	}
	if len(rejected) > 0 && len(rejected) < len(r.Changes) {
		if ex := r.Apply(rejected); !reflect.DeepEqual(ex, got) {
			t.Fatalf("Apply differs from the cards")
		}
	}
}

func TestRandomRejectionsMatchModel(t *testing.T) {
	a, b := pair()
	base := compareload.Article(7, 1500)
	pairs := []struct {
		name string
		a, b *editor.Article
	}{
		{"every kind", a, b},
		{"1500 words, 40 edits", base, compareload.Edit(base, 3, 40)},
		{"unrelated", compareload.Article(1, 300), compareload.Article(2, 300)},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			r := New(p.a, p.b)
			rng := rand.New(rand.NewPCG(1, 2))
			for range 50 {
				checkModel(t, r, rng)
			}
		})
	}
}
