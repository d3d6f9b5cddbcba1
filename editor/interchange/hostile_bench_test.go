package interchange_test

import (
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/interchange"
)

// commentNITF is a NITF story whose one paragraph is n one-letter texts
// between comments: "a<!---->a<!---->…". A reader that appends each text
// to the one before rebuilds the paragraph n times (the 8 MB file of
// issue 14, 900,000 comments, took 120 s of CPU).
func commentNITF(n int) []byte {
	var b strings.Builder
	b.WriteString(`<nitf><body><body.head><hedline><hl1>Comments</hl1></hedline></body.head><body.content><p>`)
	for range n {
		b.WriteString("a<!---->")
	}
	b.WriteString(`</p></body.content></body></nitf>`)
	return []byte(b.String())
}

// BenchmarkNITFComments reads one paragraph split by comments: linear
// text building keeps it proportional to the file.
func BenchmarkNITFComments(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 900_000} {
		data := commentNITF(n)
		b.Run(fmt.Sprintf("comments=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := interchange.ParseNITF("comments.xml", data, editor.ImportOptions{Now: importNow}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// paragraphsNITF is a NITF story of n empty paragraphs.
func paragraphsNITF(n int) []byte {
	var b strings.Builder
	b.WriteString(`<nitf><body><body.head><hedline><hl1>Paragraphs</hl1></hedline></body.head><body.content>`)
	for range n {
		b.WriteString("<p/>")
	}
	b.WriteString(`</body.content></body></nitf>`)
	return []byte(b.String())
}

// BenchmarkNITFParagraphs reads a file of a million empty paragraphs,
// which the element cap refuses early (it took 786 MB to read).
func BenchmarkNITFParagraphs(b *testing.B) {
	data := paragraphsNITF(1_000_000)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		interchange.ParseNITF("paragraphs.xml", data, editor.ImportOptions{Now: importNow})
	}
}
