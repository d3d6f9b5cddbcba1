package app

import (
	"os"
	"testing"

	"copydesk/app/blockedit"
)

// TestMain keeps the body's caret blinking in tests: Fyne's test driver
// runs fyne.Do at once on the rest timer's goroutine, where it raced with
// the test's own (go test -race failed the window's tests at random).
func TestMain(m *testing.M) {
	blockedit.CaretRest = 0
	os.Exit(m.Run())
}
