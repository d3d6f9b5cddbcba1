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
