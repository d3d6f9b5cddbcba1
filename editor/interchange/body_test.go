package interchange_test

import (
	"encoding/json"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/interchange"
)

// wantBody is the body for the blocks written in want: one block per
// blank-line-separated part, "## " for a subhead, "> " for a quote, the
// block's inline CommonMark as inline.Markdown writes it. Block-level
// escaping is editor.FormatBody's, so the expectation goes through it.
func wantBody(want string) string {
	var blocks []editor.Block
	for _, part := range strings.Split(want, "\n\n") {
		switch {
		case strings.HasPrefix(part, "## "):
			blocks = append(blocks, editor.Block{Kind: editor.Subhead, Text: part[3:]})
		case strings.HasPrefix(part, "> "):
			blocks = append(blocks, editor.Block{Kind: editor.Quote, Text: part[2:]})
		default:
			blocks = append(blocks, editor.Block{Kind: editor.Paragraph, Text: part})
		}
	}
	return editor.FormatBody(blocks)
}

// HTML bodies (ninjs text/html) become the desk's CommonMark.
func TestHTMLBody(t *testing.T) {
	tests := []struct{ html, want string }{
		{"<p>One.</p>\n<p>Two.</p>", "One.\n\nTwo."},
		{"<h2>Sub</h2><h4>Deeper</h4>", "## Sub\n\n## Deeper"},
		{"<blockquote><p>Said.</p><p>Again.</p></blockquote>", "> Said.\n\n> Again."},
		{"<blockquote>Bare quote</blockquote>", "> Bare quote"},
		{"<p><i>em</i> <b>strong</b> <code>a*b</code> <a href=\"http://x.example\" title=\"T\">link</a></p>", "*em* **strong** `a*b` [link](http://x.example \"T\")"},
		{"<p>a <em> spaced </em> b</p>", "a *spaced* b"},
		{"<p>line<br>break</p>", "line\\\nbreak"},
		{"Loose text<p>then a paragraph</p>", "Loose text\n\nthen a paragraph"},
		{"<div><div><p>nested</p></div></div>", "nested"},
		{"<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; *stars*</p>", "<script>alert(1)</script> & \\*stars\\*"},
		{"<p># not a heading</p><p>- not a list</p>", "# not a heading\n\n- not a list"},
		{"<p>no&nbsp;break</p>", "no\u00a0break"},
		{"<p>x<script>alert(1)</script>y</p><style>p{}</style>", "xy"},
		{"<ol start=\"3\"><li>three</li><li>four</li></ol>", "3. three\n\n4. four"},
		{"<p><span class=\"dateline\">SOCHI, October 16. /TASS/.</span> Text.</p>", "Text."},
		{"<p>Text <span class=\"dateline\">not first</span></p>", "Text not first"},
	}
	for _, tc := range tests {
		item, _ := json.Marshal(map[string]any{
			"headlines": []map[string]string{{"value": "H"}},
			"located":   "SOCHI",
			"bodies":    []map[string]string{{"contenttype": "text/html", "value": tc.html}},
		})
		a, warns, err := interchange.ParseNinjs("b.json", item, editor.ImportOptions{Now: importNow, Year: 2019})
		if err != nil {
			t.Fatalf("%q: %v", tc.html, err)
		}
		if want := wantBody(tc.want); a.Body != want {
			t.Errorf("%q:\n got  %q\n want %q (warnings %v)", tc.html, a.Body, want, warns)
		}
	}
}

// NITF inline markup maps onto the desk's.
func TestNITFInline(t *testing.T) {
	tests := []struct{ p, want string }{
		{`a <em>b</em> <em class="strong">c</em> <em class="code">d*e</em>`, "a *b* **c** `d*e`"},
		{`<a href="https://x.example/">l</a> <a name="anchor">no href</a>`, "[l](https://x.example/) no href"},
		{"wrapped\n   over\tlines", "wrapped over lines"},
		{`<org>Org</org> <person><name.given>A</name.given> <name.family>B</name.family></person> <num>7</num>`, "Org A B 7"},
		{`x<br/>y`, "x\\\ny"},
		{`CDATA <![CDATA[<b>raw</b> ]]]]><![CDATA[>]]>`, "CDATA <b>raw</b> ]]>"},
	}
	for _, tc := range tests {
		doc := `<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>` + tc.p + `</p></body.content></body></nitf>`
		a, warns, err := interchange.ParseNITF("p.xml", []byte(doc), editor.ImportOptions{Now: importNow})
		if err != nil {
			t.Fatalf("%q: %v", tc.p, err)
		}
		if want := wantBody(tc.want); a.Body != want {
			t.Errorf("%q:\n got  %q\n want %q (warnings %v)", tc.p, a.Body, want, warns)
		}
	}
}
