// Package field is the window's text entry, shared by its panes: an
// Entry that hands the window the shortcuts a focused entry would
// swallow, answers Return and Escape, and shows the spelling marks, and
// the wheel-scrolled column the side panels live in; and how numbers
// and errors are written in the window's labels.
package field

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/blockedit"
)

// Host is what an entry needs from the window it sits in.
type Host interface {
	// Shortcut runs the window's shortcut s; false when it has none.
	Shortcut(s fyne.Shortcut) bool
	// SpellMenu focuses e and pops up the suggestions for sp, a marked
	// word, at a point of e.
	SpellMenu(e *Entry, sp blockedit.SpellSpan, at fyne.Position)
}

// Entry is an Entry that hands the window the shortcuts it does not
// use itself (Ctrl+S, Ctrl+F …): a focused Entry swallows those, and
// Canvas().AddShortcut never sees them.
type Entry struct {
	widget.Entry
	host     Host
	OnReturn func() bool // Return without Shift; true if handled
	OnEscape func()
	Marks    *blockedit.FieldMarks // misspellings marked; nil: none

	// OnFocusLost is called when the entry loses the keyboard (its
	// selection stays; the window keeps it for Article › Comments…).
	OnFocusLost func()
}

// NewEntry is an entry of host's window.
func NewEntry(host Host, multiLine bool) *Entry {
	e := &Entry{host: host}
	e.MultiLine = multiLine
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut is part of fyne.Shortcutable.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutCopy, *fyne.ShortcutCut, *fyne.ShortcutPaste, *fyne.ShortcutSelectAll,
		*fyne.ShortcutUndo, *fyne.ShortcutRedo:
		e.Entry.TypedShortcut(s)
		return
	}
	if e.host.Shortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey is part of fyne.Focusable.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.OnReturn != nil && !shiftHeld() && e.OnReturn() {
			return
		}
	case fyne.KeyEscape:
		if e.OnEscape != nil {
			e.OnEscape()
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// shiftHeld reports whether Shift is down, where the driver can tell.
func shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(interface{ CurrentKeyModifiers() fyne.KeyModifier }); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// TappedSecondary offers a marked word's suggestions on a right-click on
// it, and Entry's own menu elsewhere.
func (e *Entry) TappedSecondary(ev *fyne.PointEvent) {
	if e.Marks != nil {
		if sp, ok := e.Marks.SpanAt(ev.Position); ok {
			e.host.SpellMenu(e, sp, ev.Position)
			return
		}
	}
	e.Entry.TappedSecondary(ev)
}

// ReplaceSpan puts with in place of the marked word, if the word is still
// there, as an edit of the field.
func (e *Entry) ReplaceSpan(sp blockedit.SpellSpan, with string) {
	t := []rune(e.Text)
	if sp.End > len(t) || string(t[sp.Start:sp.End]) != sp.Word {
		return
	}
	e.SetText(string(t[:sp.Start]) + with + string(t[sp.End:]))
}

// FocusLost is part of fyne.Focusable.
func (e *Entry) FocusLost() {
	e.Entry.FocusLost()
	if e.OnFocusLost != nil {
		e.OnFocusLost()
	}
}
