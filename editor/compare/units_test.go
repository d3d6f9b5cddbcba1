package compare

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/compare/compareload"
)

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Over 43,500 people.", []string{"Over", " ", "43,500", " ", "people", "."}},
		{"don't al-Qaeda 1.5 50%", []string{"don't", " ", "al-Qaeda", " ", "1.5", " ", "50", "%"}},
		{"end, 7,000.", []string{"end", ",", " ", "7,000", "."}},
		{"ISIL\u00a0[formerly]", []string{"ISIL", "\u00a0", "[", "formerly", "]"}},
		{"  \n\t«Да»", []string{"  \n\t", "«", "Да", "»"}},
		{"a—b", []string{"a", "—", "b"}},
		{"bad\xffbyte", []string{"bad", "\xff", "byte"}},
		{"trailing-", []string{"trailing", "-"}},
	}
	for _, tc := range cases {
		c := newComparer(Options{}.withDefaults())
		tk := c.tokenize(tc.in)
		var got []string
		for i := range tk.runes {
			got = append(got, tk.text(i, i+1))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Over 43,500 people, 7,000 dead in 2019.", []string{"43,500", "7,000", "2019"}},
		{"rose 1.5 points to 50% from 79", []string{"1.5", "50%", "79"}},
		{"the G20 and 5G on the 16th", nil},
		{"from 36 countries, 8 departments", []string{"36", "8"}},
		{"COVID-19 in 2019-2020", []string{"19", "2019", "2020"}},
		{"no figures here", nil},
		{"٣٤ Arabic-Indic digits", []string{"٣٤"}},
	}
	for _, tc := range cases {
		if got := numbers(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("numbers(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestQuoted(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{`"Now major forces have been defeated," Bortnikov told.`, []string{"Now major forces have been defeated"}},
		{`He said “one” and «two» and „three“.`, []string{"one", "two", "three"}},
		{`‘It’s over’, she said.`, []string{"It’s over"}},
		{`the database "includes data on 116 organizations."`, []string{"includes data on 116 organizations."}},
		{`"A quote that runs on to the next paragraph`, []string{"A quote that runs on to the next paragraph"}},
		{`It's the FSB's view`, nil},
		{`«outer „inner“ rest»`, []string{"outer „inner“ rest"}},
		{`empty "" quote`, nil},
	}
	for _, tc := range cases {
		if got := quoted(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("quoted(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBylineChanges(t *testing.T) {
	ivan := editor.Byline{Name: "Ivan Petrov", Role: editor.RoleWriter}
	anna := editor.Byline{Name: "Anna Ivanova", Role: editor.RolePhotographer}
	cases := []struct {
		name string
		a, b []editor.Byline
		want []string // field: old -> new [added] [removed]
	}{
		{"same", []editor.Byline{ivan, anna}, []editor.Byline{ivan, anna}, nil},
		{"added", []editor.Byline{ivan}, []editor.Byline{ivan, anna},
			[]string{"bylines: Ivan Petrov (writer) -> Ivan Petrov (writer); Anna Ivanova (photographer) [Anna Ivanova (photographer)] []"}},
		{"removed", []editor.Byline{ivan, anna}, []editor.Byline{anna},
			[]string{"bylines: Ivan Petrov (writer); Anna Ivanova (photographer) -> Anna Ivanova (photographer) [] [Ivan Petrov (writer)]"}},
		{"role changed", []editor.Byline{ivan}, []editor.Byline{{Name: "ivan  petrov", Role: editor.RoleEditor}},
			[]string{"bylines: Ivan Petrov (writer) -> ivan  petrov (editor) [] []", "bylines.role: writer -> editor [] []"}},
		{"reordered", []editor.Byline{ivan, anna}, []editor.Byline{anna, ivan},
			[]string{"bylines: Ivan Petrov (writer); Anna Ivanova (photographer) -> Anna Ivanova (photographer); Ivan Petrov (writer) [] []"}},
		{"same person twice", []editor.Byline{ivan, {Name: "Ivan Petrov", Role: editor.RolePhotographer}}, []editor.Byline{ivan},
			[]string{"bylines: Ivan Petrov (writer); Ivan Petrov (photographer) -> Ivan Petrov (writer) [] [Ivan Petrov (photographer)]"}},
	}
	for _, tc := range cases {
		var got []string
		for _, f := range bylineChanges(tc.a, tc.b) {
			got = append(got, f.Field+": "+f.Old+" -> "+f.New+" ["+strings.Join(f.Added, "|")+"] ["+strings.Join(f.Removed, "|")+"]")
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestTagChanges(t *testing.T) {
	added, removed := tagChanges([]string{"Russia", "FSB", "Syria"}, []string{"russia", " fsb ", "Interpol", "INTERPOL"})
	if !slices.Equal(added, []string{"Interpol"}) || !slices.Equal(removed, []string{"Syria"}) {
		t.Errorf("added %q removed %q", added, removed)
	}
}

// TestEveryField changes every metadata field once and expects it listed.
func TestEveryField(t *testing.T) {
	a := fixtureArticle(t)
	b := a.Clone()
	b.Headline += " (updated)"
	b.Standfirst = "A new standfirst."
	b.Section = "Russia"
	b.Slug = "RUSSIA-FSB"
	b.Dateline = editor.Dateline{Place: "Moscow", Region: "Russia", Date: "2019-10-17", DateAssumed: true, Source: "Reuters"}
	b.Bylines = []editor.Byline{{Name: "Ivan Petrov", Role: editor.RoleWriter}}
	b.Photo = editor.Photo{Caption: "Alexander Bortnikov", Credit: "TASS", Copyright: "© TASS 2019"}
	b.Tags = []string{"Russia"}
	b.Status = editor.StatusReady
	b.Urgency = 2
	b.Language = "en-GB"
	b.Embargo = time.Date(2019, 10, 16, 12, 0, 0, 0, time.UTC)
	b.Correction = "An earlier version misstated the figure."
	b.Notice = editor.Notice{Kind: editor.NoticeWithhold, Note: "Hold until the toll is confirmed."}
	b.EdNote = "Legal has seen this."
	r := Compare(a, b, Options{})
	var got []string
	for _, f := range r.Fields {
		got = append(got, f.Field)
		if f.Chunks != nil && (f.RebuildOld() != f.Old || f.RebuildNew() != f.New) {
			t.Errorf("%s: chunks rebuild %q → %q, want %q → %q", f.Field, f.RebuildOld(), f.RebuildNew(), f.Old, f.New)
		}
	}
	want := []string{"headline", "standfirst", "section", "slug", "dateline", "dateline.place", "dateline.region",
		"dateline.date", "dateline.date_assumed", "dateline.source", "bylines", "photo.caption", "photo.credit",
		"photo.copyright", "tags", "status", "urgency", "language", "embargo", "correction", "notice", "ednote"}
	if !slices.Equal(got, want) {
		t.Errorf("fields\n got %q\nwant %q", got, want)
	}
	golden(t, "every-field.golden", dump(r))
}

func TestKindChangeAndEmpty(t *testing.T) {
	cases := []struct {
		name, a, b string
		want       []Kind
	}{
		{"both empty", "", "", nil},
		{"from empty", "", "One.\n\nTwo.", []Kind{Inserted, Inserted}},
		{"to empty", "One.\n\nTwo.", "", []Kind{Deleted, Deleted}},
		{"paragraph becomes quote", "Intro.\n\nHe said so.\n\nEnd.", "Intro.\n\n> He said so.\n\nEnd.", []Kind{Equal, Changed, Equal}},
		{"swap two", "Alpha beta gamma.\n\nDelta epsilon zeta.", "Delta epsilon zeta.\n\nAlpha beta gamma.", []Kind{MovedAway, Equal, Moved}},
		{"unrelated lone replacement", "Alpha beta gamma.", "Delta epsilon zeta.", []Kind{Deleted, Inserted}},
		{"subhead kept", "## Sub\n\nText.", "## Sub\n\nText!", []Kind{Equal, Changed}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(&editor.Article{Body: tc.a}, &editor.Article{Body: tc.b}, Options{})
			var got []Kind
			for _, e := range r.Blocks {
				got = append(got, e.Kind)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("kinds %v, want %v", got, tc.want)
			}
			checkRebuild(t, r, tc.a, tc.b)
		})
	}
}

// TestNearMove: a paragraph moved and lightly edited is one moved block
// with its word changes, not a deletion and an insertion.
func TestNearMove(t *testing.T) {
	a := fixtureArticle(t)
	b := a.Clone()
	moveBlock(t, b, "He also called on the security services", "This being so, intelligence services")
	editBlock(t, b, "He also called on the security services", replaceOnce(t, "commercial enterprises", "companies"))
	r := Compare(a, b, Options{})
	ne := notEqual(r)
	if len(ne) != 2 || ne[0].Kind != MovedAway || ne[1].Kind != Moved {
		t.Fatalf("want moved-away, moved; got %s", dump(r))
	}
	if r.Stats.ParagraphsMovedAndEdited != 1 || r.Stats.WordsAdded != 1 || r.Stats.WordsRemoved != 2 {
		t.Errorf("stats %+v", r.Stats)
	}
	wantChunks(t, ne[1].Chunks[1:3], Chunk{OpDelete, "commercial enterprises"}, Chunk{OpInsert, "companies"})
	checkRebuild(t, r, a.Body, b.Body)
}

// TestInPlaceBeatsMove: a paragraph rewritten in place stays a change even
// when a near copy of it is inserted elsewhere.
func TestInPlaceBeatsMove(t *testing.T) {
	a := &editor.Article{Body: "One two three four five six seven eight nine ten.\n\nKeep this.\n\nAnd keep this one."}
	b := &editor.Article{Body: "One two three four five six seven eight nine eleven.\n\nKeep this.\n\nAnd keep this one.\n\nOne two three four five six seven eight nine twelve."}
	r := Compare(a, b, Options{})
	var kinds []Kind
	for _, e := range r.Blocks {
		kinds = append(kinds, e.Kind)
	}
	if want := []Kind{Changed, Equal, Equal, Inserted}; !slices.Equal(kinds, want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
	checkRebuild(t, r, a.Body, b.Body)
}

// TestInvalidUTF8 feeds what the store never lets through: no panic, and
// the sides still rebuild byte for byte; the reports stay valid UTF-8.
func TestInvalidUTF8(t *testing.T) {
	a := &editor.Article{Headline: "bad \xff head", Body: "Caf\xe9 au lait.\n\n## Sub\xc3\n\nSame."}
	b := &editor.Article{Headline: "bad \xfe head", Body: "Caf\xe8 au lait.\n\n## Sub\xc3x\n\nSame."}
	r := Compare(a, b, Options{})
	checkRebuild(t, r, a.Body, b.Body)
	if f := r.Fields[0]; f.RebuildOld() != a.Headline || f.RebuildNew() != b.Headline {
		t.Errorf("headline chunks %q", f.Chunks)
	}
	for _, out := range [][]byte{Redline(r, ReportMeta{}), TextReport(r, ReportMeta{})} {
		if !utf8.Valid(out) {
			t.Error("a report is not valid UTF-8")
		}
	}
}

// TestTimeoutFallsBackToBlocks: with no time at all the comparison is
// coarse (whole blocks) but still exact.
func TestTimeoutFallsBackToBlocks(t *testing.T) {
	a := fixtureArticle(t)
	b := a.Clone()
	combinedEdit(t, b)
	r := Compare(a, b, Options{DiffTimeout: time.Nanosecond})
	if !r.Coarse {
		t.Error("Coarse not set after a 1 ns timeout")
	}
	checkRebuild(t, r, a.Body, b.Body)
}

// TestUnrelatedTexts: two unrelated long texts give a block-level result —
// never one deletion of everything and one insertion of everything — and
// similar paragraphs still get word-level changes.
func TestUnrelatedTexts(t *testing.T) {
	a, b := compareload.Article(1, 10000), compareload.Article(2, 10000)
	r := Compare(a, b, Options{DiffTimeout: -1})
	blocksA, blocksB := editor.ParseBody(a.Body), editor.ParseBody(b.Body)
	if len(r.Blocks) < max(len(blocksA), len(blocksB)) {
		t.Errorf("%d entries for %d and %d blocks", len(r.Blocks), len(blocksA), len(blocksB))
	}
	if r.Stats.ParagraphsChanged == 0 {
		t.Error("no paragraph paired for a word-level diff")
	}
	for k, e := range r.Blocks {
		for _, c := range e.Chunks {
			if len(c.Text) > 5000 {
				t.Fatalf("entry %d has a %d-byte chunk: not block-level", k, len(c.Text))
			}
		}
	}
	checkRebuild(t, r, a.Body, b.Body)
}

func TestLoadEdit(t *testing.T) {
	a := compareload.Article(7, 10000)
	b := compareload.Edit(a, 8, 50)
	if w := editor.CountWords(editor.PlainBody(a.Body)); w < 10000 || w > 10150 {
		t.Errorf("generated %d words, want about 10,000", w)
	}
	if again := compareload.Edit(compareload.Article(7, 10000), 8, 50); again.Body != b.Body {
		t.Error("the generator is not deterministic")
	}
	r := Compare(a, b, Options{DiffTimeout: -1})
	s := r.Stats
	if s.ParagraphsInserted != 1 || s.ParagraphsDeleted != 1 || s.ParagraphsMoved != 1 || s.ParagraphsChanged < 40 || s.ParagraphsChanged > 47 {
		t.Errorf("the 50 edits compare as %+v", s)
	}
	checkRebuild(t, r, a.Body, b.Body)
}

// TestSharedRunes lowers the token limit so that many words and blocks
// share one rune, as they would past a million distinct tokens: equal runes
// must never make unequal text "equal".
func TestSharedRunes(t *testing.T) {
	defer func(old int32) { tokenLimit = old }(tokenLimit)
	tokenLimit = 10
	a := fixtureArticle(t)
	b := a.Clone()
	combinedEdit(t, b)
	r := Compare(a, b, Options{})
	checkRebuild(t, r, a.Body, b.Body)
	for _, f := range r.Fields {
		if f.Chunks != nil && (f.RebuildOld() != f.Old || f.RebuildNew() != f.New) {
			t.Errorf("%s rebuilds as %q → %q", f.Field, f.RebuildOld(), f.RebuildNew())
		}
	}
	for _, e := range r.Blocks {
		for _, c := range e.Chunks {
			if c.Op == OpEqual && e.Kind == Changed && !strings.Contains(side(e.Chunks, OpDelete), c.Text) {
				t.Errorf("equal chunk %q not in the old text", c.Text)
			}
		}
	}
}
