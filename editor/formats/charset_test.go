package formats

import (
	"copydesk/editor"

	"strings"
	"testing"
)

// TestDecode: each encoding agencies send becomes the same UTF-8, with a
// warning naming what was converted; bytes that are neither Western nor
// Cyrillic are left for the importer to refuse, and no code page is
// named that was not detected.
func TestDecode(t *testing.T) {
	tests := []struct {
		name, file string
		data       string
		charset    string
		want       string // in the output
		warn       string // in the warning; "" for none
	}{
		{"utf-8 kept", "a.txt", "£38 billion", "", "£38 billion", ""},
		{"latin-1 declared", "a.xml", `<?xml version="1.0" encoding="ISO-8859-1"?><p>` + "\xa338 billion</p>", "", `encoding="UTF-8"?><p>£38 billion`, "ISO-8859-1"},
		{"windows-1252 declared", "a.xml", `<?xml version='1.0' encoding='windows-1252'?><p>` + "\x93Gr\xfc\xdfe\x94</p>", "", "“Grüße”", "windows-1252"},
		{"utf-16le bom", "a.xml", "\xff\xfe<\x00p\x00>\x00\xe9\x00", "", "<p>é", "UTF-16"},
		{"utf-16be bom", "a.json", "\xfe\xff\x00{\x00}", "", "{}", "big-endian"},
		{"utf-8 bom", "a.txt", "\xef\xbb\xbfText", "", "\xef\xbb\xbfText", ""},
		{"western pound", "a.txt", "Debt of \xa338 billion for M\xfcller", "", "Debt of £38 billion for Müller", "windows-1252"},
		{"spanish", "a.txt", "El a\xf1o pasado, dijo el ministro de Econom\xeda.", "", "El año pasado, dijo el ministro de Economía.", "windows-1252"},
		{"cyrillic", "a.txt", "\xcc\xee\xf1\xea\xe2\xe0, 16 \xee\xea\xf2\xff\xe1\xf0\xff.", "", "Москва, 16 октября.", "windows-1251"},
		{"forced", "a.txt", "\xa338", "iso-8859-1", "£38", "--charset"},
		{"undecided", "a.txt", "x \x81\xcf\xf0 y \xe8", "", "x \x81", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, warnings, err := Decode(tc.file, []byte(tc.data), tc.charset)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), tc.want) {
				t.Errorf("got %q, want %q in it", out, tc.want)
			}
			switch {
			case tc.warn == "" && len(warnings) > 0:
				t.Errorf("unexpected warnings %v", warnings)
			case tc.warn != "" && (len(warnings) != 1 || !strings.Contains(warnings[0].Message, tc.warn)):
				t.Errorf("warnings %v, want one naming %q", warnings, tc.warn)
			}
		})
	}
}

// TestImportNeverSuggestsAnUndetectedCodePage: the old hint offered
// windows-1251 for any 8-bit file, which turns "£38" into "Ј38".
func TestImportNeverSuggestsAnUndetectedCodePage(t *testing.T) {
	_, _, err := Import("a.txt", []byte("Headline\n\nx \x81\xcf\xf0 y \xe8"), editorOptions())
	if err == nil || strings.Contains(err.Error(), "1251") || !strings.Contains(err.Error(), "--charset") {
		t.Errorf("error %v: want a request for --charset and no code page", err)
	}
	if _, err := lookupCharset("no-such-code-page"); err == nil {
		t.Error("an unknown --charset was accepted")
	}
}

func editorOptions() editor.ImportOptions { return editor.ImportOptions{Year: 2019} }
