package app

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/blockedit"
	"copydesk/editor/check"
)

// Misspellings marked in the text (headline, standfirst, body) with a red
// wavy underline, as word processors do; a right-click on a marked word,
// or Ctrl+. with the caret in it, offers its suggestions and "Add to desk
// dictionary". The Checks tab stays the list. The marks ask the Checks
// tab's own speller (desk dictionary, session ignores), so the two agree,
// and a word added from either is unmarked in both.

// spellingChecks is a ChecksView that lends its speller to the marks
// (app/checks.Panel does).
type spellingChecks interface {
	Misspelled(lang, text string) []check.Span
	Suggest(lang, word string) []string
	AddWord(word string)
	OnSpellingChanged(f func())
}

// textSpeller is the blockedit.SpellChecker of the open story: the Checks
// tab's speller in the story's language.
type textSpeller struct {
	c    spellingChecks
	w    *Window
	lang atomic.Pointer[string]
}

func (s *textSpeller) language() string {
	if l := s.lang.Load(); l != nil {
		return *l
	}
	return ""
}

// Misspelled is called off the UI goroutine.
func (s *textSpeller) Misspelled(text string) []blockedit.SpellSpan {
	spans := s.c.Misspelled(s.language(), text)
	out := make([]blockedit.SpellSpan, len(spans))
	for i, sp := range spans {
		out[i] = blockedit.SpellSpan{Start: sp.Start, End: sp.End, Word: sp.Word}
	}
	return out
}

func (s *textSpeller) Suggest(word string) []string { return s.c.Suggest(s.language(), word) }

// AddWord is called on the UI goroutine, by the body's menu or a field's:
// the fields stop marking the word at once too (the body already has).
func (s *textSpeller) AddWord(word string) {
	s.c.AddWord(word)
	s.w.pane.headline.marks.Refresh()
	s.w.pane.standfirst.marks.Refresh()
}

// wireSpelling turns the marks on when the Checks tab can lend a speller.
func (w *Window) wireSpelling() {
	c, ok := w.checks.(spellingChecks)
	if !ok {
		return
	}
	w.speller = &textSpeller{c: c, w: w}
	p := w.pane
	p.body.SetSpellChecker(w.speller)
	for i, f := range []*fieldEntry{p.headline, p.standfirst} {
		f.marks = blockedit.NewFieldMarks(&f.Entry, w.speller, p.body.SpellAdded)
		p.fieldBoxes[i].Add(f.marks)
		onChanged, marks := f.OnChanged, f.marks
		f.OnChanged = func(s string) {
			if onChanged != nil {
				onChanged(s)
			}
			marks.Update(w.loading)
		}
		f.OnCursorChanged = marks.Refresh
	}
	c.OnSpellingChanged(w.spellingChanged)
}

// spellingChanged marks everything again: the desk dictionary or the
// story's language changed.
func (w *Window) spellingChanged() {
	if w.speller == nil {
		return
	}
	w.pane.body.SpellingChanged()
	w.pane.headline.marks.Update(true)
	w.pane.standfirst.marks.Update(true)
}

// spellingLoaded follows the open story's language.
func (w *Window) spellingLoaded() {
	if w.speller == nil {
		return
	}
	lang := ""
	if w.doc != nil {
		lang = w.doc.Base.Language
	}
	if old := w.speller.language(); old != lang {
		w.speller.lang.Store(&lang)
		w.pane.body.SpellingChanged()
	}
	w.pane.headline.marks.Update(true)
	w.pane.standfirst.marks.Update(true)
}

// spellAtCaret shows the suggestions for the marked word at the caret
// (Edit › Spelling suggestions, Ctrl+.), in whichever field has it.
func (w *Window) spellAtCaret() {
	if w.speller == nil {
		return
	}
	switch f := w.win.Canvas().Focused().(type) {
	case *fieldEntry:
		if f.marks == nil {
			return
		}
		if sp, at, ok := f.marks.SpanAtCaret(); ok {
			f.spellMenu(sp, at)
		}
	default:
		w.pane.body.SpellMenuAtCaret()
	}
}

// TappedSecondary offers a marked word's suggestions on a right-click on
// it, and Entry's own menu elsewhere.
func (e *fieldEntry) TappedSecondary(ev *fyne.PointEvent) {
	if e.marks != nil {
		if sp, ok := e.marks.SpanAt(ev.Position); ok {
			e.w.win.Canvas().Focus(e)
			e.spellMenu(sp, ev.Position)
			return
		}
	}
	e.Entry.TappedSecondary(ev)
}

// spellMenu pops up a marked word's suggestions (each replaces it) and
// "Add to desk dictionary" at a point of the entry.
func (e *fieldEntry) spellMenu(sp blockedit.SpellSpan, at fyne.Position) {
	body := e.w.pane.body
	var items []*fyne.MenuItem
	if !e.Disabled() {
		for _, s := range e.w.speller.Suggest(sp.Word) {
			items = append(items, fyne.NewMenuItem(s, func() { e.replaceSpan(sp, s) }))
		}
		if len(items) == 0 {
			none := fyne.NewMenuItem("No suggestions", nil)
			none.Disabled = true
			items = append(items, none)
		}
	}
	items = append(items, fyne.NewMenuItem("Add “"+sp.Word+"” to desk dictionary", func() { body.AddSpellWord(sp.Word) }))
	e.w.spellMenuShown = fyne.NewMenu("", items...)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Add(at)
	widget.ShowPopUpMenuAtPosition(e.w.spellMenuShown, e.w.win.Canvas(), pos)
}

// replaceSpan puts with in place of the marked word, if the word is still
// there, as an edit of the field.
func (e *fieldEntry) replaceSpan(sp blockedit.SpellSpan, with string) {
	t := []rune(e.Text)
	if sp.End > len(t) || string(t[sp.Start:sp.End]) != sp.Word {
		return
	}
	e.SetText(string(t[:sp.Start]) + with + string(t[sp.End:]))
}
