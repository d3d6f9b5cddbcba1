package app

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"
)

// TestFatalWindowCapitalisesByRune: an error starting with a Cyrillic
// letter is shown capitalised and valid — strings.ToUpper(msg[:1]) cut
// the letter's two bytes apart.
func TestFatalWindowCapitalisesByRune(t *testing.T) {
	w := newFatalWindow(test.NewTempApp(t), "Copydesk", errors.New("ошибка: диск полон"))
	defer w.Close()
	text := overlayText(w.Canvas())
	if !strings.Contains(text, "Ошибка: диск полон") || !utf8.ValidString(text) {
		t.Errorf("the dialog reads %q", text)
	}
}
