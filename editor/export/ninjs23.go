package export

import "copydesk/editor"

// Ninjs23SchemaURI is the schema the ninjs 2.3 export declares.
const Ninjs23SchemaURI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.3.json"

// Ninjs23 writes the article as IPTC ninjs 2.3 JSON. ninjs 2.3 (IPTC,
// 2025) keeps every property of 2.2 as it was and adds one thing: a
// rendition may list its resources (audio tracks, subtitles; $defs
// resourceType). The desk writes no renditions, so the 2.3 item is the
// 2.2 item declaring 2.3 in its standard object; a 2.2 reader that
// ignores the declared version reads it unchanged.
func Ninjs23(a *editor.Article, opt Options) ([]byte, error) {
	return writeNinjs(a, opt, ninjsStandard{Name: "ninjs", Version: "2.3", Schema: Ninjs23SchemaURI})
}
