package transfer

import (
	"context"

	"copydesk/app/i18n"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// progress is a modal dialog with a bar, a line of status and a Cancel
// button that cancels ctx. Its methods are for the UI goroutine; report
// may be called from any goroutine.
type progress struct {
	ctx    context.Context
	cancel context.CancelFunc
	bar    *widget.ProgressBar
	status *widget.Label
	dlg    *dialog.CustomDialog
}

func newProgress(win fyne.Window, title string) *progress {
	p := &progress{bar: widget.NewProgressBar(), status: widget.NewLabel(i18n.T("Starting…"))}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.status.Truncation = fyne.TextTruncateEllipsis
	stop := widget.NewButton(i18n.T("Cancel"), func() {
		p.cancel()
		p.status.SetText(i18n.T("Stopping…"))
	})
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(p.status, p.bar, container.NewCenter(stop)), win)
	p.dlg.Resize(fyne.NewSize(460, 0))
	p.dlg.Show()
	return p
}

// report shows done of total with a line of text, from any goroutine.
func (p *progress) report(done, total int, text string) {
	fyne.Do(func() {
		if total > 0 {
			p.bar.Max = float64(total)
		}
		p.bar.SetValue(float64(done))
		p.status.SetText(text)
	})
}

// close hides the dialog; call it on the UI goroutine.
func (p *progress) close() {
	p.cancel()
	p.dlg.Hide()
}
