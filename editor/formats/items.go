package formats

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"

	"copydesk/editor"
	"copydesk/editor/interchange"
)

// Item is one story read from a file, with the agency's identity of it
// when the format carries one: a later version of the same item has the
// same GUID and a higher Version.
type Item struct {
	Article  *editor.Article
	Warnings []editor.Warning
	GUID     string // the agency's identifier; "" when the format has none
	Version  int    // the agency's version; 0 when not given
}

// ImportItems reads every story of a file: a NewsML-G2 news message or an
// ANPA/IPTC 7901 wire file may hold several, every other format one
// (Import).
func ImportItems(file string, data []byte, opt editor.ImportOptions) ([]Item, error) {
	if f := Detect(file, data); f == NewsMLG2 || f == AgencyWire {
		g2, err := parseItems(f, file, data, opt)
		if err != nil {
			return nil, err
		}
		out := make([]Item, len(g2))
		for i, it := range g2 {
			out[i] = Item{Article: it.Article, Warnings: it.Warnings, GUID: it.GUID, Version: it.Version}
		}
		return out, nil
	}
	arts, warns, err := ImportAll(file, data, opt)
	if err != nil {
		return nil, err
	}
	out := make([]Item, len(arts))
	for i, a := range arts {
		out[i] = Item{Article: a}
	}
	out[0].Warnings = warns // the file's warnings, told once
	return out, nil
}

func parseItems(f Format, file string, data []byte, opt editor.ImportOptions) ([]interchange.Item, error) {
	if f == AgencyWire {
		return interchange.ParseWire(file, data, opt)
	}
	return interchange.ParseNewsMLG2(file, data, opt)
}

// importFirst is Import for a NewsML-G2 or agency wire file: its first
// story, and a warning when it holds more (ImportItems reads them all).
func importFirst(file string, data []byte, opt editor.ImportOptions) (*editor.Article, []editor.Warning, error) {
	items, err := parseItems(Detect(file, data), file, data, opt)
	if err != nil {
		return nil, nil, err
	}
	warns := items[0].Warnings
	if len(items) > 1 {
		warns = append(warns, editor.Warning{Message: fmt.Sprintf("the file holds %d stories: only the first is opened here (copydesk import reads them all)", len(items))})
	}
	return items[0].Article, warns, nil
}

// isNewsMLG2 reports whether an XML file's root element is a NewsML-G2
// newsItem or newsMessage. Only the prolog and the first start tag are
// read (a comment or DOCTYPE may come first); a file that is not
// well-formed there is not G2, and the NITF reader reports it.
func isNewsMLG2(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for i := 0; i < 64; i++ {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local == "newsItem" || se.Name.Local == "newsMessage"
		}
	}
	return false
}
