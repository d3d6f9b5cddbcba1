package interchange_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/export"
	"copydesk/editor/export/exporttest"
	"copydesk/editor/interchange"
	"copydesk/editor/testfixture"
)

// parseG2One reads a G2 file that must hold one story.
func parseG2One(name string, data []byte, opt editor.ImportOptions) (*editor.Article, []editor.Warning, error) {
	items, err := interchange.ParseNewsMLG2(name, data, opt)
	if err != nil {
		return nil, nil, err
	}
	if len(items) != 1 {
		return nil, nil, errors.New("want one item")
	}
	return items[0].Article, items[0].Warnings, nil
}

var g2Format = format{"newsml", export.NewsMLG2, parseG2One, []string{"ID", "Status", "EdNote", "Created", "Modified"}}

// TestNewsMLG2RoundTrip: what the G2 export writes, the G2 import reads
// back field for field, in every dateline style, without a warning.
func TestNewsMLG2RoundTrip(t *testing.T) {
	articles := map[string]*editor.Article{
		"fixture": exporttest.Fixture(t),
		"hostile": exporttest.Hostile(),
	}
	corrected := exporttest.Fixture(t)
	corrected.Correction = "An earlier version misspelt\nthe name."
	corrected.Embargo = time.Date(2019, 10, 17, 6, 0, 0, 0, time.UTC)
	corrected.Bylines = append(corrected.Bylines, editor.Byline{Name: "Ivan Petrov", Role: editor.RoleTranslator, Title: "Staff"})
	corrected.Dateline.Region = "Russia"
	articles["corrected"] = corrected
	for name, a := range articles {
		for _, style := range editor.Styles {
			opt := exportOptions()
			opt.Style = style
			got, warns := roundTrip(t, g2Format, a, opt)
			for _, d := range diffCarried(g2Format, a, got) {
				t.Errorf("%s, style %s: %s", name, style, d)
			}
			if got.EdNote != "" || got.Status != editor.StatusDraft || got.ID == a.ID {
				t.Errorf("%s: an import is a new draft without the ednote: %q %s", name, got.EdNote, got.Status)
			}
			if len(warns) > 0 {
				t.Errorf("%s, style %s: an export read back gave warnings: %v", name, style, warns)
			}
		}
	}
}

func g2Warned(warns []editor.Warning, part string) bool {
	for _, w := range warns {
		if strings.Contains(w.Message, part) {
			return true
		}
	}
	return false
}

// TestNewsMLG2AgencyItem: an AP-shaped item with every field the desk
// maps.
func TestNewsMLG2AgencyItem(t *testing.T) {
	items, err := interchange.ParseNewsMLG2("fed.xml", readTestdata(t, "g2-newsitem-ap.xml"), editor.ImportOptions{Now: importNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 {
		t.Fatalf("%d items, want 1", len(items))
	}
	it := items[0]
	a := it.Article
	if it.GUID != "urn:newsml:example.com:20241016:fed-rates" || it.Version != 3 {
		t.Errorf("guid %q version %d", it.GUID, it.Version)
	}
	want := map[string][2]string{
		"headline":   {a.Headline, "Fed holds rates steady, signals cuts later this year"},
		"standfirst": {a.Standfirst, "The Federal Reserve left its key rate unchanged and pointed to cuts later in the year."},
		"slug":       {a.Slug, "Fed-Rates"},
		"language":   {a.Language, "en-US"},
		"place":      {a.Dateline.Place, "Washington"},
		"region":     {a.Dateline.Region, "United States"},
		"source":     {a.Dateline.Source, "The Associated Press"},
		"date":       {a.Dateline.Date, "2024-10-16"},
		"embargo":    {a.Embargo.Format(time.RFC3339), "2024-10-17T16:00:00Z"},
		"ednote":     {a.EdNote, "Rights: Copyright 2024 The Associated Press. All rights reserved.\nUsage terms: Not for use outside the United States\nEds: Moves on general news and financial services."},
	}
	for field, v := range want {
		if v[0] != v[1] {
			t.Errorf("%s = %q, want %q", field, v[0], v[1])
		}
	}
	if a.Urgency != 2 {
		t.Errorf("urgency %d, want 2", a.Urgency)
	}
	wantBy := []editor.Byline{{Name: "Jane Doe", Role: editor.RoleWriter, Title: "AP Economics Writer"}, {Name: "Pablo Martinez", Role: editor.RolePhotographer}}
	if !reflect.DeepEqual(a.Bylines, wantBy) {
		t.Errorf("bylines %+v, want %+v", a.Bylines, wantBy)
	}
	wantTags := editor.NormalizeTags([]string{"economy, business and finance", "interest rates", "Federal Reserve"})
	if !reflect.DeepEqual(a.Tags, wantTags) {
		t.Errorf("tags %q, want %q", a.Tags, wantTags)
	}
	if !strings.HasPrefix(a.Body, "The Federal Reserve kept") || !strings.Contains(a.Body, "## Markets react") ||
		!strings.Contains(a.Body, "[Dow](https://example.com/dow)") || !strings.Contains(a.Body, `> "We are patient,"`) {
		t.Errorf("body:\n%s", a.Body)
	}
	for _, w := range []string{"cut the dateline \"WASHINGTON (AP) —\"", "remoteContent", "copyright notice", "hdrol:short", "medtop:20000523", "genre"} {
		if !g2Warned(it.Warnings, w) {
			t.Errorf("no warning about %s: %v", w, it.Warnings)
		}
	}
}

// TestNewsMLG2Message: every text item of a news message is a story; a
// picture is reported, not imported.
func TestNewsMLG2Message(t *testing.T) {
	items, err := interchange.ParseNewsMLG2("msg.xml", readTestdata(t, "g2-newsmessage.xml"), editor.ImportOptions{Now: importNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 {
		t.Fatalf("%d items, want the 2 text items", len(items))
	}
	uk, de := items[0].Article, items[1].Article
	if uk.Headline != "UK inflation falls to 1.7%" || uk.Urgency != 4 || uk.Slug != "BRITAIN-ECONOMY" || uk.Dateline.Date != "2024-10-16" || uk.Dateline.Place != "LONDON" || uk.Dateline.Source != "Reuters" {
		t.Errorf("first item: %+v", uk)
	}
	if uk.Body != "British inflation fell to 1.7% in September.\n\nEconomists had expected 1.9%." {
		t.Errorf("first body %q", uk.Body)
	}
	if de.Language != "de" || de.Body != "Die Inflation sank im September auf 1,7 Prozent.\n\nÖkonomen hatten 1,9 Prozent erwartet." || items[1].Version != 2 {
		t.Errorf("second item: %q %q v%d", de.Language, de.Body, items[1].Version)
	}
	if uk.ID == de.ID {
		t.Error("two stories share an ID")
	}
	if !g2Warned(items[0].Warnings, "ninat:picture") {
		t.Errorf("the picture was skipped silently: %v", items[0].Warnings)
	}
}

// TestNewsMLG2InlineNITF: an inline NITF body, its head filling what the
// G2 metadata leaves empty.
func TestNewsMLG2InlineNITF(t *testing.T) {
	a, _, err := parseG2One("oslo.xml", readTestdata(t, "g2-inline-nitf.xml"), editor.ImportOptions{Now: importNow})
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != "Budsjettet er lagt fram" || a.Slug != "OSLO-BUDSJETT" || a.Language != "nb" || a.Standfirst != "Regjeringen la fram statsbudsjettet." {
		t.Errorf("fields: %q %q %q %q", a.Headline, a.Slug, a.Language, a.Standfirst)
	}
	if len(a.Bylines) != 1 || a.Bylines[0].Name != "Kari Nordmann" {
		t.Errorf("bylines %+v", a.Bylines)
	}
	if a.Body != "Finansministeren la fram budsjettet onsdag.\n\n## Skatt\n\nSkattene holdes uendret." {
		t.Errorf("body %q", a.Body)
	}
}

// TestNewsMLG2IPTCExample: the IPTC's own first example (a headline, an
// empty NITF body) imports, its rights in the ednote.
func TestNewsMLG2IPTCExample(t *testing.T) {
	data := testfixture.Read(t, "standards/newsml-g2-2.35/examples/LISTING_1_A_NewsML-G2_News_Item.xml")
	a, _, err := parseG2One("listing1.xml", data, editor.ImportOptions{Now: importNow})
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != `Fed to halt QE to avert "bubble"` || a.Slug != "US-Finance-Fed" || a.Language != "en-GB" || a.Dateline.Place != "Berlin" || a.Dateline.Region != "Germany" {
		t.Errorf("fields: %q %q %q %+v", a.Headline, a.Slug, a.Language, a.Dateline)
	}
	if !a.Embargo.Equal(time.Date(2018, 10, 23, 12, 0, 0, 0, time.UTC)) || len(a.Bylines) != 1 || a.Bylines[0].Name != "Meredith Jameson" {
		t.Errorf("embargo %v bylines %+v", a.Embargo, a.Bylines)
	}
	if !strings.Contains(a.EdNote, "Copyright 2017-18 Example Enews LLP") || !strings.Contains(a.EdNote, "STRICTLY EMBARGOED") {
		t.Errorf("ednote %q", a.EdNote)
	}
}

// TestNewsMLG2Refuses: files that are not G2 text items are refused
// naming the problem.
func TestNewsMLG2Refuses(t *testing.T) {
	cases := map[string]string{
		`<nitf><head/></nitf>`: "not <newsItem> or <newsMessage>",
		`<newsItem xmlns="http://iptc.org/std/NITF/2006-10-18/"/>`:                                                                                                "not in the NewsML-G2 namespace",
		`<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>`:                                                                                              "not <newsItem> or <newsMessage>",
		`<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>`:                                "no text item",
		`<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet/></newsMessage>`:                                                                       "no text item",
		`<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta><headline>H</headline></contentMeta>` + strings.Repeat("<x/>", 60000) + `</newsItem>`: "more than 50000 elements",
	}
	for in, want := range cases {
		_, err := interchange.ParseNewsMLG2("f.xml", []byte(in), editor.ImportOptions{Now: importNow})
		var ie *editor.InputError
		if !errors.As(err, &ie) || !strings.Contains(ie.Problem, want) || ie.File != "f.xml" {
			t.Errorf("%.60s: %v; want an input error saying %q", in, err, want)
		}
	}
}
