package formats

import (
	"copydesk/editor"
	"copydesk/editor/interchange"
)

// ImportAll reads a file as the stories it holds: one for most files,
// every item of a ninjs list ({"total", "item": […]}), the item of an AP
// media API envelope ({"api_version", "data": {"item": …}}) and every
// NITF document a NewsML 1 wrapper carries. The bytes are decoded to
// UTF-8 first (see Decode); the warnings say what was converted.
func ImportAll(file string, data []byte, opt editor.ImportOptions) ([]*editor.Article, []editor.Warning, error) {
	if opt.Charset == "" && Detect(file, data) == AgencyWire {
		// ANPA and IPTC 7901 wire is Latin-1 by definition: its reader
		// decodes it.
		return itemArticles(parseItems(AgencyWire, file, data, opt))
	}
	data, warnings, err := Decode(file, data, opt.Charset)
	if err != nil {
		return nil, nil, err
	}
	var arts []*editor.Article
	var more []editor.Warning
	switch Detect(file, data) {
	case Ninjs:
		arts, more, err = interchange.ParseNinjsAll(file, data, opt)
	case NITF:
		arts, more, err = interchange.ParseNITFAll(file, data, opt)
	case NewsMLG2, AgencyWire:
		// A news message holds several items; each becomes a story.
		arts, more, err = itemArticles(parseItems(Detect(file, data), file, data, opt))
	default:
		var a *editor.Article
		a, more, err = importOne(file, data, opt)
		arts = []*editor.Article{a}
	}
	if err != nil {
		return nil, nil, err
	}
	return arts, append(warnings, more...), nil
}

// itemArticles is the stories of items and all their warnings.
func itemArticles(items []interchange.Item, err error) ([]*editor.Article, []editor.Warning, error) {
	if err != nil {
		return nil, nil, err
	}
	var arts []*editor.Article
	var warns []editor.Warning
	for _, it := range items {
		arts, warns = append(arts, it.Article), append(warns, it.Warnings...)
	}
	return arts, warns, nil
}
