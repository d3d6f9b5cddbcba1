package formats_test

import (
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/formats"
)

// TestDetectAgencyFormats: G2 by its root element whatever the name;
// wire copy by SOH (or SYN SYN SOH) whatever the name; NITF stays NITF.
func TestDetectAgencyFormats(t *testing.T) {
	cases := []struct {
		file, data string
		want       formats.Format
	}{
		{"a.xml", `<?xml version="1.0"?><!-- c --><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>`, formats.NewsMLG2},
		{"a.nitf", `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>`, formats.NewsMLG2},
		{"feed-0001", `<?xml version="1.0"?><newsItem/>`, formats.NewsMLG2},
		{"a.xml", `<?xml version="1.0"?><nitf/>`, formats.NITF},
		{"a.xml", `<?xml version="1.0"?><nitf><newsItem/></nitf>`, formats.NITF},
		{"a.txt", "\x01dpa0001 4 pl 0010\x02H =\x03", formats.AgencyWire},
		{"AP0123", "\x16\x16\x01a0123\x1fAP\r\nr a\x13\x11 BC-X  0001\r\n\x02^H<\r\n\x03", formats.AgencyWire},
		{"a.txt", "SOCHI, October 16. /TASS/. Text", formats.Text},
	}
	for _, c := range cases {
		if got := formats.Detect(c.file, []byte(c.data)); got != c.want {
			t.Errorf("Detect(%s, %.40q) = %s, want %s", c.file, c.data, got, c.want)
		}
	}
}

// TestImportItemsMessage: every story of a file comes back, each with the
// agency's identity.
func TestImportItemsMessage(t *testing.T) {
	data := "\x01dpa0001 4 pl 0010 Berlin/Wahl\x02Erste =\n  Text eins.\n\x03\x04" +
		"\x01dpa0002 2 pl 0010 Berlin/Wahl2\x02Zweite =\n  Text zwei.\n\x03\x04"
	items, err := formats.ImportItems("two.txt", []byte(data), editor.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[0].Article.Headline != "Erste" || items[1].Article.Headline != "Zweite" || items[1].Article.Urgency != 2 {
		t.Fatalf("items: %+v", items)
	}
	// Import takes one story: it refuses the file rather than drop the
	// second (ImportAll and ImportItems read them all).
	if _, _, err := formats.Import("two.txt", []byte(data), editor.ImportOptions{}); err == nil || !strings.Contains(err.Error(), "2 stories") {
		t.Errorf("Import of two stories: %v", err)
	}
	arts, _, err := formats.ImportAll("two.txt", []byte(data), editor.ImportOptions{})
	if err != nil || len(arts) != 2 || arts[1].Headline != "Zweite" {
		t.Errorf("ImportAll: %d stories, %v", len(arts), err)
	}
}
