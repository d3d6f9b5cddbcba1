package checks

import (
	"context"
	"flag"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/editor/check/spell"
	"copydesk/editor/testfixture"
	"copydesk/editor/wire"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

var (
	update = flag.Bool("update", false, "rewrite the markup goldens in testdata/")
	pngOut = flag.String("png", "", "also write the panel's picture to this PNG file")
)

func fixture(t *testing.T) *editor.Article {
	t.Helper()
	a, _, err := wire.Parse("tass.txt", testfixture.Read(t, testfixture.TASS), editor.ImportOptions{
		Year: 2019, Now: time.Date(2019, 10, 16, 10, 5, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func openStore(t *testing.T) storage.Store {
	t.Helper()
	s, err := badgerstore.Open(t.TempDir(), badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// harness is a panel in a test window with its callbacks recorded.
type harness struct {
	p       *Panel
	w       fyne.Window
	checked chan check.Report
	jumped  []check.Finding
	fixed   []*editor.Article
}

func newHarness(t *testing.T, st storage.Store) *harness {
	t.Helper()
	test.NewTempApp(t)
	h := &harness{checked: make(chan check.Report, 8)}
	h.p = New(Options{
		Store:     st,
		OnJump:    func(f check.Finding) { h.jumped = append(h.jumped, f) },
		OnFix:     func(a *editor.Article) { h.fixed = append(h.fixed, a) },
		OnChecked: func(r check.Report) { h.checked <- r },
		Delay:     time.Millisecond,
	})
	h.w = test.NewTempWindow(t, h.p)
	h.w.Resize(fyne.NewSize(360, 720))
	return h
}

// wait returns the next report the panel shows.
func (h *harness) wait(t *testing.T) check.Report {
	t.Helper()
	select {
	case r := <-h.checked:
		return r
	case <-time.After(30 * time.Second):
		t.Fatal("the panel showed no report")
	}
	return check.Report{}
}

// button finds the first button in the panel whose text satisfies ok
// inside the row of the finding at index i (-1: anywhere).
func (h *harness) button(t *testing.T, row int, ok func(string) bool) *widget.Button {
	t.Helper()
	var root fyne.CanvasObject = h.p.list
	if row >= 0 {
		root = h.p.list.Objects[row]
	}
	var found *widget.Button
	walk(root, func(o fyne.CanvasObject) {
		if b, isB := o.(*widget.Button); isB && found == nil && ok(b.Text) {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no such button in row %d", row)
	}
	return found
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, k := range c.Objects {
			walk(k, fn)
		}
	}
}

// rowOf is the index of the row (a group of findings) that holds the
// first finding pred picks.
func rowOf(r check.Report, pred func(check.Finding) bool) int {
	for i, g := range groupFindings(r.Findings) {
		for _, f := range g {
			if pred(f) {
				return i
			}
		}
	}
	return -1
}

func needEnglish(t *testing.T) {
	if _, err := spell.Shared.Dictionary("en"); err != nil {
		t.Skip(err)
	}
}

// TestPanelOnFixture: the fixture's findings are listed in order with the
// limits; Add to desk dictionary clears Bortnikov (and keeps him in the
// store); the ISIL fix hands OnFix the fixed article; a place jumps.
func TestPanelOnFixture(t *testing.T) {
	needEnglish(t)
	st := openStore(t)
	h := newHarness(t, st)
	a := fixture(t)
	// The fixture's ISILs are in direct quotes, which the term rules leave
	// alone; as reported speech (no quote marks) they are fixable.
	a.Body = strings.ReplaceAll(a.Body, `"`, "")
	h.p.Check(a)
	r := h.wait(t)

	if len(r.Limits) != 3 || len(h.p.limits.Objects) != 3 {
		t.Fatalf("limits: %v, %d labels", r.Limits, len(h.p.limits.Objects))
	}
	if got := h.p.limits.Objects[0].(*widget.Label).Text; got != "Headline 87/90 characters" {
		t.Errorf("headline limit label %q", got)
	}
	if n := len(groupFindings(r.Findings)); len(h.p.list.Objects) != n {
		t.Errorf("%d rows for %d kinds of finding", len(h.p.list.Objects), n)
	}
	if !strings.HasPrefix(h.p.summary.Text, "27 findings: 24 spelling, 3 style") {
		t.Errorf("summary %q", h.p.summary.Text)
	}
	assertMarkup(t, "fixture.xml", h.w)

	// Jump.
	i := rowOf(r, func(f check.Finding) bool { return f.Text == "ISIL" })
	test.Tap(h.button(t, i, func(s string) bool { return strings.HasPrefix(s, "Body ¶4") }))
	if len(h.jumped) != 1 || h.jumped[0].Text != "ISIL" || h.jumped[0].Place.Block != 3 {
		t.Errorf("jumped to %v", h.jumped)
	}

	// One-click fix, at both places.
	test.Tap(h.button(t, i, func(s string) bool { return s == "Fix: “IS” (all 2)" }))
	if len(h.fixed) != 1 || strings.Count(h.fixed[0].Body, "ISIL") != 0 || strings.Count(a.Body, "ISIL") != 2 {
		t.Fatalf("OnFix got %d articles; the fix must be a new copy", len(h.fixed))
	}
	r = h.wait(t)
	if n := countText(r, "ISIL"); n != 0 {
		t.Errorf("%d ISIL findings after the fix, want 0", n)
	}

	// Add to desk dictionary.
	i = rowOf(r, func(f check.Finding) bool { return f.Text == "Bortnikov" })
	test.Tap(h.button(t, i, func(s string) bool { return s == "Add to desk dictionary" }))
	r = h.wait(t)
	if n := countText(r, "Bortnikov"); n != 0 {
		t.Errorf("Bortnikov flagged %d times after he was added", n)
	}
	words, err := check.LoadDesk(context.Background(), st)
	if err != nil || strings.Join(words, ",") != "Bortnikov" {
		t.Errorf("desk dictionary in the store: %v, %v", words, err)
	}

	// Ignore.
	i = rowOf(r, func(f check.Finding) bool { return f.Text == "Hawala" })
	test.Tap(h.button(t, i, func(s string) bool { return s == "Ignore" }))
	r = h.wait(t)
	if n := countText(r, "Hawala"); n != 0 {
		t.Errorf("Hawala flagged after Ignore")
	}

	// A suggestion replaces the word.
	i = rowOf(r, func(f check.Finding) bool { return f.Text == "travelled" })
	test.Tap(h.button(t, i, func(s string) bool { return s == "traveled (all 2)" }))
	if last := h.fixed[len(h.fixed)-1]; strings.Count(last.Body, "travelled") != 0 || strings.Count(last.Body, "traveled") != 2 {
		t.Error("the suggestion was not applied at both places")
	}
	h.wait(t)
	assertMarkup(t, "after.xml", h.w)
}

func countText(r check.Report, text string) int {
	n := 0
	for _, f := range r.Findings {
		if f.Text == text {
			n++
		}
	}
	return n
}

// The same word flagged again and again is one row that says how often,
// names each place by its paragraph (no raw offset) and quotes the copy
// around it: eleven "Bortnikov" rows with "Body ¶1, at 256" were the fault.
func TestPanelGroupsOccurrences(t *testing.T) {
	needEnglish(t)
	h := newHarness(t, nil)
	a := fixture(t)
	h.p.CheckNow(a)
	r := h.wait(t)
	n := countText(r, "Bortnikov")
	if n < 5 {
		t.Fatalf("the fixture flags Bortnikov %d times", n)
	}
	rows := 0
	for _, o := range h.p.list.Objects {
		if strings.Contains(texts(o), "“Bortnikov”") {
			rows++
		}
	}
	if rows != 1 {
		t.Errorf("Bortnikov has %d rows, want 1", rows)
	}
	row := h.p.list.Objects[rowOf(r, func(f check.Finding) bool { return f.Text == "Bortnikov" && f.Place.Field == "body" })]
	got := texts(row)
	for _, want := range []string{fmt.Sprintf("%d times", n), "Body ¶1", "Body ¶1", "…(FSB) Director Alexander Bortnikov said on Wednesday.", "… and 7 more: ¶5, ¶10"} {
		if !strings.Contains(got, want) {
			t.Errorf("the Bortnikov row lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(texts(h.p.list), ", at ") {
		t.Error("a place is still named by its offset")
	}
}

// texts joins every text under o: labels, buttons and rich text.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
	})
	return b.String()
}

// TestPanelDebounce: a burst of edits is checked once, for the last.
func TestPanelDebounce(t *testing.T) {
	h := newHarness(t, nil)
	h.p.opt.Delay = 50 * time.Millisecond
	a := &editor.Article{Headline: "x", Body: "ISIL one", Language: "xx"}
	for i := 0; i < 20; i++ {
		b := a.Clone()
		b.Body = strings.Repeat("ISIL ", i+1)
		h.p.Check(b)
	}
	r := h.wait(t)
	if n := countText(r, "ISIL"); n != 20 {
		t.Errorf("the shown report has %d ISIL findings, want 20 (the last edit)", n)
	}
	select {
	case r := <-h.checked:
		t.Errorf("a second report for one burst: %d findings", len(r.Findings))
	case <-time.After(300 * time.Millisecond):
	}
	if !strings.Contains(h.p.notice.Text, "no dictionary for xx installed") || h.p.notice.Hidden {
		t.Errorf("notice %q (hidden %v)", h.p.notice.Text, h.p.notice.Hidden)
	}
	// No store: no "Add to desk dictionary".
	walk(h.p.list, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Add to desk dictionary" {
			t.Error("add to desk dictionary offered without a store")
		}
	})
}

// TestPanelOverLimit: a headline past its limit shows as a danger label.
func TestPanelOverLimit(t *testing.T) {
	h := newHarness(t, nil)
	a := &editor.Article{Headline: strings.Repeat("Long headline ", 10), Body: "Copy.", Language: "xx"}
	if h.p.Counts(a) != nil {
		t.Error("counts before the rules are loaded")
	}
	h.p.CheckNow(a)
	r := h.wait(t)
	if c := h.p.Counts(a); len(c) != 3 || c[0].String() != "139/100" {
		t.Errorf("Counts: %v", c)
	}
	if len(r.Over()) != 1 {
		t.Fatalf("over: %v", r.Over())
	}
	lab := h.p.limits.Objects[0].(*widget.Label)
	if lab.Importance != widget.DangerImportance || !strings.HasSuffix(lab.Text, "over the limit") {
		t.Errorf("label %q importance %v", lab.Text, lab.Importance)
	}
}

// assertMarkup compares the window with testdata/name (-update rewrites
// it); -png also saves the picture to look at.
func assertMarkup(t *testing.T, name string, w fyne.Window) {
	t.Helper()
	if *pngOut != "" {
		savePNG(t, w, strings.TrimSuffix(*pngOut, ".png")+"-"+strings.TrimSuffix(name, ".xml")+".png")
	}
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", name), []byte(test.RenderToMarkup(w.Canvas())), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	test.AssertRendersToMarkup(t, name, w.Canvas())
}

func savePNG(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pngEncode(f, w); err != nil {
		t.Fatal(err)
	}
}

func pngEncode(f *os.File, w fyne.Window) error { return png.Encode(f, w.Canvas().Capture()) }

// TestPanelReload: a word added to the desk dictionary elsewhere is seen
// after Reload; words ignored in the session stay ignored.
func TestPanelReload(t *testing.T) {
	needEnglish(t)
	st := openStore(t)
	h := newHarness(t, st)
	a := &editor.Article{Headline: "Zzqxian and Bortnikov", Body: "Copy.", Language: "en"}
	h.p.CheckNow(a)
	r := h.wait(t)
	if countText(r, "Zzqxian") != 1 || countText(r, "Bortnikov") != 1 {
		t.Fatalf("findings %v", r.Findings)
	}
	test.Tap(h.button(t, rowOf(r, func(f check.Finding) bool { return f.Text == "Zzqxian" }), func(s string) bool { return s == "Ignore" }))
	h.wait(t)
	if _, err := check.AddDeskWord(context.Background(), st, "Bortnikov"); err != nil {
		t.Fatal(err)
	}
	h.p.CheckNow(a)
	if r := h.wait(t); countText(r, "Bortnikov") != 1 {
		t.Error("the desk dictionary was read again without Reload")
	}
	h.p.Reload()
	h.p.CheckNow(a)
	r = h.wait(t)
	if countText(r, "Bortnikov") != 0 || countText(r, "Zzqxian") != 0 {
		t.Errorf("after Reload: %v", r.Findings)
	}
}
