package export_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/export"
	"copydesk/editor/export/exporttest"
	"copydesk/editor/markdown"
	"copydesk/editor/wire"
)

// correctionNote is a public correction with characters every format
// must escape.
const correctionNote = `An earlier version said 76 countries; the FSB's figure is 79 & the "autonomous jihad" quote was <Bortnikov's>.`

// corrected is the fixture as a published story that has been corrected,
// with an embargo in Moscow time (its zone must survive).
func corrected(t testing.TB) *editor.Article {
	a := exporttest.Fixture(t)
	a.Status = editor.StatusPublished
	a.Correction = correctionNote
	a.Embargo = time.Date(2019, 10, 16, 12, 0, 0, 0, time.FixedZone("MSK", 3*3600))
	return a
}

// TestCorrectionAndEmbargoInEveryFormat: the correction note and the
// embargo reach each export in the place its format has for them.
func TestCorrectionAndEmbargoInEveryFormat(t *testing.T) {
	a := corrected(t)
	html, err := export.HTML(a, goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	nitf, err := export.NITF(a, goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	ninjs, err := export.Ninjs(a, goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	text := string(wire.Format(a, editor.StyleTASS))
	md := string(markdown.Format(a))

	escapedHTML := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(correctionNote)
	tests := []struct {
		format, out string
		want        []string
	}{
		{"html", string(html), []string{
			`<p class="embargo">Embargoed: not for publication before `,
			"<aside class=\"correction\">\n<h2>Correction</h2>\n",
		}},
		{"nitf", string(nitf), []string{
			`<date.release norm="20191016T090000Z"/>`,
			`<correction info="`,
			`<tagline class="correction">`,
		}},
		{"text", text, []string{"EMBARGOED UNTIL 2019-10-16T09:00:00Z\n", "\n\nCORRECTION: " + correctionNote + "\n"}},
		{"md", md, []string{`embargo: "2019-10-16T12:00:00+03:00"`, "correction: "}},
	}
	for _, tc := range tests {
		for _, w := range tc.want {
			if !strings.Contains(tc.out, w) {
				t.Errorf("%s lacks %q", tc.format, w)
			}
		}
	}
	// The note itself, escaped as each format escapes it.
	if !strings.Contains(string(html), "<p dir=\"auto\">"+escapedHTML+"</p>\n</aside>") {
		t.Errorf("html lacks the note (escaped):\n%s", html)
	}
	var item struct {
		Embargoed    string `json:"embargoed"`
		Descriptions []struct {
			Role  string `json:"role"`
			Value string `json:"value"`
		} `json:"descriptions"`
	}
	if err := json.Unmarshal(ninjs, &item); err != nil {
		t.Fatal(err)
	}
	if e, err := time.Parse(time.RFC3339, item.Embargoed); err != nil || !e.Equal(a.Embargo) {
		t.Errorf("ninjs embargoed %q is not the embargo %v", item.Embargoed, a.Embargo)
	}
	found := false
	for _, d := range item.Descriptions {
		found = found || d.Role == "correction" && d.Value == correctionNote
	}
	if !found {
		t.Errorf("ninjs has no correction description: %s", ninjs)
	}
	// The HTML box comes after the body's last paragraph.
	if i, j := strings.Index(string(html), "Criminal cases have been opened"), strings.Index(string(html), `<aside class="correction">`); i < 0 || j < i {
		t.Errorf("the correction box is not after the body (body at %d, box at %d)", i, j)
	}
}
