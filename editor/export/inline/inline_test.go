package inline

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func txt(s string) Node { return Node{Kind: Text, Text: s} }

func TestParse(t *testing.T) {
	tests := []struct {
		md   string
		want []Node
	}{
		{"plain text", []Node{txt("plain text")}},
		{"a *em* and **strong**", []Node{txt("a "), {Kind: Emphasis, Kids: []Node{txt("em")}}, txt(" and "), {Kind: Strong, Kids: []Node{txt("strong")}}}},
		{"_under_", []Node{{Kind: Emphasis, Kids: []Node{txt("under")}}}},
		{"`a <b> & c`", []Node{{Kind: Code, Text: "a <b> & c"}}},
		{`[text](http://x.example/a "T")`, []Node{{Kind: Link, Href: "http://x.example/a", Title: "T", Kids: []Node{txt("text")}}}},
		{`[t](<a b> "q\"")`, []Node{{Kind: Link, Href: "a b", Title: `q"`, Kids: []Node{txt("t")}}}},
		{"<http://x.example>", []Node{{Kind: Link, Href: "http://x.example", Kids: []Node{txt("http://x.example")}}}},
		{"<me@x.example>", []Node{{Kind: Link, Href: "mailto:me@x.example", Kids: []Node{txt("me@x.example")}}}},
		{"![alt](/p.png)", []Node{{Kind: Link, Href: "/p.png", Kids: []Node{txt("alt")}}}},
		// Raw HTML is text, entities and escapes resolve.
		{"<script>alert(1)</script>", []Node{txt("<script>alert(1)</script>")}},
		{"a &amp; b &lt; &#x41; \\*", []Node{txt("a & b < A *")}},
		{"<!-- c --> ]]>", []Node{txt("<!-- c --> ]]>")}},
		// Block markers stay text: block structure is editor.ParseBody's.
		{"- not a list", []Node{txt("- not a list")}},
		{"# not a heading", []Node{txt("# not a heading")}},
		{"line one\nline two", []Node{txt("line one\nline two")}},
		{"hard\\\nbreak", []Node{txt("hard"), {Kind: Break}, txt("break")}},
		{"no\u00a0break space", []Node{txt("no\u00a0break space")}},
		{"[x]: /not-a-definition", []Node{txt("[x]: /not-a-definition")}},
		{"", nil},
	}
	for _, tc := range tests {
		if got := Parse(tc.md); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%q) =\n %#v\nwant\n %#v", tc.md, got, tc.want)
		}
	}
}

// Markdown keeps copy as the reporter typed it when that parses back to
// the same thing, and escapes only when it must.
func TestMarkdown(t *testing.T) {
	tests := []struct {
		nodes []Node
		want  string
	}{
		{[]Node{txt("2 * 3 = 6 and a_b_c")}, "2 * 3 = 6 and a_b_c"},
		{[]Node{txt("*not emphasis*")}, `\*not emphasis\*`},
		{[]Node{txt("<script>alert(1)</script> & <b>")}, "<script>alert(1)</script> & <b>"},
		{[]Node{txt("literal &amp; entity")}, `literal \&amp; entity`},
		{[]Node{txt("a [b](c) link-lookalike")}, `a \[b\](c) link-lookalike`},
		{[]Node{txt("see "), {Kind: Emphasis, Kids: []Node{txt("this")}}}, "see *this*"},
		{[]Node{{Kind: Strong, Kids: []Node{txt(" padded ")}}}, "**padded**"},
		{[]Node{{Kind: Emphasis, Kids: []Node{txt("a")}}, {Kind: Emphasis, Kids: []Node{txt("b")}}}, "*ab*"},
		{[]Node{{Kind: Code, Text: "a`b"}}, "``a`b``"},
		{[]Node{{Kind: Code, Text: "`x"}}, "`` `x ``"},
		{[]Node{{Kind: Link, Href: "http://x.example/a b", Title: `say "hi"`, Kids: []Node{txt("t")}}}, `[t](<http://x.example/a b> "say \"hi\"")`},
		{[]Node{{Kind: Link, Href: "http://x.example", Kids: []Node{txt("http://x.example")}}}, "<http://x.example>"},
		{[]Node{txt("a"), {Kind: Break}, txt("b"), {Kind: Break}}, "a\\\nb"},
		{[]Node{txt("  trimmed\u00a0 ")}, "trimmed\u00a0"},
	}
	for _, tc := range tests {
		got, exact := Markdown(tc.nodes)
		if got != tc.want || !exact {
			t.Errorf("Markdown(%#v) = %q, %v; want %q, true", tc.nodes, got, exact, tc.want)
		}
	}
}

func TestSafeHref(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"https://example.com/a?b=1&c=2#f", "https://example.com/a?b=1&c=2#f", true},
		{"http://example.com/a b", "http://example.com/a%20b", true},
		{"mailto:me@example.com", "mailto:me@example.com", true},
		{"/relative/path", "", false}, // resolves against wherever the story is published
		{"story.html#x", "", false},
		{"tel:+7-495-000", "", false},
		{"ftp://x.example/f", "", false},
		{"mailto:", "", false},
		{"HTTPS://пример.рф/", "HTTPS://пример.рф/", true},
		{"https://x.example/{a}|b", "https://x.example/%7Ba%7D%7Cb", true},
		{"javascript:alert(1)", "", false},
		{"JaVaScRiPt:alert(1)", "", false},
		{" javascript:alert(1)", "", false},
		{"java\tscript:alert(1)", "", false},
		{"vbscript:msgbox", "", false},
		{"data:text/html,<script>", "", false},
		{"file:///etc/passwd", "", false},
		{"http://exa mple.com/", "", false},
		{"http://[::1", "", false},
		{"http://[::1]:8080/a[1]", "http://[::1]:8080/a%5B1%5D", true},
		{"]]><script>", "", false},
		{"https://x.example/]]><script>", "https://x.example/%5D%5D%3E%3Cscript%3E", true},
		{"\njavascript:alert(1)", "", false},
		{"javascript\n:alert(1)", "", false},
		{"java\u0000script:alert(1)", "", false},
		{"javascript&#58;alert(1)", "", false},
		{"https://example.com/q?x=[y]", "https://example.com/q?x=%5By%5D", true},
		{"http:///nohost", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		got, ok := SafeHref(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("SafeHref(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		if ok {
			again, ok2 := SafeHref(got)
			if again != got || !ok2 {
				t.Errorf("SafeHref is not idempotent on %q: %q, %v", got, again, ok2)
			}
		}
	}
}

func FuzzMarkdownRoundTrip(f *testing.F) {
	for _, s := range []string{"plain", "*em* **strong** `code` [l](http://x \"t\")", "<b>&amp;\\*", "a_b_c **x*", "``", "![i](j)", "]]> <!-- -->", "a\u00a0 b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if !utf8.ValidString(md) || strings.ContainsAny(md, "\r\x00") {
			return
		}
		nodes := Parse(md)
		out, exact := Markdown(nodes)
		if !exact {
			return // reported to the caller as a warning; not a crash
		}
		if again := Canon(Parse(out)); !Equal(again, Canon(nodes)) {
			t.Fatalf("Markdown(Parse(%q)) = %q parses to %#v, want %#v", md, out, again, Canon(nodes))
		}
	})
}
