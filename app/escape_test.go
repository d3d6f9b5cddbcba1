package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/escape"
	"copydesk/app/history"
	"copydesk/app/i18n"
	"copydesk/app/transfer"
	"copydesk/editor"
	"copydesk/editor/formats"
	"copydesk/storage"
)

// Escape closes every dialog, as Cancel would: the walkthrough found that
// it did nothing in File › Export…, Backup…, Restore…, Settings…, Article
// › Save labelled revision…, Spike / unspike… and History's Preview. Each
// is opened as the menus open it, Escape is pressed as the desktop driver
// delivers it (to the focused widget, else the canvas), and nothing may be
// written.
func TestEscapeClosesEveryDialog(t *testing.T) {
	ext := Extensions{
		History: func(w fyne.Window, s storage.Store, o HistoryOptions) ArticleView {
			return history.New(w, s, history.Options{Author: o.Author, Style: o.Style, OnRestored: o.OnRestored})
		},
		Export: func(w fyne.Window, s storage.Store, ids []string, style editor.Style, _ *editor.Article) {
			transfer.Export(w, ids, transfer.StoreLoader(s, style), formats.ExportFormats[0], nil)
		},
		Backup: func(w fyne.Window, s storage.Store) { transfer.Backup(w, s, false) },
		Restore: func(w fyne.Window, s storage.Store) {
			transfer.Restore(w, func(string) (storage.Store, error) { t.Error("Escape restored"); return nil, nil })
		},
	}
	for _, tc := range []struct {
		name string
		open func(t *testing.T, h *harness)
	}{
		{"File › Export… (Ctrl+E)", func(_ *testing.T, h *harness) { press(h.w, ctrl(fyne.KeyE)) }},
		{"File › Backup…", func(_ *testing.T, h *harness) { h.w.cfg.Extensions.Backup(h.w.win, h.store) }},
		{"File › Restore…", func(_ *testing.T, h *harness) { h.w.cfg.Extensions.Restore(h.w.win, h.store) }},
		{"File › Settings…", func(_ *testing.T, h *harness) { h.w.settingsDialog() }},
		{"File › Settings… with the caret in the name", func(t *testing.T, h *harness) {
			h.w.settingsDialog()
			focusFirstEntry(t, h.w.win.Canvas())
		}},
		{"Article › Save labelled revision… (Ctrl+Shift+S)", func(_ *testing.T, h *harness) { press(h.w, ctrlShift(fyne.KeyS)) }},
		{"Article › Spike / unspike…", func(_ *testing.T, h *harness) { h.w.confirmSpike() }},
		{"History › Preview", func(t *testing.T, h *harness) {
			h.w.SaveRevision("")
			settle(h.w)
			press(h.w, ctrlShift(fyne.KeyH))
			settle(h.w)
			h.w.history.(*history.View).Wait()
			settle(h.w)
			c := h.w.win.Canvas()
			var list *widget.List
			walk(h.w.history, func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.List); ok && list == nil && l.Visible() {
					list = l
				}
			})
			if list == nil {
				t.Fatal("no revision list in History")
			}
			list.Select(0)
			settle(h.w)
			b := findButton(c, "Preview")
			if b == nil {
				t.Fatal("no Preview button in History")
			}
			b.OnTapped()
			settle(h.w)
			h.w.history.(*history.View).Wait()
			settle(h.w)
		}},
		// Found by a 20,000-event monkey run: Fyne focuses a save
		// dialog's name, and the name took Escape.
		{"History › Save redline…", func(t *testing.T, h *harness) {
			h.w.SaveRevision("")
			settle(h.w)
			press(h.w, ctrlShift(fyne.KeyH))
			settle(h.w)
			h.w.history.(*history.View).Wait()
			settle(h.w)
			b := findButton(h.w.win.Canvas(), "Save redline…")
			if b == nil || b.Disabled() {
				t.Fatal("no Save redline… button to press in History")
			}
			b.OnTapped()
			settle(h.w)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarnessWith(t, ext)
			id := h.openFixture(t)
			settle(h.w)
			revs := len(h.revisions(t, id))
			name := h.w.settings.Name()
			c := h.w.win.Canvas()
			tc.open(t, h)
			settle(h.w)
			if c.Overlays().Top() == nil {
				t.Fatal("no dialog opened")
			}
			pressEscape(c)
			settle(h.w)
			if top := c.Overlays().Top(); top != nil {
				t.Fatalf("Escape left the dialog open: %q", overlayText(c))
			}
			if got := len(h.revisions(t, id)); got != revs {
				t.Errorf("Escape wrote %d revisions", got-revs)
			}
			if h.w.settings.Name() != name {
				t.Errorf("Escape saved the settings: name %q", h.w.settings.Name())
			}
			if st := h.draft(t, id).Article.Status; st == editor.StatusSpiked {
				t.Errorf("Escape spiked the story")
			}
		})
	}
}

// Enter in the label's field saves the labelled revision.
func TestLabelDialogEnterSaves(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	settle(h.w)
	revs := h.revisions(t, id)
	press(h.w, ctrlShift(fyne.KeyS))
	c := h.w.win.Canvas()
	e, ok := c.Focused().(*escape.Entry)
	if !ok {
		t.Fatalf("the keyboard is in %T, not the label", c.Focused())
	}
	e.SetText("night desk")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(h.w)
	if c.Overlays().Top() != nil {
		t.Fatal("Enter left the dialog open")
	}
	// The copy is unchanged: the label goes on the newest revision.
	got := h.revisions(t, id)
	if len(got) != len(revs) || got[len(got)-1].Label != "night desk" {
		t.Errorf("revisions after Enter: %+v", got)
	}
}

// focusFirstEntry puts the keyboard in the first entry of the dialog on top.
func focusFirstEntry(t *testing.T, c fyne.Canvas) {
	t.Helper()
	var e fyne.Focusable
	walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if f, ok := o.(fyne.Focusable); ok && e == nil {
			if _, entry := o.(*escape.Entry); entry {
				e = f
			}
		}
	})
	if e == nil {
		t.Fatal("no entry in the dialog")
	}
	c.Focus(e)
}

// Escape closes the dialog on top: an error shown over a dialog that
// showClosable opened (Help › Keyboard shortcuts) goes first, and the
// dialog under it stays until the next Escape.
func TestEscapeClosesTheTopDialogFirst(t *testing.T) {
	h := newHarness(t)
	h.openFixture(t)
	c := h.w.win.Canvas()
	press(h.w, ctrl(fyne.KeySlash))
	under := c.Overlays().Top()
	h.w.showError(errors.New("something went wrong"))
	if c.Overlays().Top() == under {
		t.Fatal("the error is not on top")
	}
	pressEscape(c)
	settle(h.w)
	if top := c.Overlays().Top(); top != under {
		t.Fatalf("after one Escape the top is %v, want the shortcuts dialog (%q)", top, overlayText(c))
	}
	pressEscape(c)
	settle(h.w)
	if c.Overlays().Top() != nil {
		t.Fatalf("the second Escape left %q open", overlayText(c))
	}
}

// A click on a check, a select or a radio option of a dialog (or Tab)
// gives it the keyboard, and Fyne's check, select and radio items ignore
// Escape: the walkthrough clicked "Desk copy" in File › Export… and Escape
// left the dialog open. Each choice is changed first, as a person would,
// so that a Save would show; Escape must write nothing.
func TestEscapeClosesTheDialogFromAChoice(t *testing.T) {
	ext := Extensions{
		Export: func(w fyne.Window, s storage.Store, ids []string, style editor.Style, _ *editor.Article) {
			transfer.Export(w, ids, transfer.StoreLoader(s, style), formats.ExportFormats[0],
				func(formats.Format) { t.Error("Escape confirmed the export's format") })
		},
	}
	withExport := func(t *testing.T) *harness { return newHarnessWith(t, ext) }
	export := func(h *harness) { press(h.w, ctrl(fyne.KeyE)) }
	settings := func(h *harness) { h.w.settingsDialog() }
	send := func(h *harness) { h.w.sendDialog(); settle(h.w) }
	for _, tc := range []struct {
		name    string
		harness func(t *testing.T) *harness
		open    func(h *harness)
		kind    string // the widget's type name; "RadioGroup": an item of the first group
		nth     int
	}{
		{"File › Export…: Desk copy", withExport, export, "Check", 0},
		{"File › Export…: a format", withExport, export, "RadioGroup", 1},
		{"File › Settings…: dateline style", withExport, settings, "Select", 0},
		{"File › Settings…: theme", withExport, settings, "RadioGroup", 2},
		{"File › Settings…: language", withExport, settings, "Select", 1},
		{"File › Send…: output", newSendHarness, send, "Select", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := tc.harness(t)
			id := h.openFixture(t)
			settle(h.w)
			revs := len(h.revisions(t, id))
			before := settingsNow(h.w)
			c := h.w.win.Canvas()
			tc.open(h)
			settle(h.w)
			f := dialogChoice(t, c, tc.kind, tc.nth)
			c.Focus(f)
			if tc.kind == "Select" {
				f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // the next option
			} else {
				f.TypedRune(' ') // checks the check, picks the option
			}
			settle(h.w)
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			settle(h.w)
			if c.Overlays().Top() != nil {
				t.Fatalf("Escape left the dialog open: %q", overlayText(c))
			}
			if after := settingsNow(h.w); after != before {
				t.Errorf("Escape saved the settings: %s, was %s", after, before)
			}
			if got := len(h.revisions(t, id)); got != revs {
				t.Errorf("Escape wrote %d revisions", got-revs)
			}
		})
	}
}

// settingsNow is every setting the dialogs above could save.
func settingsNow(w *Window) string {
	return fmt.Sprintf("name %q, style %s, theme %q, language %q, send profile %q, export %q", w.settings.Name(),
		w.settings.Style(), w.settings.Theme(), w.settings.p.String(i18n.PrefKey), w.settings.SendProfile(""),
		w.settings.ExportFormat(""))
}

// dialogChoice is the nth widget of the dialog on top whose type is named
// kind, or for "RadioGroup" the nth item of the first radio group. Types
// are matched by name: app/escape's widgets embed Fyne's and keep their
// names.
func dialogChoice(t *testing.T, c fyne.Canvas, kind string, nth int) fyne.Focusable {
	t.Helper()
	named := func(o fyne.CanvasObject, name string) bool {
		s := fmt.Sprintf("%T", o)
		return s[strings.LastIndex(s, ".")+1:] == name
	}
	in := c.Overlays().Top()
	if kind == "RadioGroup" {
		in = nil
		walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
			if in == nil && named(o, kind) {
				in = o
			}
		})
	}
	var found []fyne.Focusable
	walk(in, func(o fyne.CanvasObject) {
		if f, ok := o.(fyne.Focusable); ok && (kind == "RadioGroup" || named(o, kind)) {
			found = append(found, f)
		}
	})
	if nth >= len(found) {
		t.Fatalf("the dialog has %d %s widgets, not %d: %q", len(found), kind, nth+1, overlayText(c))
	}
	return found[nth]
}
