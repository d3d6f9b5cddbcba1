package editor

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrintableName(t *testing.T) {
	for in, want := range map[string]string{
		"story.txt":          "story.txt",
		`Мир "в" C:\новости`: `Мир "в" C:\новости`,
		"a\nb":               `a\nb`,
		"esc\x1b[31mred":     `esc\x1b[31mred`,
		"bad\xffbyte":        `bad\xffbyte`,
		"line\u2028sep":      `line\u2028sep`,
		"tab\there":          `tab\there`,
	} {
		if got := PrintableName(in); got != want {
			t.Errorf("PrintableName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestImportLabel: a label made from a file name always fits the store's
// one-line, 200-character limit.
func TestImportLabel(t *testing.T) {
	long := "/" + strings.Repeat("very-long-folder/", 40) + "story\n.txt"
	got := ImportLabel(long)
	if strings.ContainsAny(got, "\n\r") || utf8.RuneCountInString(got) > 200 || !strings.HasSuffix(got, `story\n.txt`) {
		t.Errorf("ImportLabel = %q (%d characters)", got, utf8.RuneCountInString(got))
	}
}
