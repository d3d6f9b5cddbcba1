package transfer

import (
	"context"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/formats"
)

func TestEmbargoedFindsWhatMustWait(t *testing.T) {
	s, ids := deskWith(t, "FREE", "HELD", "PAST")
	ctx := context.Background()
	now := time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC)
	for i, at := range []time.Time{{}, now.Add(time.Hour), now.Add(-time.Hour)} {
		d, _ := s.Draft(ctx, ids[i])
		a := d.Article.Clone()
		a.Embargo = at
		if _, err := s.SaveDraft(ctx, a, d.Version); err != nil {
			t.Fatal(err)
		}
	}
	held, err := Embargoed(ctx, StoreLoader(s, editor.StyleTASS), ids, now)
	if err != nil || len(held) != 1 || held[0].ID != ids[1] || held[0].Slug != "held" {
		t.Fatalf("held = %+v, %v; want only HELD", held, err)
	}
	if got := without(ids, held); len(got) != 2 || got[0] != ids[0] || got[1] != ids[2] {
		t.Errorf("without = %v", got)
	}
	if err := recordForced(s, held, formats.NITF, "Chief sub"); err != nil {
		t.Fatal(err)
	}
	revs, _ := s.Revisions(ctx, ids[1])
	last := revs[len(revs)-1]
	if last.Label != "forced export" || last.Author != "Chief sub" || !strings.Contains(last.Note, "nitf") {
		t.Errorf("the forced export is not on record: %+v", last)
	}
}
