package app

import (
	"time"

	"fyne.io/fyne/v2"

	"copydesk/app/blockedit"
	"copydesk/app/field"
	"copydesk/app/metapanel"
	"copydesk/editor"
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
