package compare

import (
	"slices"
	"strings"
	"testing"

	"copydesk/editor"
)

// notEqual returns the entries that are not Equal.
func notEqual(r *Result) []Entry {
	var out []Entry
	for _, e := range r.Blocks {
		if e.Kind != Equal {
			out = append(out, e)
		}
	}
	return out
}

func wantChunks(t *testing.T, got []Chunk, want ...Chunk) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("chunks:\n got %q\nwant %q", got, want)
	}
}

func wantValues(t *testing.T, what string, got []ValueChange, want ...ValueChange) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// entryAt is the index in r.Blocks of the entry whose B block starts with prefix.
func entryAt(t *testing.T, r *Result, blocksB []editor.Block, prefix string) int {
	t.Helper()
	for k, e := range r.Blocks {
		if e.B >= 0 && strings.HasPrefix(blocksB[e.B].Text, prefix) {
			return k
		}
	}
	t.Fatalf("no entry for the B block starting %q", prefix)
	return -1
}

// TestFixtureEdits edits the TASS story in known ways and checks the exact
// chunks, fields, numbers and quotes; the whole result is also kept as a
// golden file per case.
func TestFixtureEdits(t *testing.T) {
	const (
		numberPara = "Over 43,500 people involved in terrorism have been included"
		quotePara  = `"Nearly a third of them`
		subhead    = "Roughly 7,000 dead"
		movedPara  = "He also called on the security services"
		moveAfter  = "This being so, intelligence services"
	)
	cases := []struct {
		name  string
		edit  func(t *testing.T, b *editor.Article)
		check func(t *testing.T, r *Result, b []editor.Block)
	}{{
		name: "number",
		edit: func(t *testing.T, b *editor.Article) {
			editBlock(t, b, numberPara, replaceOnce(t, "43,500", "45,300"))
		},
		check: func(t *testing.T, r *Result, b []editor.Block) {
			ne := notEqual(r)
			if len(ne) != 1 || ne[0].Kind != Changed {
				t.Fatalf("want one changed block, got %+v", ne)
			}
			rest := strings.TrimPrefix(b[ne[0].B].Text, "Over 45,300")
			wantChunks(t, ne[0].Chunks, Chunk{OpEqual, "Over "}, Chunk{OpDelete, "43,500"}, Chunk{OpInsert, "45,300"}, Chunk{OpEqual, rest})
			k := entryAt(t, r, b, "Over 45,300 people")
			wantValues(t, "numbers", r.Numbers, ValueChange{"body", k, "43,500", "45,300"})
			wantValues(t, "quotes", r.Quotes)
			if r.Stats.WordsAdded != 1 || r.Stats.WordsRemoved != 1 || r.Stats.ParagraphsChanged != 1 {
				t.Errorf("stats %+v", r.Stats)
			}
		},
	}, {
		name: "quote",
		edit: func(t *testing.T, b *editor.Article) {
			editBlock(t, b, quotePara, func(string) string {
				return `"Nearly half of them are foreign terrorist fighters," the FSB chief noted.`
			})
		},
		check: func(t *testing.T, r *Result, b []editor.Block) {
			ne := notEqual(r)
			if len(ne) != 1 || ne[0].Kind != Changed {
				t.Fatalf("want one changed block, got %+v", ne)
			}
			wantChunks(t, ne[0].Chunks,
				Chunk{OpEqual, `"Nearly `}, Chunk{OpDelete, "a third"}, Chunk{OpInsert, "half"},
				Chunk{OpEqual, " of them are foreign terrorist "}, Chunk{OpDelete, "militants"}, Chunk{OpInsert, "fighters"},
				Chunk{OpEqual, `," the FSB chief noted.`})
			k := entryAt(t, r, b, `"Nearly half`)
			wantValues(t, "quotes", r.Quotes, ValueChange{"body", k,
				"Nearly a third of them are foreign terrorist militants", "Nearly half of them are foreign terrorist fighters"})
			wantValues(t, "numbers", r.Numbers)
		},
	}, {
		name: "subhead",
		edit: func(t *testing.T, b *editor.Article) {
			editBlock(t, b, subhead, func(string) string { return "About 7,000 killed or wounded worldwide in terror attacks in 2019" })
		},
		check: func(t *testing.T, r *Result, b []editor.Block) {
			ne := notEqual(r)
			if len(ne) != 1 || ne[0].Kind != Changed || ne[0].Block != editor.Subhead {
				t.Fatalf("want one changed subhead, got %+v", ne)
			}
			if got := side(ne[0].Chunks, OpInsert); got != "About 7,000 killed or wounded worldwide in terror attacks in 2019" {
				t.Errorf("new subhead rebuilt as %q", got)
			}
			wantValues(t, "numbers", r.Numbers) // 7,000 and 2019 stay
		},
	}, {
		name: "moved",
		edit: func(t *testing.T, b *editor.Article) { moveBlock(t, b, movedPara, moveAfter) },
		check: func(t *testing.T, r *Result, b []editor.Block) {
			ne := notEqual(r)
			if len(ne) != 2 || ne[0].Kind != MovedAway || ne[1].Kind != Moved {
				t.Fatalf("want moved-away then moved, got %+v", ne)
			}
			to := entryAt(t, r, b, movedPara)
			from := r.Blocks[to].Partner
			if from < 0 || r.Blocks[from].Kind != MovedAway || r.Blocks[from].Partner != to || from > to {
				t.Errorf("partners: moved entry %d ↔ %d", to, from)
			}
			if r.Stats.ParagraphsMoved != 1 || r.Stats.WordsAdded+r.Stats.WordsRemoved != 0 {
				t.Errorf("stats %+v", r.Stats)
			}
			wantValues(t, "numbers", r.Numbers)
		},
	}, {
		name: "tag",
		edit: func(t *testing.T, b *editor.Article) {
			b.Tags = []string{"russia", "Terrorism", "FSB", "Interpol"} // a re-cased tag is no change
		},
		check: func(t *testing.T, r *Result, b []editor.Block) {
			if len(notEqual(r)) != 0 || len(r.Fields) != 1 {
				t.Fatalf("want only the tags changed, got fields %+v", r.Fields)
			}
			f := r.Fields[0]
			if f.Field != "tags" || !slices.Equal(f.Added, []string{"Interpol"}) || f.Removed != nil {
				t.Errorf("tags change %+v", f)
			}
		},
	}, {
		name: "dateline",
		edit: func(t *testing.T, b *editor.Article) {
			b.Dateline.Place, b.Dateline.Date = "Moscow", "2019-10-17"
			editBlock(t, b, "SOCHI, October 16.", replaceOnce(t, "SOCHI, October 16.", "MOSCOW, October 17."))
		},
		check: func(t *testing.T, r *Result, b []editor.Block) {
			var names []string
			for _, f := range r.Fields {
				names = append(names, f.Field+"="+f.Old+"→"+f.New)
			}
			want := []string{"dateline=SOCHI, October 16. /TASS/.→MOSCOW, October 17. /TASS/.",
				"dateline.place=Sochi→Moscow", "dateline.date=2019-10-16→2019-10-17"}
			if !slices.Equal(names, want) {
				t.Errorf("fields:\n got %q\nwant %q", names, want)
			}
			ne := notEqual(r)
			if len(ne) != 1 {
				t.Fatalf("want the dateline paragraph changed, got %+v", ne)
			}
			wantChunks(t, ne[0].Chunks[:5], Chunk{OpDelete, "SOCHI"}, Chunk{OpInsert, "MOSCOW"},
				Chunk{OpEqual, ", October "}, Chunk{OpDelete, "16"}, Chunk{OpInsert, "17"})
			wantValues(t, "numbers", r.Numbers, ValueChange{"body", 0, "16", "17"})
		},
	}, {
		name: "combined",
		edit: combinedEdit,
		check: func(t *testing.T, r *Result, b []editor.Block) {
			s := r.Stats
			if s.ParagraphsChanged != 4 || s.ParagraphsMoved != 1 || s.ParagraphsInserted != 1 || s.ParagraphsDeleted != 1 {
				t.Errorf("stats %+v", s)
			}
			var fields []string
			for _, f := range r.Fields {
				fields = append(fields, f.Field)
			}
			want := []string{"headline", "dateline", "dateline.place", "dateline.date", "bylines", "tags", "ednote"}
			if !slices.Equal(fields, want) {
				t.Errorf("fields %q, want %q", fields, want)
			}
			if r.Fields[len(r.Fields)-1].Internal != true {
				t.Error("the ednote is not flagged internal")
			}
			var nums []string
			for _, v := range r.Numbers {
				nums = append(nums, v.Field+":"+v.Old+"→"+v.New)
			}
			wantNums := []string{"body:16→17", "body:43,500→45,300", "body:→2020"}
			if !slices.Equal(nums, wantNums) {
				t.Errorf("numbers %q, want %q", nums, wantNums)
			}
		},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := fixtureArticle(t)
			b := a.Clone()
			tc.edit(t, b)
			r := Compare(a, b, Options{})
			blocksB := editor.ParseBody(b.Body)
			tc.check(t, r, blocksB)
			checkRebuild(t, r, a.Body, b.Body)
			golden(t, "fixture-"+tc.name+".golden", dump(r))
		})
	}
}

// combinedEdit is every fixture edit at once, plus a headline change, a
// byline, an ednote, a paragraph deleted and one inserted.
func combinedEdit(t *testing.T, b *editor.Article) {
	editBlock(t, b, "Over 43,500 people involved in terrorism have been included", replaceOnce(t, "43,500", "45,300"))
	editBlock(t, b, `"Nearly a third of them`, replaceOnce(t, "a third", "half"))
	editBlock(t, b, "Roughly 7,000 dead", func(string) string { return "About 7,000 killed or wounded worldwide in terror attacks in 2019" })
	moveBlock(t, b, "He also called on the security services", "This being so, intelligence services")
	b.Dateline.Place, b.Dateline.Date = "Moscow", "2019-10-17"
	editBlock(t, b, "SOCHI, October 16.", replaceOnce(t, "SOCHI, October 16.", "MOSCOW, October 17."))
	b.Tags = append(b.Tags, "Interpol")
	b.Headline = strings.Replace(b.Headline, "defeated", "beaten", 1)
	b.Bylines = []editor.Byline{{Name: "Peter Kovalev", Role: editor.RolePhotographer}}
	b.EdNote = "Check the 45,300 figure with the FSB press office."
	blocks := editor.ParseBody(b.Body)
	var out []editor.Block
	for _, bl := range blocks {
		if strings.HasPrefix(bl.Text, "According to him, currently, there is a rising threat") {
			continue // deleted
		}
		out = append(out, bl)
		if strings.HasPrefix(bl.Text, "Criminal cases have been opened") {
			out = append(out, editor.Block{Kind: editor.Paragraph,
				Text: `The FSB said in 2020 that "the database keeps growing every month".`})
		}
	}
	b.Body = editor.FormatBody(out)
}

// checkRebuild asserts that the entries rebuild both bodies exactly.
func checkRebuild(t *testing.T, r *Result, bodyA, bodyB string) {
	t.Helper()
	if got, want := r.BlocksA(), editor.ParseBody(bodyA); !slices.Equal(got, want) {
		t.Errorf("BlocksA differ from A's blocks:\n got %q\nwant %q", got, want)
	}
	if got, want := r.BlocksB(), editor.ParseBody(bodyB); !slices.Equal(got, want) {
		t.Errorf("BlocksB differ from B's blocks:\n got %q\nwant %q", got, want)
	}
	if got, want := r.RebuildA(), editor.FormatBody(editor.ParseBody(bodyA)); got != want {
		t.Errorf("RebuildA:\n got %q\nwant %q", got, want)
	}
	if got, want := r.RebuildB(), editor.FormatBody(editor.ParseBody(bodyB)); got != want {
		t.Errorf("RebuildB:\n got %q\nwant %q", got, want)
	}
	for k, e := range r.Blocks {
		if (e.Kind == Moved || e.Kind == MovedAway) != (e.Partner >= 0) {
			t.Errorf("entry %d (%s) has partner %d", k, e.Kind, e.Partner)
		}
		if e.Partner >= 0 && r.Blocks[e.Partner].Partner != k {
			t.Errorf("entry %d's partner %d points back to %d", k, e.Partner, r.Blocks[e.Partner].Partner)
		}
	}
	for _, v := range slices.Concat(r.Numbers, r.Quotes) {
		if v.Entry < -1 || v.Entry >= len(r.Blocks) || (v.Entry == -1) != (v.Field != "body") {
			t.Errorf("value change %+v points nowhere", v)
		}
	}
}

func TestIdentical(t *testing.T) {
	a := fixtureArticle(t)
	r := Compare(a, a.Clone(), Options{})
	if !r.Identical() || len(r.Numbers)+len(r.Quotes) != 0 || r.Stats != (Stats{}) {
		t.Errorf("an article compared with itself: %s", dump(r))
	}
	checkRebuild(t, r, a.Body, a.Body)
}
