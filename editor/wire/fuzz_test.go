package wire

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/export/inline"
	"copydesk/editor/testfixture"
)

// fuzzOpts import in a leap year, so that a 29 February written without
// its year by a house style reads back.
var fuzzOpts = editor.ImportOptions{Now: time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)}

// FuzzParse: Parse never panics; it returns an article that validates or
// an *editor.InputError; and what Format writes, in every house style,
// Parse reads back to the same article (the dateline as far as the style
// shows it) and Format writes again byte for byte. Seeds: the fixture,
// the testdata stories, and the regressions under testdata/fuzz.
func FuzzParse(f *testing.F) {
	f.Add(testfixture.Read(f, testfixture.TASS))
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, path := range files {
		f.Add(readTestdata(f, filepath.Base(path)))
	}
	for _, tc := range headerRuleCases {
		f.Add([]byte(tc.copy))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := Parse("fuzz.txt", data, fuzzOpts)
		if err != nil {
			var ie *editor.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T is not an *editor.InputError: %v", err, err)
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("the article does not validate: %v", err)
		}
		for _, style := range editor.Styles {
			out := Format(a, style)
			b, _, err := Parse("fuzz.txt", out, fuzzOpts)
			if err != nil {
				t.Fatalf("%s: Format output does not import: %v\n%s", style, err, out)
			}
			// A dateline the style cannot write so that it reads back (an
			// AP-style "(source)" that is no agency's name) stays in the
			// first paragraph: then only the second round must be stable.
			_, _, reads := editor.ParseDateline(a.Dateline.Render(style)+" x", 2020)
			if reads || a.Dateline.IsZero() {
				if d := diffArticles(a, b, style); len(d) > 0 {
					t.Fatalf("%s: re-import differs in %v\ninput:\n%q\noutput:\n%q\nfirst: %+v\nsecond: %+v", style, d, data, out, a, b)
				}
			}
			if again := Format(b, style); !bytes.Equal(again, out) {
				t.Fatalf("%s: second export differs\ninput:\n%q\nfirst:\n%q\nsecond:\n%q", style, data, out, again)
			}
		}
	})
}

// FuzzEscape: what escapeInline writes, the desk's CommonMark reader
// (goldmark, via editor/export/inline) reads back as the same plain text,
// as a paragraph and as a subhead — so exporters that render the body see
// the copy, not markup. Input is shaped as Parse leaves copy: valid UTF-8
// without control characters, lines trimmed, no blank lines; and kept
// short, as goldmark is quadratic on some long inputs.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{
		"ISIL\u00a0[formerly the IS] activity", "2 * 3 and snake_case", "*new* [a](b) <http://x> &amp; `c`",
		`back\slash \* ~~x~~ _y_`, "[x]: http://example.com", "a <b>c</b> & d", "line one\nline two",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 || !utf8.ValidString(s) {
			return
		}
		for _, r := range s {
			if unicode.IsControl(r) && r != '\n' && r != '\t' {
				return
			}
		}
		u := strings.Join(textLines(s), "\n")
		if u == "" {
			return
		}
		md := escapeInline(u)
		if got, ok := literalText(md); !ok || got != u {
			t.Fatalf("literalText(escapeInline(%q)) = %q, %v", u, got, ok)
		}
		var b strings.Builder
		writePlain(&b, inline.Parse(md))
		if got := strings.Join(textLines(b.String()), "\n"); got != u {
			t.Fatalf("escapeInline(%q) = %q reads as %q", u, md, got)
		}
		if !strings.Contains(u, "\n") {
			body := editor.FormatBody([]editor.Block{{Kind: editor.Subhead, Text: escapeClosingHashes(md)}})
			blocks := editor.ParseBody(body)
			if len(blocks) != 1 {
				t.Fatalf("subhead %q came back as %d blocks", u, len(blocks))
			}
			if got := strings.Join(plainLines(blocks[0].Text), "\n"); got != strings.Join(strings.FieldsFunc(u, isSpaceRune), " ") && got != u {
				t.Fatalf("subhead %q came back as %q", u, got)
			}
		}
	})
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' }
