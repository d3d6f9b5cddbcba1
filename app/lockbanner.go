package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/storage"
)

// lockBanner is shown over the editor while another desk holds the
// story: who, since when, and the way to take it over.
type lockBanner struct {
	text    *widget.Label
	take    *widget.Button
	content *fyne.Container
}

func newLockBanner(w *Window) *lockBanner {
	b := &lockBanner{text: widget.NewLabel("")}
	b.text.Importance = widget.WarningImportance
	b.text.Wrapping = fyne.TextWrapWord
	b.take = widget.NewButton(i18n.T("Take over…"), w.confirmTakeOver)
	b.content = container.NewBorder(nil, nil, nil, container.NewCenter(b.take), b.text)
	b.content.Hide()
	return b
}

// show names l's holder (nil: hides the banner).
func (b *lockBanner) show(l *storage.Lock, loc *time.Location) {
	if l == nil {
		b.content.Hide()
		return
	}
	if l.Holder.Desk == "" {
		b.text.SetText(i18n.T("Nobody is editing this story now — read-only until you edit it"))
		b.take.SetText(i18n.T("Edit"))
	} else {
		b.text.SetText(heldText(*l, loc))
		b.take.SetText(i18n.T("Take over…"))
	}
	b.content.Show()
}

// heldText is the banner's words for another desk's lock.
func heldText(l storage.Lock, loc *time.Location) string {
	return i18n.Tf("Being edited by %s since %s — read-only", l.Holder.Name, l.Since.In(loc).Format("15:04"))
}

// readOnlyText is the status bar's answer to a write asked of a story
// another desk holds.
func readOnlyText(l storage.Lock) string {
	if l.Holder.Desk == "" {
		return i18n.T("Read-only: press Edit over the story to edit it")
	}
	return i18n.Tf("Read-only: %s is editing this story (Take over… to edit it here)", l.Holder.Name)
}
