package interchange_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/interchange"
)

// TestNITFBounds: a file under the size limit but with a million
// elements is refused with a clear error naming the limit; a long
// paragraph split by comments reads as one run of text.
func TestNITFBounds(t *testing.T) {
	_, _, err := interchange.ParseNITF("paragraphs.xml", paragraphsNITF(1_000_000), editor.ImportOptions{Now: importNow})
	var ie *editor.InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Problem, "more than 50000 elements") || ie.File != "paragraphs.xml" {
		t.Errorf("a million paragraphs: %v; want an input error naming the element limit", err)
	}
	a, _, err := interchange.ParseNITF("comments.xml", commentNITF(1000), editor.ImportOptions{Now: importNow})
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat("a", 1000); a.Body != want {
		t.Errorf("body %.40q…, want 1,000 a's in one paragraph", a.Body)
	}
}

// ninjsHTML is a ninjs item whose HTML body is html.
func ninjsHTML(t testing.TB, html string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "<" as itself: the file stays under the import limit
	if err := enc.Encode(map[string]any{"uri": "urn:x", "type": "text", "headlines": []map[string]string{{"role": "main", "value": "H"}},
		"bodies": []map[string]string{{"role": "main", "contenttype": "text/html", "value": html}}}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestNinjsBounds: the same two attacks through a ninjs HTML body.
func TestNinjsBounds(t *testing.T) {
	_, _, err := interchange.ParseNinjs("paragraphs.json", ninjsHTML(t, strings.Repeat("<p>a</p>", 100_000)), editor.ImportOptions{Now: importNow})
	var ie *editor.InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Problem, "more than 50000 elements") {
		t.Errorf("100,000 paragraphs: %v; want an input error naming the element limit", err)
	}
	_, _, err = interchange.ParseNinjs("comments.json", ninjsHTML(t, "<p>"+strings.Repeat("a<!---->", 100_000)+"</p>"), editor.ImportOptions{Now: importNow})
	if !errors.As(err, &ie) || !strings.Contains(ie.Problem, "more than 50000 elements and comments") {
		t.Errorf("100,000 comments: %v; want an input error naming the limit", err)
	}
	a, _, err := interchange.ParseNinjs("comments.json", ninjsHTML(t, "<p>"+strings.Repeat("a<!---->", 1000)+"</p>"), editor.ImportOptions{Now: importNow})
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat("a", 1000); a.Body != want {
		t.Errorf("body %.40q…, want 1,000 a's in one paragraph", a.Body)
	}
}

// BenchmarkNinjsComments: an HTML paragraph split by comments (more than
// 50,000 are refused before the tree is built).
func BenchmarkNinjsComments(b *testing.B) {
	for _, n := range []int{10_000, 40_000} {
		data := ninjsHTML(b, "<p>"+strings.Repeat("a<!---->", n)+"</p>")
		b.Run(fmt.Sprintf("comments=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := interchange.ParseNinjs("comments.json", data, editor.ImportOptions{Now: importNow}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
