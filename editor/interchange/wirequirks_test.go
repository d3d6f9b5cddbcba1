package interchange_test

import (
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/interchange"
)

// nitfDoc wraps head and body.head/body.content parts in an NITF document.
func nitfDoc(head, bodyHead, content string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?><nitf><head>` + head + `</head><body><body.head>` +
		`<hedline><hl1>Markets rally</hl1></hedline>` + bodyHead + `</body.head><body.content>` + content +
		`</body.content></body></nitf>`)
}

type parser func(string, []byte, editor.ImportOptions) (*editor.Article, []editor.Warning, error)

// TestAgencyQuirks: what agency files carry that the readers dropped,
// doubled or misread — the dateline repeated at the head of the copy (AP,
// CP, EFE), a dateline that is only a place, an abstract without <p>,
// keywords as text, superscripts and subscripts, a <title> apart from
// the headline, "Name, Agency" bylines, ninjs 1.x featuremedia.
func TestAgencyQuirks(t *testing.T) {
	tests := []struct {
		name  string
		parse parser
		data  []byte
		check func(a *editor.Article) string // "" when right
		warn  []string
	}{
		{"nitf dateline twice", interchange.ParseNITF,
			nitfDoc("", `<dateline><location><city>New York</city></location></dateline><distributor>AP</distributor>`, `<p>NEW YORK (AP) — Stocks rose.</p>`),
			func(a *editor.Article) string { return want(a.Body, "Stocks rose.") },
			[]string{"cut the dateline", "NEW YORK (AP) —"}},
		{"efe dateline twice", interchange.ParseNITF,
			nitfDoc("", `<dateline>MADRID</dateline>`, `<p>MADRID, 16 Oct (EFE) - La bolsa subió.</p>`),
			func(a *editor.Article) string { return want(a.Body+"|"+a.Dateline.Place, "La bolsa subió.|MADRID") },
			[]string{"dateline", "MADRID, 16 Oct (EFE) -"}},
		{"dateline is a place", interchange.ParseNITF,
			nitfDoc("", `<dateline>Oslo</dateline>`, `<p>Copy.</p>`),
			func(a *editor.Article) string { return want(a.Dateline.Place+"|"+a.EdNote, "Oslo|") }, nil},
		{"abstract without p", interchange.ParseNITF,
			nitfDoc("", `<abstract>Shares rose in early trade.</abstract>`, `<p>Copy.</p>`),
			func(a *editor.Article) string { return want(a.Standfirst, "Shares rose in early trade.") }, nil},
		{"keyword as text", interchange.ParseNITF,
			nitfDoc(`<docdata><key-list><keyword>markets</keyword><keyword key="oil"/></key-list></docdata>`, "", `<p>Copy.</p>`),
			func(a *editor.Article) string { return want(strings.Join(a.Tags, ","), "markets,oil") }, nil},
		{"superscript and subscript", interchange.ParseNITF,
			nitfDoc("", "", `<p>About 10<sup>6</sup> tonnes of CO<sub>2</sub>, the 1<sup>st</sup> in x<sup>Ω</sup>.</p>`),
			func(a *editor.Article) string {
				return want(a.Body, "About 10⁶ tonnes of CO₂, the 1ˢᵗ in x^(Ω).")
			},
			[]string{"<sup>", "^(Ω)"}},
		{"html superscript", interchange.ParseNinjs,
			[]byte(`{"headline": "H", "body_html": "<p>10<sup>6</sup> m<sup>2</sup> of H<sub>2</sub>O</p>"}`),
			func(a *editor.Article) string { return want(a.Body, "10⁶ m² of H₂O") }, nil},
		{"title differs", interchange.ParseNITF,
			nitfDoc(`<title>AP-US-Markets</title>`, "", `<p>Copy.</p>`),
			func(a *editor.Article) string { return want(a.Headline, "Markets rally") },
			[]string{"<title>", "AP-US-Markets", "differs"}},
		{"nitf byline with title", interchange.ParseNITF,
			nitfDoc("", `<byline>By Jane Smith, Press Association</byline>`, `<p>Copy.</p>`),
			func(a *editor.Article) string {
				return want(a.Bylines[0].Name+"|"+a.Bylines[0].Title, "Jane Smith|Press Association")
			}, nil},
		{"ninjs byline with title", interchange.ParseNinjs,
			[]byte(`{"headline": "H", "body_text": "Copy.", "byline": "By Jane Smith, Press Association"}`),
			func(a *editor.Article) string {
				return want(a.Bylines[0].Name+"|"+a.Bylines[0].Title, "Jane Smith|Press Association")
			}, nil},
		{"featuremedia", interchange.ParseNinjs,
			[]byte(`{"headline": "H", "body_text": "Copy.", "associations": {"aaa": {"type": "picture", "description_text": "Other"}, "featuremedia": {"description_text": "The pier", "byline": "John Doe"}}}`),
			func(a *editor.Article) string { return want(a.Photo.Caption+"|"+a.Photo.Credit, "The pier|John Doe") }, nil},
		{"language told from the text", interchange.ParseNinjs,
			[]byte(`{"headline": "مدير الأمن يحذر من خطر الإرهاب", "body_text": "قال مدير جهاز الأمن الفيدرالي إن التهديد لا يزال قائما."}`),
			func(a *editor.Article) string { return want(a.Language, "ar") },
			[]string{"no language", "ar"}},
		{"zone-less release", interchange.ParseNITF,
			nitfDoc(`<docdata><date.release norm="20191016T120000"/></docdata>`, "", `<p>Copy.</p>`),
			func(a *editor.Article) string { return "" },
			[]string{"no time zone"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, warns, err := tc.parse("f", tc.data, editor.ImportOptions{Now: importNow, Year: 2019})
			if err != nil {
				t.Fatal(err)
			}
			if msg := tc.check(a); msg != "" {
				t.Error(msg)
			}
			if len(tc.warn) > 0 && !warned(warns, tc.warn...) {
				t.Errorf("no warning with %q in:\n%v", tc.warn, warns)
			}
		})
	}
}

func want(got, w string) string {
	if got != w {
		return "got " + strconvQuote(got) + ", want " + strconvQuote(w)
	}
	return ""
}

func strconvQuote(s string) string { return "\"" + s + "\"" }
