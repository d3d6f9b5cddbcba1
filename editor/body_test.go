package editor

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestParseBody(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []Block
	}{
		{"paragraphs", "One.\n\nTwo.", []Block{{Paragraph, "One."}, {Paragraph, "Two."}}},
		{"subhead", "## Over 43,500 people\n\nText.", []Block{{Subhead, "Over 43,500 people"}, {Paragraph, "Text."}}},
		{"closing hashes", "### Title ###", []Block{{Subhead, "Title"}}},
		{"heading ends paragraph", "Text\n## Sub", []Block{{Paragraph, "Text"}, {Subhead, "Sub"}}},
		{"quote", "> \"Now,\" he said.\n> Second line.", []Block{{Quote, "\"Now,\" he said.\nSecond line."}}},
		{"lazy quote", "> start\ncontinued", []Block{{Quote, "start\ncontinued"}}},
		{"crlf and extra blanks", "A\r\n\r\n\r\n\r\nB\r\n", []Block{{Paragraph, "A"}, {Paragraph, "B"}}},
		{"escaped hash stays paragraph", `\# not a heading`, []Block{{Paragraph, "# not a heading"}}},
		{"hashtag is text", "#news is not a heading", []Block{{Paragraph, "#news is not a heading"}}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ParseBody(tc.md); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseBody(%q) = %q, want %q", tc.md, got, tc.want)
			}
		})
	}
}

func TestFormatBodyRoundTrip(t *testing.T) {
	tests := [][]Block{
		{{Paragraph, "SOCHI, October 16. /TASS/. The Islamic State\u00a0terrorist organization."}},
		{{Subhead, "Roughly 7,000 dead"}, {Quote, "\"Quoted,\" he said."}, {Paragraph, "Plain."}},
		{{Paragraph, "# starts like a heading"}, {Paragraph, "> starts like a quote"}},
		{{Paragraph, "- a dash bullet"}, {Paragraph, "1. a numbered item"}, {Paragraph, "2019) a year"}},
		{{Paragraph, "---"}, {Paragraph, "==="}, {Paragraph, "<div>raw html</div>"}},
		{{Paragraph, `\# a literal backslash then hash`}, {Paragraph, `\plain backslash`}},
		{{Quote, "line one\n# hash line\n> nested?"}},
		{{Paragraph, "multi\nline paragraph"}},
		{{Paragraph, "1975 was a year"}, {Paragraph, "-5 degrees"}, {Paragraph, "*emphasis* first"}},
		{{Paragraph, `1\\. literal`}, {Paragraph, `\\\\# two`}, {Paragraph, "1\\\\) x"}},
	}
	for _, blocks := range tests {
		md := FormatBody(blocks)
		got := ParseBody(md)
		if !reflect.DeepEqual(got, blocks) {
			t.Errorf("round trip of %q:\nmd   %q\ngot  %q", blocks, md, got)
		}
	}
}

func TestFormatBodyDropsEmptyBlocks(t *testing.T) {
	got := FormatBody([]Block{{Paragraph, "A"}, {Paragraph, "  "}, {Subhead, ""}, {Paragraph, "B"}})
	if got != "A\n\nB" {
		t.Errorf("got %q", got)
	}
}

func TestSubheadCollapsesLines(t *testing.T) {
	got := FormatBody([]Block{{Subhead, "two\nlines"}})
	if got != "## two lines" {
		t.Errorf("got %q", got)
	}
}

// FuzzBodyRoundTrip: any blocks FormatBody writes parse back to the same
// blocks once normalised (trimmed, no blank lines inside a block).
func FuzzBodyRoundTrip(f *testing.F) {
	f.Add("para", "## sub", "> quote")
	f.Add("# x", "\\# y", "- z")
	f.Add("a\n\nb", "   lead", "1) x")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		if !utf8.ValidString(a + b + c) {
			return
		}
		in := []Block{{Paragraph, a}, {Subhead, b}, {Quote, c}}
		md := FormatBody(in)
		once := ParseBody(md)
		again := ParseBody(FormatBody(once))
		if !reflect.DeepEqual(once, again) {
			t.Fatalf("not stable:\nin    %q\nmd    %q\nonce  %q\nagain %q", in, md, once, again)
		}
		for _, bl := range once {
			if isBlank(bl.Text) {
				t.Fatalf("empty block from %q", md)
			}
		}
	})
}

func TestEscapesReadersAgreeWith(t *testing.T) {
	// What FormatBody writes for a paragraph is what a CommonMark reader
	// shows as that text: escapes only where a marker would start a block.
	tests := []struct{ text, md string }{
		{"1. one", `1\. one`},
		{"2019) a year", `2019\) a year`},
		{"1.\tx", "1\\.\tx"},
		{"**Bold** start", "**Bold** start"},
		{"__init__ start", "__init__ start"},
		{"`code` start", "`code` start"},
		{"```fence", "\\```fence"},
		{"- bullet", `\- bullet`},
		{"---", `\---`},
		{"* * *", `\* * *`},
		{"# hash", `\# hash`},
		{"2019 was a year", "2019 was a year"},
	}
	for _, tc := range tests {
		if got := FormatBody([]Block{{Paragraph, tc.text}}); got != tc.md {
			t.Errorf("FormatBody(%q) = %q, want %q", tc.text, got, tc.md)
		}
		if got := ParseBody(tc.md); len(got) != 1 || got[0].Text != tc.text {
			t.Errorf("ParseBody(%q) = %q, want %q", tc.md, got, tc.text)
		}
	}
	// Older bodies escaped numbers before the digit.
	if got := ParseBody(`\1. one`); got[0].Text != "1. one" {
		t.Errorf("old escape: %q", got[0].Text)
	}
	// An NBSP-only line is text, not a blank line.
	if got := ParseBody("a\n\u00a0\nb"); len(got) != 1 {
		t.Errorf("NBSP line split the paragraph: %q", got)
	}
}
