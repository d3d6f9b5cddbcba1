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
	var root *xnode
	var stack []*xnode
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, xmlError(file, data, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxDepth {
				return nil, &editor.InputError{File: file, Line: line, Offset: -1, Problem: fmt.Sprintf("elements are nested more than %d deep", maxDepth), Fix: "this is not an agency story; check the file"}
			}
			el := &xnode{name: t.Name.Local, space: t.Name.Space, attrs: t.Attr, line: line}
			if len(stack) == 0 {
				if root != nil {
					return nil, &editor.InputError{File: file, Line: line, Offset: -1, Problem: "a second root element <" + t.Name.Local + ">", Fix: "an XML file holds one document"}
				}
				root = el
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, el)
			}
			stack = append(stack, el)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if strings.TrimSpace(string(t)) != "" {
					return nil, &editor.InputError{File: file, Line: line, Offset: -1, Problem: "text outside the root element", Fix: "check that this is an XML file"}
				}
				continue
			}
			p := stack[len(stack)-1]
			if k := len(p.kids); k > 0 && p.kids[k-1].name == "" {
				p.kids[k-1].text += string(t)
				continue
			}
			p.kids = append(p.kids, &xnode{text: string(t), line: line})
		}
	}
	if root == nil {
		return nil, &editor.InputError{File: file, Line: 1, Offset: -1, Problem: "no XML element in the file", Fix: "import a NITF (.xml) file"}
	}
	return root, nil
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
