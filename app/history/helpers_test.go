package history

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/formats"
	"copydesk/editor/testfixture"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

var update = flag.Bool("update", false, "rewrite the markup goldens in testdata/")

// t0 is when the fixture story was filed; the clock of the tests stands
// three hours later.
var t0 = time.Date(2019, 10, 16, 9, 12, 0, 0, time.UTC)

// desk is a real store holding the TASS story in three revisions:
// #1 as filed, #2 a number changed, #3 a correction to a quote.
type desk struct {
	t     *testing.T
	store storage.Store
	id    string
	ctx   context.Context
}

const (
	oldQuote = `"Nearly a third of them are foreign terrorist militants,"`
	newQuote = `"Nearly half of them are foreign terrorist militants,"`
)

func newDesk(t *testing.T) *desk {
	t.Helper()
	s, err := badgerstore.Open(t.TempDir(), badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	d := &desk{t: t, store: s, ctx: context.Background()}
	data := testfixture.Read(t, testfixture.TASS)
	a, _, err := formats.Import(filepath.Base(testfixture.TASS), data, editor.ImportOptions{Year: 2019})
	if err != nil {
		t.Fatal(err)
	}
	a.Created, a.Modified = t0, t0
	if _, err := s.Create(d.ctx, a, storage.Meta{Author: "Ivan Petrov", Kind: storage.KindImport, Label: "as filed", Time: t0}); err != nil {
		t.Fatal(err)
	}
	d.id = a.ID
	d.revise("anna", storage.KindSave, "", t0.Add(time.Hour), func(a *editor.Article) {
		a.Body = replaceOnce(t, a.Body, "43,500 persons", "45,300 persons")
	})
	d.revise("boris", storage.KindCorrection, "quote checked", t0.Add(2*time.Hour), func(a *editor.Article) {
		a.Body = replaceOnce(t, a.Body, oldQuote, newQuote)
	})
	return d
}

func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q not in the copy", old)
	}
	return strings.Replace(s, old, new, 1)
}

// revise files a new revision made by edit from the draft.
func (d *desk) revise(author string, kind storage.Kind, label string, at time.Time, edit func(*editor.Article)) {
	d.t.Helper()
	a := d.draft()
	edit(a)
	a.Modified = at
	if _, err := d.store.SaveRevision(d.ctx, a, storage.Meta{Author: author, Kind: kind, Label: label, Time: at}); err != nil {
		d.t.Fatal(err)
	}
}

func (d *desk) draft() *editor.Article {
	d.t.Helper()
	dr, err := d.store.Draft(d.ctx, d.id)
	if err != nil {
		d.t.Fatal(err)
	}
	return dr.Article
}

func (d *desk) revisions() []storage.Revision {
	d.t.Helper()
	revs, err := d.store.Revisions(d.ctx, d.id)
	if err != nil {
		d.t.Fatal(err)
	}
	return revs
}

func (d *desk) revision(seq uint64) *editor.Article {
	d.t.Helper()
	a, _, err := d.store.Revision(d.ctx, d.id, seq)
	if err != nil {
		d.t.Fatal(err)
	}
	return a
}

// newView opens the view in a test window on the desk's story, with the
// clock at t0+3h in UTC, and waits until it has compared.
func newView(t *testing.T, d *desk, opt Options, draft func() *editor.Article) (*View, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	v := New(w, d.store, opt)
	w.SetContent(v)
	v.now = func() time.Time { return t0.Add(3 * time.Hour) }
	v.loc = time.UTC
	w.Resize(fyne.NewSize(1100, 720))
	// Fyne's caches are the UI goroutine's alone: a comparison still
	// running when the test ends would race with the next test's widgets.
	t.Cleanup(v.bg.Wait)
	onUI(v, func() { v.Load(d.id, draft) })
	v.bg.Wait()
	return v, w
}

// onUI runs a test's action on the widgets as the UI goroutine would: the
// test driver runs fyne.Do callbacks at once on the background goroutine
// that calls it, so actions hold the lock that those callbacks take.
func onUI(v *View, f func()) {
	v.uiMu.Lock()
	defer v.uiMu.Unlock()
	f()
}

// assertMarkup compares the canvas with testdata/name, or rewrites it
// with -update.
func assertMarkup(t *testing.T, name string, c fyne.Canvas) {
	t.Helper()
	if *update {
		path := filepath.Join("testdata", name)
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(test.RenderToMarkup(c)), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s", path)
		return
	}
	test.AssertRendersToMarkup(t, name, c)
}

// segments returns the text segments of every RichText under obj.
func segments(obj fyne.CanvasObject) []*widget.TextSegment {
	var out []*widget.TextSegment
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.RichText:
			for _, s := range x.Segments {
				if ts, ok := s.(*widget.TextSegment); ok {
					out = append(out, ts)
				}
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(obj)
	return out
}

// hyperlinks returns the hyperlinks under obj.
func hyperlinks(obj fyne.CanvasObject) []*widget.Hyperlink {
	var out []*widget.Hyperlink
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Hyperlink:
			out = append(out, x)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(obj)
	return out
}
