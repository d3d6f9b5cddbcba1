package i18n

import (
	"fmt"

	"fyne.io/fyne/v2/lang"
)

// T is the window's text for the English source string s. A literal
// passed to T must be in translations/ru.json (the test in this package
// checks every one). T(variable) is fine for text that may or may not be
// a key (a status label from the core, a revision's label): what is not
// in the dictionary comes back as it is.
//
// An English window shows s itself: the key is the English text.
func T(s string) string {
	if s == "" || Current() == English || !known(s) {
		return s
	}
	return lang.L(s)
}

// Tf is fmt.Sprintf with a translated format: the translation keeps the
// key's verbs (%s, %d, %q, %v, %w) in the same order.
func Tf(format string, args ...any) string {
	return fmt.Sprintf(T(format), args...)
}

// Errorf is fmt.Errorf with a translated format, for errors the window
// shows; %w still wraps.
func Errorf(format string, args ...any) error {
	return fmt.Errorf(T(format), args...)
}

// N is the plural form of key for count, formatted with args (or with
// count alone when there are none). The key is the English plural
// ("%d words"); en.json and ru.json give its forms: English one/other,
// Russian one/few/many (1 статья, 2 статьи, 5 статей, 21 статья).
func N(key string, count int, args ...any) string {
	if len(args) == 0 {
		args = []any{count}
	}
	Current() // sets up English if nothing has yet
	return fmt.Sprintf(lang.N(key, count), args...)
}

// Key marks s as a dictionary key without translating it, for tables of
// text built before they are shown (a shortcut list, a map of field
// names): the table holds Key("…") and the code that shows an entry
// passes it through T. The extractor and the test see the literal.
func Key(s string) string { return s }
