package app

// What Run does at the same time to get the window up sooner: Fyne loads
// fonts on one goroutine, the store opens and reads the library's first
// page on another, while the UI goroutine makes the desktop window.

import (
	"context"
	"errors"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"copydesk/app/i18n"
	"copydesk/app/library"
	"copydesk/storage"
)

// firstFrameStyles are the text styles the first frame draws in.
var firstFrameStyles = []fyne.TextStyle{{}, {Bold: true}, {Italic: true}}

// loadFonts has Fyne load the fonts of the first frame's text styles on a
// goroutine of its own and returns a function that waits until it has.
// Fyne parses a style's font, and the system font it falls back on, the
// first time it measures text in that style: some 15 ms a style, which the
// window's first widgets would otherwise pay one after the other on the UI
// goroutine. Measuring shares Fyne's text shaper, which is not safe for two
// goroutines at once, so nothing may measure text until the wait returns.
func loadFonts() (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, style := range firstFrameStyles {
			fyne.MeasureText("Copydesk", theme.TextSize(), style)
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { <-done }) }
}

// listing is one answer of Store.List.
type listing struct {
	query storage.Query
	rows  []storage.Summary
	total int
	err   error
}

// firstQuery is the library's query when the window opens: no filter.
var firstQuery = storage.Query{Limit: library.Limit}

// opening is a store being opened and its first page read.
type opening struct {
	done  chan struct{}
	store storage.Store
	first *listing
	err   error
}

// openAhead opens the store with open, then reads the library's first
// page, on a goroutine of its own.
func openAhead(open func() (storage.Store, error)) *opening {
	o := &opening{done: make(chan struct{})}
	go func() {
		defer close(o.done)
		if o.store, o.err = open(); o.err == nil {
			o.first = readListing(o.store, firstQuery)
		}
	}()
	return o
}

func readListing(s storage.Store, q storage.Query) *listing {
	rows, total, err := s.List(context.Background(), q)
	return &listing{query: q, rows: rows, total: total, err: err}
}

// wait returns the open store and its first page, or why it did not open.
func (o *opening) wait() (storage.Store, *listing, error) {
	<-o.done
	return o.store, o.first, o.err
}

// fatalTitle is the title of the window that reports err, a store that
// could not be opened.
func fatalTitle(err error) string {
	if errors.Is(err, storage.ErrLocked) {
		return i18n.T("Copydesk is already open")
	}
	return i18n.T("Copydesk cannot open the desk")
}
