package app

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/blockedit"
	"copydesk/app/field"
	"copydesk/app/i18n"
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
	s.w.pane.headline.Marks.Refresh()
	s.w.pane.standfirst.Marks.Refresh()
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
	for i, f := range []*field.Entry{p.headline, p.standfirst} {
		f.Marks = blockedit.NewFieldMarks(&f.Entry, w.speller, p.body.SpellAdded)
		p.fieldBoxes[i].Add(f.Marks)
		onChanged, marks := f.OnChanged, f.Marks
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
	w.pane.headline.Marks.Update(true)
	w.pane.standfirst.Marks.Update(true)
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
	w.pane.headline.Marks.Update(true)
	w.pane.standfirst.Marks.Update(true)
}

// spellAtCaret shows the suggestions for the marked word at the caret
// (Edit › Spelling suggestions, Ctrl+.), in whichever field has it.
func (w *Window) spellAtCaret() {
	if w.speller == nil {
		return
	}
	switch f := w.win.Canvas().Focused().(type) {
	case *field.Entry:
		if f.Marks == nil {
			return
		}
		if sp, at, ok := f.Marks.SpanAtCaret(); ok {
			w.spellMenu(f, sp, at)
		}
	default:
		w.pane.body.SpellMenuAtCaret()
	}
}

// spellMenu pops up a marked word's suggestions (each replaces it) and
// "Add to desk dictionary" at a point of the entry.
func (w *Window) spellMenu(e *field.Entry, sp blockedit.SpellSpan, at fyne.Position) {
	body := w.pane.body
	var items []*fyne.MenuItem
	if !e.Disabled() {
		for _, s := range w.speller.Suggest(sp.Word) {
			items = append(items, fyne.NewMenuItem(s, func() { e.ReplaceSpan(sp, s) }))
		}
		if len(items) == 0 {
			none := fyne.NewMenuItem(i18n.T("No suggestions"), nil)
			none.Disabled = true
			items = append(items, none)
		}
	}
	items = append(items, fyne.NewMenuItem(i18n.T("Add “")+sp.Word+i18n.T("” to desk dictionary"), func() { body.AddSpellWord(sp.Word) }))
	w.spellMenuShown = fyne.NewMenu("", items...)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Add(at)
	widget.ShowPopUpMenuAtPosition(w.spellMenuShown, w.win.Canvas(), pos)
}
