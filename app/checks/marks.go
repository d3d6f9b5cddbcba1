package checks

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"copydesk/app/i18n"
	"copydesk/editor/check"
)

// What the window's marks in the text ask of the panel: the same speller
// (desk dictionary, session ignores) and the same way of adding a word,
// so that the marks and the list always agree.

// Misspelled returns the words of one stretch of copy to mark, in rune
// offsets. It loads the desk's dictionary the first time (store I/O): call
// it off the UI goroutine. Without a dictionary for lang it marks nothing.
func (p *Panel) Misspelled(lang, text string) []check.Span {
	c, _, _ := p.loaded()
	spans, err := c.Speller.Misspelled(lang, text)
	if err != nil {
		return nil
	}
	return spans
}

// Suggest returns the suggestions the panel offers for a word.
func (p *Panel) Suggest(lang, word string) []string {
	c, _, _ := p.loaded()
	return c.Speller.Suggest(lang, word)
}

// AddWord keeps word in the desk dictionary, as the panel's own button
// does, and checks again.
func (p *Panel) AddWord(word string) { p.addWord(word) }

// OnSpellingChanged sets f to be called on the UI goroutine after a word
// was added to the desk dictionary or ignored, from the panel or through
// AddWord: the window marks the text again.
func (p *Panel) OnSpellingChanged(f func()) {
	p.setupMu.Lock()
	p.spellingChanged = f
	p.setupMu.Unlock()
}

func (p *Panel) notifySpelling() {
	p.setupMu.Lock()
	f := p.spellingChanged
	p.setupMu.Unlock()
	if f != nil {
		fyne.Do(f)
	}
}

// addWord keeps a word in the desk dictionary (the store write happens
// off the UI goroutine), then checks again.
func (p *Panel) addWord(word string) {
	a := p.shown
	go func() {
		c, _, _ := p.loaded()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		words, err := check.AddDeskWord(ctx, p.opt.Store, word)
		if err != nil {
			fyne.Do(func() {
				p.notice.SetText(i18n.Tf("%q was not added to the desk dictionary: %v", word, err))
				p.notice.Show()
			})
			return
		}
		c.Speller.SetDesk(words)
		p.notifySpelling()
		if a != nil {
			p.CheckNow(a)
		}
	}()
}
