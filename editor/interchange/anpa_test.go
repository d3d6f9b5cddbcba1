package interchange_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/interchange"
)

// TestWireANPA: AP's ANPA-1312 shape with Latin-1 bytes: priority u is
// urgency 3, the keyword the slug, the 1st Ld-Writethru the 2nd version,
// the dateline read and cut, ANPA's "_" a dash, the sign-off dropped.
func TestWireANPA(t *testing.T) {
	data := readTestdata(t, "anpa-ap-fed.txt")
	if !interchange.IsWire(data) {
		t.Fatal("SYN SYN SOH not detected as wire copy")
	}
	items, err := interchange.ParseWire("fed.txt", data, editor.ImportOptions{Now: importNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 {
		t.Fatalf("%d items", len(items))
	}
	it := items[0]
	a := it.Article
	if a.Urgency != 3 || a.Slug != "BC-Fed-Rates" || a.Section != "Domestic" || it.GUID != "wire:ap-wf:bc-fed-rates:10-16" || it.Version != 2 {
		t.Errorf("urgency %d slug %q section %q guid %q version %d", a.Urgency, a.Slug, a.Section, it.GUID, it.Version)
	}
	if a.Headline != "Fed holds rates steady, signals cuts later this year" {
		t.Errorf("headline %q", a.Headline)
	}
	wantBy := []editor.Byline{{Name: "Jane Doe", Role: editor.RoleWriter, Title: "AP Economics Writer"}}
	if !reflect.DeepEqual(a.Bylines, wantBy) {
		t.Errorf("bylines %+v", a.Bylines)
	}
	if a.Dateline.Place != "WASHINGTON" || a.Dateline.Source != "AP" {
		t.Errorf("dateline %+v", a.Dateline)
	}
	want := "The Federal Reserve left its key rate unchanged on Wednesday, a décision that surprised few in the markets.\n\n" +
		"The pound rose to £1.31 after the announcement.\n\n" +
		"Officials said more data was needed — and that the café owners in the survey agreed."
	if a.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", a.Body, want)
	}
	if a.EdNote != "Eds: UPDATES with market reaction." {
		t.Errorf("ednote %q", a.EdNote)
	}
	for _, w := range []string{"Latin-1", "cut the dateline", "(END)", "AP-WF-10-16-24 1345GMT"} {
		if !g2Warned(it.Warnings, w) {
			t.Errorf("no warning about %s: %v", w, it.Warnings)
		}
	}
}

// TestWireIPTC7901: dpa's IPTC 7901 shape: priority 4 is urgency 4, wi
// the business section, the keyword line the slug, "Washington (dpa) -"
// style datelines in mixed case.
func TestWireIPTC7901(t *testing.T) {
	items, err := interchange.ParseWire("ifo.txt", readTestdata(t, "iptc7901-dpa-ifo.txt"), editor.ImportOptions{Now: importNow})
	if err != nil {
		t.Fatal(err)
	}
	a := items[0].Article
	if a.Urgency != 4 || a.Section != "Business" || a.Slug != "Deutschland/Konjunktur" || a.Headline != "Ifo-Index steigt überraschend deutlich" {
		t.Errorf("urgency %d section %q slug %q headline %q", a.Urgency, a.Section, a.Slug, a.Headline)
	}
	if a.Dateline.Place != "München" || a.Dateline.Source != "dpa" {
		t.Errorf("dateline %+v", a.Dateline)
	}
	if items[0].GUID != "" {
		t.Errorf("a 7901 item has no identity across files, got %q", items[0].GUID)
	}
	want := "Die Stimmung in der deutschen Wirtschaft hat sich im Oktober überraschend deutlich aufgehellt. Der Ifo-Index stieg auf 86,5 Punkte.\n\n" +
		"\"Die Unternehmen sind zufriedener\", sagte Ifo-Präsident Clemens Fuest."
	if a.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", a.Body, want)
	}
}

// TestWireDatelines: the dateline shapes of wire copy.
func TestWireDatelines(t *testing.T) {
	cases := []struct{ para, place, region, source, rest string }{
		{"WASHINGTON (AP) — The Fed", "WASHINGTON", "", "AP", "The Fed"},
		{"Washington (dpa) - Der Präsident", "Washington", "", "dpa", "Der Präsident"},
		{"NEW YORK, N.Y. (AP) _ Stocks", "NEW YORK", "N.Y.", "AP", "Stocks"},
		{"SÃO PAULO, Brazil (Reuters) -- Coffee", "SÃO PAULO", "Brazil", "Reuters", "Coffee"},
		{"The chairman (AP) said", "", "", "", "The chairman (AP) said"},
	}
	for _, c := range cases {
		data := []byte("\x01dpa0001 4 pl 0010\x02Headline =\n  " + c.para + "\n\x03")
		items, err := interchange.ParseWire("d.txt", data, editor.ImportOptions{Now: importNow})
		if err != nil {
			t.Fatal(err)
		}
		a := items[0].Article
		if a.Dateline.Place != c.place || a.Dateline.Region != c.region || a.Dateline.Source != c.source || a.Body != c.rest {
			t.Errorf("%q: dateline %+v body %q", c.para, a.Dateline, a.Body)
		}
	}
}

// TestWireRefuses: what is not wire copy is refused naming the problem.
func TestWireRefuses(t *testing.T) {
	cases := map[string]string{
		"":                                   "empty",
		"\x01no text start":                  "no wire message",
		"\x01garbage heading\x02Text\x03":    "neither ANPA-1312 nor IPTC 7901",
		"\x01dpa0001 4 pl 0010\x02\x03":      "neither a headline nor body text",
		"\x01dpa0001 4 pl 0010\x02H\x00\x03": "binary",
		strings.Repeat("\x01dpa0001 4 pl 0010\x02H =\x03", 1001): "more than 1000 wire messages",
	}
	for in, want := range cases {
		_, err := interchange.ParseWire("w.txt", []byte(in), editor.ImportOptions{Now: importNow})
		var ie *editor.InputError
		if !errors.As(err, &ie) || !strings.Contains(ie.Problem, want) {
			t.Errorf("%.40q: %v; want an input error saying %q", in, err, want)
		}
	}
}

// TestWireANPAVersions: the write-through in the heading is the version;
// a heading without one is the first, whatever number follows.
func TestWireANPAVersions(t *testing.T) {
	cases := map[string]int{
		"r a\x13\x11 BC-X 1stLd-Writethru TB06 10-16 0412": 2,
		"r a\x13\x11 BC-X 7thWritethru TB06 10-16 0412":    8,
		"r a\x13\x11 BC-X  TB06 10-16 0412":                1,
		"r a\x13\x11 BC-X   10-16 0412":                    1,
	}
	for heading, want := range cases {
		data := "\x16\x16\x01a0123\x1fAP\r\n" + heading + "\r\n\x02^Headline<\r\n\tText.\r\n\x03"
		items, err := interchange.ParseWire("v.txt", []byte(data), editor.ImportOptions{Now: importNow})
		if err != nil {
			t.Fatal(err)
		}
		if items[0].Version != want || items[0].GUID != "wire:ap:bc-x:10-16" {
			t.Errorf("%q: version %d guid %q, want %d", heading, items[0].Version, items[0].GUID, want)
		}
	}
}
