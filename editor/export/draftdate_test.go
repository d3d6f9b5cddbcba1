package export_test

import (
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/export"
	"copydesk/editor/export/exporttest"
)

// Only a published story has a publication date. A draft exported today
// must not say it was published today, in the page or in its JSON-LD;
// beside the dateline it shows the story's own date.
func TestDraftHasNoPublicationDate(t *testing.T) {
	exportDay := time.Date(2026, 12, 4, 22, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name      string
		status    editor.Status
		wantPub   bool
		wantShown string // the date beside the dateline
	}{
		{"draft", editor.StatusDraft, false, `<time datetime="2019-10-16">16 October 2019</time>`},
		{"in edit", editor.StatusInEdit, false, `<time datetime="2019-10-16">16 October 2019</time>`},
		{"published", editor.StatusPublished, true, `<time datetime="2026-12-04T22:00:00Z">4 December 2026</time>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := exporttest.Fixture(t)
			a.Status = c.status
			out, err := export.HTML(a, export.Options{Now: exportDay})
			if err != nil {
				t.Fatal(err)
			}
			s := string(out)
			if got := strings.Contains(s, `"datePublished"`); got != c.wantPub {
				t.Errorf("datePublished present = %v, want %v", got, c.wantPub)
			}
			if !strings.Contains(s, c.wantShown) {
				i := strings.Index(s, `<p class="meta">`)
				t.Errorf("meta line lacks %s:\n%s", c.wantShown, s[i:i+200])
			}
			if !c.wantPub && strings.Contains(s, "2026") {
				t.Errorf("a %s shows the export date (2026)", c.name)
			}
		})
	}
}

// A draft's NITF carries no date.publication either.
func TestDraftNITFHasNoPublicationDate(t *testing.T) {
	a := exporttest.Fixture(t)
	a.Status = editor.StatusDraft
	out, err := export.NITF(a, export.Options{Now: time.Date(2026, 12, 4, 22, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "date.publication") {
		t.Error("a draft's NITF has date.publication")
	}
}
