package interchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"copydesk/editor"
)

// xnode is an element or a run of text of a parsed XML file, with the
// line it starts on.
type xnode struct {
	name  string // local name; "" for text
	space string // namespace URI
	attrs []xml.Attr
	kids  []*xnode
	text  string
	line  int
}

// maxDepth bounds nesting: real NITF is a dozen levels deep, and a file
// nested thousands deep is an attack on the reader's stack.
const maxDepth = 200

// parseXML reads data into a tree. Entities are XML's own and HTML's
// (agency NITF uses &nbsp; and &mdash; from the DTD); a DTD is skipped,
// never fetched, so external entities cannot reach the file system.
func parseXML(file string, data []byte, n *notes) (*xnode, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		// editor.CheckText has made sure the bytes are UTF-8; a label
		// saying otherwise is wrong about them.
		if !asciiOnly(data) {
			n.add(1, "the file says it is %s but its bytes are UTF-8: read as UTF-8", label)
		}
		return r, nil
	}
	var t treeBuilder
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, xmlError(file, data, err)
		}
		if err := t.add(file, line, tok); err != nil {
			return nil, err
		}
	}
	t.flush()
	root := t.root
	if root == nil {
		return nil, &editor.InputError{File: file, Line: 1, Offset: -1, Problem: "no XML element in the file", Fix: "import a NITF (.xml) file"}
	}
	return root, nil
}

// maxElements bounds the elements of one file: a long story with its
// markup has a few thousand, and a million (an 8 MB file of "<p/>") took
// 786 MB to read.
const maxElements = 50_000

// treeBuilder builds the tree token by token. Text split by comments or
// processing instructions ("a<!---->a<!---->…") is one run: it is
// collected in a strings.Builder and stored when an element starts or
// ends, not appended to a string per piece, which copied the run once a
// piece (quadratic: 900,000 comments took 120 s).
type treeBuilder struct {
	root     *xnode
	stack    []*xnode
	elements int
	text     *xnode // the run of text being collected, or nil
	buf      strings.Builder
}

func (t *treeBuilder) add(file string, line int, tok xml.Token) error {
	switch tok := tok.(type) {
	case xml.StartElement:
		t.flush()
		if len(t.stack) >= maxDepth {
			return &editor.InputError{File: file, Line: line, Offset: -1, Problem: fmt.Sprintf("elements are nested more than %d deep", maxDepth), Fix: "this is not an agency story; check the file"}
		}
		if t.elements++; t.elements > maxElements {
			return &editor.InputError{File: file, Line: line, Offset: -1, Problem: fmt.Sprintf("the file has more than %d elements", maxElements), Fix: "a story has far fewer: check that this is the right file, or split it"}
		}
		el := &xnode{name: tok.Name.Local, space: tok.Name.Space, attrs: tok.Attr, line: line}
		if len(t.stack) == 0 {
			if t.root != nil {
				return &editor.InputError{File: file, Line: line, Offset: -1, Problem: "a second root element <" + tok.Name.Local + ">", Fix: "an XML file holds one document"}
			}
			t.root = el
		} else {
			p := t.stack[len(t.stack)-1]
			p.kids = append(p.kids, el)
		}
		t.stack = append(t.stack, el)
	case xml.EndElement:
		t.flush()
		t.stack = t.stack[:len(t.stack)-1]
	case xml.CharData:
		if len(t.stack) == 0 {
			if strings.TrimSpace(string(tok)) != "" {
				return &editor.InputError{File: file, Line: line, Offset: -1, Problem: "text outside the root element", Fix: "check that this is an XML file"}
			}
			return nil
		}
		if t.text == nil {
			p := t.stack[len(t.stack)-1]
			t.text = &xnode{line: line}
			p.kids = append(p.kids, t.text)
		}
		t.buf.Write(tok)
	}
	return nil
}

// flush stores the run of text being collected.
func (t *treeBuilder) flush() {
	if t.text != nil {
		t.text.text = t.buf.String()
		t.text = nil
		t.buf.Reset()
	}
}

func asciiOnly(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func xmlError(file string, data []byte, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &editor.InputError{File: file, Line: se.Line, Offset: -1, Problem: "not well-formed XML: " + se.Msg, Fix: "the file is damaged or not XML; ask the sender for it again"}
	}
	return &editor.InputError{File: file, Offset: -1, Problem: "reading XML: " + err.Error(), Fix: "the file is damaged or not XML"}
}

// attr returns an attribute's value by local name, whatever its
// namespace prefix: agency files are not careful about prefixes.
func (x *xnode) attr(name string) string {
	for _, a := range x.attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// elems are the element children.
func (x *xnode) elems() []*xnode {
	var out []*xnode
	for _, k := range x.kids {
		if k.name != "" {
			out = append(out, k)
		}
	}
	return out
}

// child is the first element child called name, or nil.
func (x *xnode) child(name string) *xnode {
	for _, k := range x.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// textContent is all the text under x.
func (x *xnode) textContent() string {
	if x.name == "" {
		return x.text
	}
	var b strings.Builder
	for _, k := range x.kids {
		b.WriteString(k.textContent())
	}
	return b.String()
}
