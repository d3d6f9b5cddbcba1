package interchange_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/interchange"
	"copydesk/editor/testfixture"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// warned reports whether some warning holds every one of the parts.
func warned(warns []editor.Warning, parts ...string) bool {
	for _, w := range warns {
		ok := true
		for _, p := range parts {
			if !strings.Contains(w.String(), p) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func TestAgencyNITF33(t *testing.T) {
	a, warns, err := interchange.ParseNITF("storm.xml", readTestdata(t, "agency-nitf33.xml"), editor.ImportOptions{Now: importNow, Year: 2019})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ field, got, want string }{
		{"headline", a.Headline, "Storm batters coast, thousands\u00a0without power"},
		{"standfirst", a.Standfirst, "A storm knocked out power to thousands."},
		{"section", a.Section, "National"},
		{"slug", a.Slug, "Storm-Coast"},
		{"language", a.Language, "en-US"},
		{"place", a.Dateline.Place, "WILMINGTON"},
		{"region", a.Dateline.Region, "N.C."},
		{"date", a.Dateline.Date, "2019-10-16"},
		{"source", a.Dateline.Source, "AP"},
		{"caption", a.Photo.Caption, "Waves crash over a pier in Wilmington."},
		{"credit", a.Photo.Credit, "AP Photo/Ann Lee"},
		{"copyright", a.Photo.Copyright, "© 2019 AP"},
		{"ednote", a.EdNote, "Eds: Updates with death toll."},
		{"tags", strings.Join(a.Tags, "|"), "weather|storms"},
		{"embargo", a.Embargo.Format(time.RFC3339), "2019-10-16T16:00:00Z"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if a.Urgency != 2 {
		t.Errorf("urgency = %d, want 2", a.Urgency)
	}
	wantBylines := []editor.Byline{
		{Name: "JANE DOE", Role: editor.RoleWriter},
		{Name: "JOHN ROE", Role: editor.RoleWriter, Title: "Associated Press"},
		{Name: "ANN LEE", Role: editor.RolePhotographer},
	}
	if len(a.Bylines) != len(wantBylines) {
		t.Fatalf("bylines = %+v, want %+v", a.Bylines, wantBylines)
	}
	for i, b := range wantBylines {
		if a.Bylines[i] != b {
			t.Errorf("byline %d = %+v, want %+v", i, a.Bylines[i], b)
		}
	}
	wantBody := strings.Join([]string{
		"The storm came ashore early Wednesday, said Roy Cooper of the National Weather Service, and *flooded* streets — “we have never seen this,” he said.",
		"## Power out",
		"More than 200,000 homes lost power. See [the map](https://example.com/outages).",
		"> It was like a freight train.",
		"> — Resident Mary Poe",
		"• Schools closed",
		"• Roads flooded",
		"County | Outages",
		"New Hanover | 80,000",
		"alert(1)",
		"Staff writer Sam Poe contributed.",
	}, "\n\n")
	if a.Body != wantBody {
		t.Errorf("body =\n%s\nwant\n%s", a.Body, wantBody)
	}
	for _, w := range [][]string{
		{"line 1:", "ISO-8859-1", "UTF-8"},
		{"line 6:", "<meta", "ap-transref"},
		{"line 7:", "<tobject>"},
		{"line 21:", "doc.copyright"},
		{"line 29:", "subheadline", "Three dead"},
		{"line 34:", "Oct. 16", "2019 assumed"},
		{"photo's file", "storm.jpg"},
		{"second picture", "A second picture."},
		{"credit", "Resident Mary Poe"},
		{"list items"},
		{"table"},
		{"<script>", "kept as a paragraph"},
		{"tagline", "last paragraph"},
		{"the headline had emphasis"},
	} {
		if !warned(warns, w...) {
			t.Errorf("no warning with %q in:\n%v", w, warns)
		}
	}
}

func TestAgencyNITFWithPrefix(t *testing.T) {
	a, warns, err := interchange.ParseNITF("tass.xml", readTestdata(t, "agency-nitf36-prefixed.xml"), editor.ImportOptions{Now: importNow, Year: 2019})
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != "Глава ФСБ: боевики ИГ перегруппировываются" || a.Language != "ru" {
		t.Errorf("headline %q language %q", a.Headline, a.Language)
	}
	want := editor.Dateline{Place: "SOCHI", Date: "2019-10-16", DateAssumed: true, Source: "TASS"}
	if a.Dateline != want {
		t.Errorf("dateline = %+v, want %+v (read from text with the desk's dateline parser)", a.Dateline, want)
	}
	if a.Body != "Первый абзац с **жирным** текстом." {
		t.Errorf("body = %q", a.Body)
	}
	if a.EdNote != "Не для публикации." {
		t.Errorf("ednote = %q", a.EdNote)
	}
	if len(a.Tags) != 1 || a.Tags[0] != "ФСБ" {
		t.Errorf("tags = %q", a.Tags)
	}
	for _, w := range [][]string{{"<priority>", "urn:example:extra"}, {"<widget>"}, {"no year", "2019"}} {
		if !warned(warns, w...) {
			t.Errorf("no warning with %q in %v", w, warns)
		}
	}
}

func TestAgencyNinjs1(t *testing.T) {
	a, warns, err := interchange.ParseNinjs("storm.json", readTestdata(t, "agency-ninjs1.json"), editor.ImportOptions{Now: importNow, Year: 2019})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ field, got, want string }{
		{"headline", a.Headline, "Storm batters coast"},
		{"standfirst", a.Standfirst, "A storm knocked out power to thousands."},
		{"slug", a.Slug, "Storm-Coast"},
		{"place", a.Dateline.Place, "WILMINGTON"},
		{"region", a.Dateline.Region, "N.C."},
		{"source", a.Dateline.Source, "AP"},
		{"caption", a.Photo.Caption, "Waves crash over a pier."},
		{"credit", a.Photo.Credit, "AP Photo/Ann Lee"},
		{"copyright", a.Photo.Copyright, "© 2019 AP"},
		{"ednote", a.EdNote, "Eds: Updates with death toll."},
		{"tags", strings.Join(a.Tags, "|"), "weather|storms"},
		{"embargo", a.Embargo.Format(time.RFC3339), "2019-10-16T12:00:00Z"},
		{"body", a.Body, "The storm came ashore **early** Wednesday.\n\n## Power out\n\nMore than 200,000\u00a0homes lost power."},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if len(a.Bylines) != 1 || a.Bylines[0] != (editor.Byline{Name: "JANE DOE", Role: editor.RoleWriter, Title: "Associated Press"}) {
		t.Errorf("bylines = %+v", a.Bylines)
	}
	if a.Urgency != 2 {
		t.Errorf("urgency = %d", a.Urgency)
	}
	for _, w := range [][]string{
		{"line 6:", "no time zone"},
		{"line 7:", "withheld"},
		{"<script>"},
		{"image", "chart.png"},
		{"figure", "Outage map"},
		{"associated text item", "related"},
		{"photo's headline", "Pier"},
		{"places"},
		{"read the dateline", "WILMINGTON, N.C. (AP) —"},
	} {
		if !warned(warns, w...) {
			t.Errorf("no warning with %q in:\n%v", w, warns)
		}
	}
}

// The IPTC's own ninjs 2.2 example, as the standard shows it.
func TestIPTCNinjs22Example(t *testing.T) {
	data := testfixture.Read(t, "standards/ninjs/example-2.2-complex-text-article.json")
	a, warns, err := interchange.ParseNinjs("example.json", data, editor.ImportOptions{Now: importNow, Year: 2013})
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != "Captain of wrecked cruise ship on trial in Italy" {
		t.Errorf("headline = %q", a.Headline)
	}
	if len(a.Bylines) != 1 || a.Bylines[0].Name != "Paulo Santalucia and Frances d'Emilio" {
		t.Errorf("bylines = %+v (names joined by \"and\" stay one byline: splitting would guess)", a.Bylines)
	}
	// located says Grossetto, the dateline GROSSETO: the metadata wins and
	// the disagreement is reported.
	if a.Dateline.Place != "Grossetto" || a.Dateline.Region != "Italy" || a.Dateline.Source != "AP" {
		t.Errorf("dateline = %+v", a.Dateline)
	}
	blocks := editor.ParseBody(a.Body)
	if len(blocks) != 4 || !strings.HasPrefix(blocks[0].Text, "The trial of the captain") {
		t.Errorf("body: %d blocks, first %q", len(blocks), blocks[0].Text)
	}
	for _, w := range [][]string{{"line 6:", "copyright notice"}, {"people"}, {"places"}, {"organisations"}, {"GROSSETO", "Grossetto"}} {
		if !warned(warns, w...) {
			t.Errorf("no warning with %q in:\n%v", w, warns)
		}
	}
}
