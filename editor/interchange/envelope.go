package interchange

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"

	"copydesk/editor"
)

// ParseNinjsAll reads a ninjs file as the stories it holds. Agencies
// deliver items one level down: AP's media API wraps one in
// {"api_version", "data": {"item": …}}, and feeds list them as
// {"total", "item": […]} (or "items"). Each item of a list becomes a
// story; a plain item is read as ParseNinjs reads it. Warnings about an
// item of a list start with its number.
func ParseNinjsAll(file string, data []byte, opt editor.ImportOptions) ([]*editor.Article, []editor.Warning, error) {
	items, what := ninjsEnvelope(data)
	if items == nil {
		a, w, err := ParseNinjs(file, data, opt)
		if err != nil {
			return nil, nil, err
		}
		return []*editor.Article{a}, w, nil
	}
	if len(items) == 0 {
		return nil, nil, &editor.InputError{File: file, Line: 1, Offset: -1, Problem: "the " + what + " holds no items", Fix: "check that the feed returned stories"}
	}
	var arts []*editor.Article
	warnings := []editor.Warning{{Message: fmt.Sprintf("read %d item(s) from the %s", len(items), what)}}
	for i, raw := range items {
		a, w, err := ParseNinjs(file, raw, opt)
		if err != nil {
			return nil, nil, fmt.Errorf("item %d of %d: %w", i+1, len(items), err)
		}
		for _, x := range w {
			if len(items) > 1 {
				x.Message = fmt.Sprintf("item %d: %s", i+1, x.Message)
			}
			x.Line = 0 // the line is the item's, not the file's
			warnings = append(warnings, x)
		}
		arts = append(arts, a)
	}
	return arts, warnings, nil
}

// ninjsEnvelope returns the items an envelope or a list carries, and what
// it is called; nil for a plain item (or anything ParseNinjs should judge).
func ninjsEnvelope(data []byte) ([]json.RawMessage, string) {
	var top map[string]json.RawMessage
	if json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &top) != nil {
		return nil, ""
	}
	for _, k := range []string{"headline", "headlines", "body_html", "body_text", "bodies", "uri", "guid"} {
		if _, ok := top[k]; ok {
			return nil, "" // an item itself
		}
	}
	if inner, ok := top["data"]; ok {
		if items, _ := ninjsEnvelope(inner); items != nil {
			return items, "AP media API envelope"
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal(inner, &obj) == nil {
			if it, ok := obj["item"]; ok && bytes.HasPrefix(bytes.TrimSpace(it), []byte("{")) {
				return []json.RawMessage{it}, "AP media API envelope"
			}
		}
	}
	for _, k := range []string{"item", "items"} {
		raw, ok := top[k]
		if !ok {
			continue
		}
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) == nil {
			return list, "ninjs list"
		}
		if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
			return []json.RawMessage{raw}, "ninjs envelope"
		}
	}
	return nil, ""
}

// nitfStart finds the NITF documents a wrapper carries.
var nitfStart = regexp.MustCompile(`<nitf[\s>/]`)

// ParseNITFAll reads an XML file as the stories it holds: an NITF
// document, or every NITF document a NewsML 1 wrapper (NewsML › NewsItem
// › … › DataContent › nitf) carries.
func ParseNITFAll(file string, data []byte, opt editor.ImportOptions) ([]*editor.Article, []editor.Warning, error) {
	docs := nitfInWrapper(data)
	if docs == nil {
		a, w, err := ParseNITF(file, data, opt)
		if err != nil {
			return nil, nil, err
		}
		return []*editor.Article{a}, w, nil
	}
	var arts []*editor.Article
	warnings := []editor.Warning{{Message: fmt.Sprintf("read %d NITF document(s) from the NewsML wrapper", len(docs))}}
	for i, doc := range docs {
		a, w, err := ParseNITF(file, doc.data, opt)
		if err != nil {
			return nil, nil, fmt.Errorf("NITF document %d of %d (line %d): %w", i+1, len(docs), doc.line, err)
		}
		for _, x := range w {
			if x.Line > 0 {
				x.Line += doc.line - 1
			}
			warnings = append(warnings, x)
		}
		arts = append(arts, a)
	}
	return arts, warnings, nil
}

type nitfDoc struct {
	data []byte
	line int
}

// nitfInWrapper returns the NITF documents inside a NewsML 1 wrapper; nil
// when the root is not NewsML (an NITF file, or something ParseNITF
// should refuse by name).
func nitfInWrapper(data []byte) []nitfDoc {
	root := rootName(data)
	if root != "NewsML" && root != "NewsItem" {
		return nil
	}
	var docs []nitfDoc
	rest, off := data, 0
	for {
		loc := nitfStart.FindIndex(rest)
		if loc == nil {
			break
		}
		end := bytes.Index(rest[loc[0]:], []byte("</nitf>"))
		if end < 0 {
			break
		}
		stop := loc[0] + end + len("</nitf>")
		docs = append(docs, nitfDoc{data: rest[loc[0]:stop], line: lineAt(data, int64(off+loc[0]))})
		rest, off = rest[stop:], off+stop
	}
	return docs
}

// rootName is the local name of the first element, "" when none is found
// near the start.
func rootName(data []byte) string {
	for i := 0; i < len(data) && i < 4096; i++ {
		if data[i] != '<' || i+1 >= len(data) {
			continue
		}
		c := data[i+1]
		if c == '?' || c == '!' {
			continue
		}
		j := i + 1
		for j < len(data) && data[j] != ' ' && data[j] != '>' && data[j] != '\n' && data[j] != '\t' && data[j] != '\r' && data[j] != '/' {
			j++
		}
		name := data[i+1 : j]
		if k := bytes.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		return string(name)
	}
	return ""
}
