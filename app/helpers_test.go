package app

import (
	"context"
	"flag"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/internal/goldens"
	"copydesk/editor"
	"copydesk/editor/formats"
	"copydesk/editor/testfixture"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

var update = flag.Bool("update", false, "rewrite the markup goldens in testdata/")

// testNow is the fixed clock of the tests.
var testNow = time.Date(2026, 11, 27, 12, 4, 31, 0, time.UTC)

// manualTimer stands in for time.AfterFunc: the test fires the pending
// autosave itself, on its own goroutine, so no timer races the test.
type manualTimer struct {
	delay   time.Duration
	pending func()
	armed   int    // how many times autosave was (re)scheduled
	checks  func() // the pending hand-over to the Checks tab
}

func (m *manualTimer) after(d time.Duration, f func()) func() {
	if d == checkDelay {
		m.checks = f
		return func() { m.checks = nil }
	}
	m.delay, m.pending = d, f
	m.armed++
	return func() { m.pending = nil }
}

// fire runs the pending autosave and waits for its store write.
func (m *manualTimer) fire(t testing.TB, w *Window) {
	t.Helper()
	if m.pending == nil {
		t.Fatal("no autosave is pending")
	}
	f := m.pending
	m.pending = nil
	f()
	settle(w)
}

// settle waits for the store writes in flight and runs what they handed
// to the UI goroutine, until nothing is left.
func settle(w *Window) {
	for {
		w.Wait()
		select {
		case f := <-uiQueue(w):
			f()
		default:
			return
		}
	}
}

// queues holds each test window's UI queue (tests do not run in parallel).
var queues = map[*Window]chan func(){}

func uiQueue(w *Window) chan func() { return queues[w] }

type harness struct {
	w      *Window
	opened fyne.Size // the size NewWindow gave the window
	store  storage.Store
	timer  *manualTimer
	dir    string
}

// newHarness opens a window on a fresh Badger store in a temp dir, with
// the fixed clock and the manual autosave timer.
func newHarness(t testing.TB) *harness { return newHarnessWith(t, Extensions{}) }

func newHarnessWith(t testing.TB, ext Extensions) *harness {
	return newHarnessOn(t, test.NewTempApp(t), t.TempDir(), ext, nil)
}

// newHarnessOn opens a window of app a on the Badger store in dir, with
// tune (when not nil) changing its Config first.
func newHarnessOn(t testing.TB, a fyne.App, dir string, ext Extensions, tune func(*Config)) *harness {
	t.Helper()
	s, err := badgerstore.Open(dir, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{store: s, timer: &manualTimer{}, dir: dir}
	q := make(chan func(), 1000)
	cfg := Config{
		Store: s, DBDir: dir, Author: "Test Editor", Style: editor.StyleTASS, Version: "test", Extensions: ext,
		Now: func() time.Time { return testNow }, Location: time.UTC, after: h.timer.after,
		do: func(f func()) { q <- f },
	}
	if tune != nil {
		tune(&cfg)
	}
	h.w = NewWindow(a, cfg)
	h.opened = h.w.win.Canvas().Size()
	queues[h.w] = q
	h.w.win.Resize(DefaultWindowSize)
	t.Cleanup(func() {
		settle(h.w)
		delete(queues, h.w)
		if !h.w.closing {
			h.w.win.Close()
		}
		s.Close()
	})
	settle(h.w) // the window reads the tags off the UI goroutine
	return h
}

// fixtureArticle is the TASS wire story as imported, with fixed times.
func fixtureArticle(t testing.TB) *editor.Article {
	t.Helper()
	a, _, err := formats.Import("wire-tass-2019-10-16.txt", testfixture.Read(t, testfixture.TASS), editor.ImportOptions{Year: 2019})
	if err != nil {
		t.Fatal(err)
	}
	a.Created, a.Modified = testNow.Add(-time.Hour), testNow.Add(-time.Hour)
	return a
}

// put stores a and returns its ID.
func (h *harness) put(t testing.TB, a *editor.Article) string {
	t.Helper()
	if _, err := h.store.Create(context.Background(), a, storage.Meta{Author: "wire", Kind: storage.KindImport, Time: a.Modified}); err != nil {
		t.Fatal(err)
	}
	h.w.lib.Reload()
	settle(h.w) // the tags are read off the UI goroutine
	return a.ID
}

// openFixture stores the fixture and opens it.
func (h *harness) openFixture(t testing.TB) string {
	t.Helper()
	id := h.put(t, fixtureArticle(t))
	if err := h.w.Open(id); err != nil {
		t.Fatal(err)
	}
	return id
}

func (h *harness) draft(t testing.TB, id string) storage.Draft {
	t.Helper()
	d, err := h.store.Draft(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func (h *harness) revisions(t testing.TB, id string) []storage.Revision {
	t.Helper()
	revs, err := h.store.Revisions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return revs
}

// press delivers a shortcut as the desktop driver does: the main menu's
// items first, then the focused widget, then the canvas.
func press(w *Window, s fyne.Shortcut) {
	if it := findShortcut(w.win.MainMenu(), s); it != nil && it.Action != nil {
		it.Action()
		return
	}
	if f, ok := w.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	w.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// typeRunes types text into the focused widget, one rune at a time.
func typeRunes(w *Window, text string) {
	for _, r := range text {
		w.win.Canvas().Focused().TypedRune(r)
	}
}

func key(w *Window, k fyne.KeyName) {
	w.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
}

// findButton finds a visible button labelled text on the canvas, dialogs
// included.
func findButton(c fyne.Canvas, text string) *widget.Button {
	var found *widget.Button
	visit := func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() && found == nil {
			found = b
		}
	}
	for _, o := range c.Overlays().List() {
		walk(o, visit)
	}
	if found == nil {
		walk(c.Content(), visit)
	}
	return found
}

// labelsOn returns the text of every label in the top overlay (a dialog).
func overlayText(c fyne.Canvas) string {
	top := c.Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walk(top, func(o fyne.CanvasObject) {
		switch l := o.(type) {
		case *widget.Label:
			b.WriteString(l.Text + "\n")
		case *widget.RichText:
			b.WriteString(l.String() + "\n")
		}
	})
	return b.String()
}

func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		if r == nil {
			return
		}
		for _, c := range r.Objects() {
			walk(c, f)
		}
	}
}

// assertMarkup compares the canvas with testdata/name, or rewrites it
// with -update.
func assertMarkup(t *testing.T, name string, c fyne.Canvas) {
	t.Helper()
	goldens.Assert(t, name, c, *update)
}
