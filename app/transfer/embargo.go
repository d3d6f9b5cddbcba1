package transfer

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"copydesk/app/i18n"
	"copydesk/editor/check"
	"copydesk/editor/formats"
	"copydesk/storage"
	"copydesk/storage/record"
)

// Held is a story an export must not release yet.
type Held struct {
	ID      string
	Slug    string
	Embargo *check.EmbargoError
}

// Embargoed returns the stories among ids still under embargo at now.
func Embargoed(ctx context.Context, load formats.Loader, ids []string, now time.Time) ([]Held, error) {
	var held []Held
	for _, id := range ids {
		a, _, err := load(ctx, id)
		if err != nil {
			return nil, err
		}
		var e *check.EmbargoError
		if errors.As(check.EmbargoBlocks(a, now), &e) {
			held = append(held, Held{ID: id, Slug: formats.BaseName(a), Embargo: e})
		}
	}
	return held, nil
}

// ExportHolding is File › Export… with the embargo rule: stories still
// under embargo are named and held back, unless the editor chooses to
// export them anyway — then each forced export is recorded in the story's
// history as a revision whose note says who, when and in which format.
func ExportHolding(win fyne.Window, s storage.Store, ids []string, load formats.Loader, last formats.Format, remember func(formats.Format), author string) {
	held, err := Embargoed(context.Background(), load, ids, time.Now())
	if err != nil {
		showError(err, win)
		return
	}
	if len(held) == 0 {
		Export(win, ids, load, last, remember)
		return
	}
	lines := make([]string, len(held))
	for i, h := range held {
		lines[i] = h.Slug + ": " + h.Embargo.Error()
	}
	msg := i18n.Tf("%d of the %d stories are under embargo:\n\n%s\n\nExport them anyway (each forced export is recorded in its history), or hold them back?",
		len(held), len(ids), strings.Join(lines, "\n"))
	d := dialog.NewConfirm(i18n.T("Embargoed stories"), msg, func(force bool) {
		if !force {
			ids = without(ids, held)
			if len(ids) == 0 {
				return
			}
			Export(win, ids, load, last, remember)
			return
		}
		// The format is chosen in the next step: the record names it.
		Export(win, ids, load, last, func(f formats.Format) {
			if remember != nil {
				remember(f)
			}
			if err := recordForced(s, held, f, author); err != nil {
				showError(err, win)
			}
		})
	}, win)
	d.SetConfirmText(i18n.T("Export anyway"))
	d.SetDismissText(i18n.T("Hold them back"))
	d.Show()
}

func without(ids []string, held []Held) []string {
	out := ids[:0:0]
	for _, id := range ids {
		keep := true
		for _, h := range held {
			if h.ID == id {
				keep = false
			}
		}
		if keep {
			out = append(out, id)
		}
	}
	return out
}

// recordForced files a revision per forced story, noting the export.
func recordForced(s storage.Store, held []Held, f formats.Format, author string) error {
	ctx := context.Background()
	now := time.Now()
	for _, h := range held {
		if err := record.ForcedExport(ctx, s, h.ID, string(f), author, now); err != nil {
			return i18n.Errorf("recording the forced export of %s: %w", h.Slug, err)
		}
	}
	return nil
}
