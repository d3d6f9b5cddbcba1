package interchange_test

import (
	"errors"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/interchange"
)

func TestBadInput(t *testing.T) {
	deep := strings.Repeat("<block>", 300) + strings.Repeat("</block>", 300)
	tests := []struct {
		name   string
		parse  func(string, []byte, editor.ImportOptions) (*editor.Article, []editor.Warning, error)
		data   string
		line   int
		inMsg  string
		notMsg string
	}{
		{"nitf empty", interchange.ParseNITF, "", 0, "empty", ""},
		{"nitf binary", interchange.ParseNITF, "<nitf>\x00</nitf>", 1, "binary", ""},
		{"nitf not utf-8", interchange.ParseNITF, "<nitf>\n<body>caf\xe9</body></nitf>", 2, "not UTF-8", ""},
		{"nitf not xml", interchange.ParseNITF, "Just some wire copy.\n", 1, "text outside the root element", ""},
		{"nitf malformed", interchange.ParseNITF, "<nitf>\n<body>\n<p>unclosed\n</body></nitf>", 4, "not well-formed", ""},
		{"nitf wrong root", interchange.ParseNITF, "<?xml version=\"1.0\"?>\n<rss><channel/></rss>", 2, "not <nitf>", ""},
		{"nitf too deep", interchange.ParseNITF, "<nitf><body><body.content>" + deep + "</body.content></body></nitf>", 1, "nested more than", ""},
		{"nitf external entity", interchange.ParseNITF, "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>", 3, "not well-formed", "root:"},
		{"nitf nothing in it", interchange.ParseNITF, "<nitf><head/><body/></nitf>", 1, "neither a headline", ""},
		{"nitf two roots", interchange.ParseNITF, "<nitf/>\n<nitf/>", 2, "second root", ""},
		{"ninjs empty", interchange.ParseNinjs, "", 0, "empty", ""},
		{"ninjs syntax", interchange.ParseNinjs, "{\n  \"headline\": \"x\",\n  \"bodies\": [,]\n}", 3, "not valid JSON", ""},
		{"ninjs array", interchange.ParseNinjs, "[{\"headline\": \"x\"}]", 1, "not an object", ""},
		{"ninjs trailing", interchange.ParseNinjs, "{\"headline\": \"x\"}\n{\"headline\": \"y\"}", 2, "more data", ""},
		{"ninjs nothing", interchange.ParseNinjs, "{\"uri\": \"urn:x\"}", 1, "neither a headline nor a body", ""},
		{"ninjs truncated", interchange.ParseNinjs, "{\n\"headline\": \"x\",\n\"by\": \"Jo", 3, "not valid JSON", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, _, err := tc.parse("in.file", []byte(tc.data), editor.ImportOptions{Now: importNow})
			var ie *editor.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v (article %v), want an *editor.InputError", err, a)
			}
			if ie.File != "in.file" || ie.Line != tc.line || !strings.Contains(ie.Problem, tc.inMsg) {
				t.Errorf("err = %q (line %d), want line %d and %q", ie.Error(), ie.Line, tc.line, tc.inMsg)
			}
			if tc.notMsg != "" && strings.Contains(ie.Error(), tc.notMsg) {
				t.Errorf("err = %q leaks %q", ie.Error(), tc.notMsg)
			}
			if ie.Fix == "" {
				t.Errorf("err = %q says nothing about what to do", ie.Error())
			}
		})
	}
}

// Liberal: fields of the wrong type are reported and skipped, not fatal.
func TestNinjsWrongTypesAreWarnings(t *testing.T) {
	data := `{
  "headlines": [{"value": "Headline"}],
  "by": 42,
  "urgency": "not a number",
  "subjects": "economy",
  "bodies": [{"contenttype": "text/plain", "value": "One.\n\nTwo."}],
  "embargoed": "tomorrow",
  "mystery": true
}`
	a, warns, err := interchange.ParseNinjs("odd.json", []byte(data), editor.ImportOptions{Now: importNow})
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != "Headline" || a.Body != "One.\n\nTwo." {
		t.Errorf("headline %q body %q", a.Headline, a.Body)
	}
	for _, w := range [][]string{
		{"line 3:", "by", "found a number"},
		{"line 4:", "urgency"},
		{"line 5:", "subjects", "found text"},
		{"line 7:", "embargo", "tomorrow"},
		{"line 8:", "mystery"},
	} {
		if !warned(warns, w...) {
			t.Errorf("no warning with %q in:\n%v", w, warns)
		}
	}
}

func TestImportOptions(t *testing.T) {
	nitf := `<nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>P</p></body.content></body></nitf>`
	a, _, err := interchange.ParseNITF("a.xml", []byte("\xef\xbb\xbf"+nitf), editor.ImportOptions{Now: importNow, Author: "Desk Writer"})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Bylines) != 1 || a.Bylines[0] != (editor.Byline{Name: "Desk Writer", Role: editor.RoleWriter}) {
		t.Errorf("bylines = %+v, want the import's author", a.Bylines)
	}
	if !a.Created.Equal(importNow) || !a.Modified.Equal(importNow) || a.Status != editor.StatusDraft {
		t.Errorf("created %v modified %v status %s", a.Created, a.Modified, a.Status)
	}
	if err := a.Validate(); err != nil {
		t.Errorf("imported article does not validate: %v", err)
	}
}
