package export_test

import (
	"encoding/json"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/export"
	"copydesk/editor/formats"
	"copydesk/editor/markdown"
	"copydesk/editor/wire"
)

// noticeNote is a notice with characters every format must escape.
const noticeNote = `Legal: the "source" <named> in para 3 & 4 was wrong. Delete from all files.`

// noticed is the corrected story under a notice of kind, as
// Article.Kill and Article.Withhold make it.
func noticed(t testing.TB, kind editor.NoticeKind) *editor.Article {
	a := corrected(t)
	var err error
	if kind == editor.NoticeKill {
		err = a.Kill(noticeNote, true)
	} else {
		err = a.Withhold(noticeNote, true)
	}
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestNoticeInEveryFormat: a kill or withhold notice reaches each export
// in the place its format has for it, with the IPTC status that goes
// with it; the desk's own formats read it back.
func TestNoticeInEveryFormat(t *testing.T) {
	xmlNote := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(noticeNote)
	attrNote := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(noticeNote)
	tests := []struct {
		kind         editor.NoticeKind
		lead, status string
	}{
		{editor.NoticeKill, "KILL", "canceled"},
		{editor.NoticeWithhold, "WITHHELD", "withheld"},
	}
	for _, tc := range tests {
		t.Run(string(tc.kind), func(t *testing.T) {
			a := noticed(t, tc.kind)
			want := map[formats.Format][]string{
				formats.NITF: {`management-status="` + tc.status + `"`,
					`<ed-msg msg-type="` + string(tc.kind) + `" info="` + tc.lead + ": " + attrNote + `"/>`,
					`<note noteclass="editorsnote" type="npa"><body.content><p>` + tc.lead + ": " + xmlNote + "</p></body.content></note>"},
				formats.NewsMLG2: {`<pubStatus qcode="stat:` + tc.status + `"/>`, "<edNote>" + tc.lead + ": " + xmlNote + "</edNote>"},
				formats.HTML:     {`<aside class="notice ` + string(tc.kind) + `">`, `<p dir="auto">` + xmlNote + "</p>"},
				formats.Text:     {tc.lead + ": " + noticeNote + "\n\n"},
				formats.Markdown: {string(tc.kind) + ": "},
			}
			for f, wants := range want {
				out, err := formats.Export(a, f, formats.ExportOptions{Now: goldenOptions().Now})
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range wants {
					if !strings.Contains(string(out), w) {
						t.Errorf("%s lacks %q:\n%s", f, w, out)
					}
				}
			}
			for _, f := range []func(*editor.Article, export.Options) ([]byte, error){export.Ninjs, export.Ninjs23} {
				out, err := f(a, goldenOptions())
				if err != nil {
					t.Fatal(err)
				}
				var item struct{ PubStatus, EdNote string }
				if err := json.Unmarshal(out, &item); err != nil || item.PubStatus != tc.status || item.EdNote != tc.lead+": "+noticeNote {
					t.Errorf("ninjs pubstatus %q ednote %q (%v)", item.PubStatus, item.EdNote, err)
				}
			}
			// The desk's own formats read the notice back.
			back, _, err := markdown.Parse("x.md", markdown.Export(a), editor.ImportOptions{})
			if err != nil || back.Notice != a.Notice {
				t.Errorf("Markdown read back %+v, %v", back.Notice, err)
			}
			back, _, err = wire.Parse("x.txt", wire.Format(a, editor.StyleTASS), editor.ImportOptions{Year: 2019})
			if err != nil || back.Notice != a.Notice || back.Headline != a.Headline {
				t.Errorf("wire copy read back %+v %q, %v", back.Notice, back.Headline, err)
			}
		})
	}
}
