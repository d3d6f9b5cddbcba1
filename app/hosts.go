package app

import (
	"context"
	"reflect"
	"time"

	"fyne.io/fyne/v2"

	"copydesk/app/blockedit"
	"copydesk/app/field"
	"copydesk/app/library"
	"copydesk/app/metapanel"
	"copydesk/editor"
	"copydesk/storage"
)

// The window as each of its parts sees it: every sub-package declares the
// small interface it needs (field.Host …), and these adapters fill it, so
// the window's own API stays what cmd/copydesk uses. The assertions make
// a broken contract a compile error.

// fieldHost is the window as its entries see it.
type fieldHost struct{ w *Window }

var _ field.Host = fieldHost{}

// Shortcut is part of field.Host.
func (h fieldHost) Shortcut(s fyne.Shortcut) bool { return h.w.shortcut(s) }

// SpellMenu is part of field.Host.
func (h fieldHost) SpellMenu(e *field.Entry, sp blockedit.SpellSpan, at fyne.Position) {
	h.w.win.Canvas().Focus(e)
	h.w.spellMenu(e, sp, at)
}

// metaHost is the window as the Metadata tab sees it.
type metaHost struct{ w *Window }

var _ metapanel.Window = metaHost{}

// NewEntry is part of metapanel.Window.
func (h metaHost) NewEntry(multiLine bool) *field.Entry { return newFieldEntry(h.w, multiLine) }

// Canvas is part of metapanel.Window.
func (h metaHost) Canvas() fyne.Canvas { return h.w.win.Canvas() }

// Loading is part of metapanel.Window.
func (h metaHost) Loading() bool { return h.w.loading }

// Edited is part of metapanel.Window.
func (h metaHost) Edited() { h.w.edited() }

// UpdateLimits is part of metapanel.Window.
func (h metaHost) UpdateLimits() { h.w.pane.limits.update() }

// ChangeStatus is part of metapanel.Window.
func (h metaHost) ChangeStatus(to editor.Status) { h.w.changeStatus(to) }

// EnableStatusItems is part of metapanel.Window.
func (h metaHost) EnableStatusItems(moves []editor.Status) { h.w.enableStatusItems(moves) }

// NoteUnfiledChanges is part of metapanel.Window.
func (h metaHost) NoteUnfiledChanges() { h.w.noteUnfiledChanges() }

// OpenDateline is part of metapanel.Window.
func (h metaHost) OpenDateline() editor.Dateline {
	if h.w.doc == nil {
		return editor.Dateline{}
	}
	return h.w.doc.Base.Dateline
}

// SetDateline is part of metapanel.Window.
func (h metaHost) SetDateline(text string) {
	if h.w.pane != nil {
		h.w.pane.setDateline(text)
	}
}

// Location is part of metapanel.Window.
func (h metaHost) Location() *time.Location { return h.w.cfg.Location }

// libHost is the window as the library sees it.
type libHost struct{ w *Window }

var _ library.Window = libHost{}

// NewEntry is part of library.Window.
func (h libHost) NewEntry(multiLine bool) *field.Entry { return newFieldEntry(h.w, multiLine) }

// Store is part of library.Window.
func (h libHost) Store() storage.Store { return h.w.store }

// Context is part of library.Window.
func (h libHost) Context() context.Context { return h.w.ctx }

// Do is part of library.Window.
func (h libHost) Do(f func()) { h.w.cfg.do(f) }

// Go is part of library.Window.
func (h libHost) Go(f func()) {
	h.w.bg.Add(1)
	go func() {
		defer h.w.bg.Done()
		f()
	}()
}

// Closing is part of library.Window.
func (h libHost) Closing() bool { return h.w.closing }

// Now is part of library.Window.
func (h libHost) Now() time.Time { return h.w.cfg.Now() }

// Location is part of library.Window.
func (h libHost) Location() *time.Location { return h.w.cfg.Location }

// OpenID is part of library.Window.
func (h libHost) OpenID() string {
	if h.w.doc == nil {
		return ""
	}
	return h.w.doc.Base.ID
}

// NewStory is part of library.Window.
func (h libHost) NewStory() { h.w.leaveFirst(h.w.NewArticle) }

// Spike is part of library.Window.
func (h libHost) Spike() { h.w.confirmSpike() }

// OpenRow is part of library.Window.
func (h libHost) OpenRow(id string) {
	w := h.w
	w.confirmDiscard(func() {
		w.leaveFirst(func() {
			if w.Open(id) != nil {
				w.lib.List.UnselectAll()
			}
		})
	}, w.lib.SelectOpen)
}

// KnownTags is part of library.Window.
func (h libHost) KnownTags(tags []string) {
	if h.w.meta != nil {
		h.w.meta.Tags.SetKnown(tags)
	}
}

// OthersLocks is part of library.Window.
func (h libHost) OthersLocks() map[string]storage.Lock {
	if h.w.shared == nil {
		return nil
	}
	return h.w.shared.OthersLocks(h.w.ctx)
}

// FirstPage is part of library.Window: the first page Run read while
// the window was being made, once (later reloads come after changes).
func (h libHost) FirstPage(q storage.Query) ([]storage.Summary, int, error, bool) {
	first := h.w.cfg.firstPage
	if first == nil || !reflect.DeepEqual(first.query, q) {
		return nil, 0, nil, false
	}
	h.w.cfg.firstPage = nil
	return first.rows, first.total, first.err, true
}
