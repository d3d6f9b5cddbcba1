package checks

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/outputs"
)

// profileCounts is one output profile's counts for the story on show.
type profileCounts struct {
	name   string
	format string
	counts []editor.LimitCount
}

// loadProfiles reads the desk's output profiles (the built-ins when it
// keeps none, or when its file cannot be used, which the note says). It
// does store I/O: not on the UI goroutine.
func (p *Panel) loadProfiles() ([]outputs.Profile, string) {
	if p.opt.Store == nil {
		return outputs.Builtins(), ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ps, err := outputs.LoadDesk(ctx, p.opt.Store)
	if err != nil {
		return outputs.Builtins(), i18n.T("The desk's output profiles could not be used, so the built-in ones are: ") + err.Error()
	}
	return ps, ""
}

// measureOutputs counts the article against every profile, off the UI
// goroutine.
func measureOutputs(ps []outputs.Profile, a *editor.Article) []profileCounts {
	out := make([]profileCounts, len(ps))
	for i := range ps {
		out[i] = profileCounts{name: ps[i].Name, format: string(ps[i].Format), counts: ps[i].Counts(a)}
	}
	return out
}

// showOutputs puts a compact row per profile under the section's limits:
// green when the story fits, orange near a limit, red over one, naming
// the overruns. UI goroutine only.
func (p *Panel) showOutputs(pcs []profileCounts) {
	p.outputs.RemoveAll()
	for _, pc := range pcs {
		p.outputs.Add(outputRow(pc))
	}
	p.outputs.Refresh()
}

// outputRow is "alert: headline 87/55 — over" naming every overrun, or,
// for a story that fits, its tightest count: "story: headline 72/90".
// One short line keeps the panel narrow.
func outputRow(pc profileCounts) *widget.Label {
	parts := make([]string, 0, len(pc.counts))
	shown := editor.OverLimits(pc.counts)
	if len(shown) == 0 {
		shown = tightest(pc.counts)
	}
	for _, c := range shown {
		part := i18n.T(c.Field) + " " + c.String()
		if c.Unit != "chars" {
			part += " " + i18n.T(c.Unit)
		}
		parts = append(parts, part)
	}
	text := pc.name + ": " + strings.Join(parts, ", ")
	if len(parts) == 0 {
		text = pc.name + i18n.T(": no limits")
	}
	lab := widget.NewLabel(text)
	lab.Truncation = fyne.TextTruncateEllipsis // the panel keeps its width
	switch outputs.Worst(pc.counts) {
	case outputs.Over:
		lab.SetText(text + i18n.T(" — over"))
		lab.Importance = widget.DangerImportance
	case outputs.Near:
		lab.Importance = widget.WarningImportance
	default:
		lab.Importance = widget.SuccessImportance
	}
	return lab
}

// tightest is the count nearest its limit (the first of equals), or none.
func tightest(cs []editor.LimitCount) []editor.LimitCount {
	best := -1
	for i, c := range cs {
		if c.Max > 0 && (best < 0 || c.Used*cs[best].Max > cs[best].Used*c.Max) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	return cs[best : best+1]
}
