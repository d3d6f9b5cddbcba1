package app

import (
	"context"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/escape"
	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/editor/formats"
	"copydesk/editor/outputs"
	"copydesk/editor/outputs/transmit"
	"copydesk/storage"
	"copydesk/storage/record"
)

// File › Send… sends the open story as an output profile to a hot folder,
// an HTTP(S) endpoint or an SFTP/FTP server (storage/record.Send). The
// send runs on a goroutine: its retries wait seconds, and the window stays
// editable meanwhile; the status bar shows each attempt and has a Cancel.

// Preference keys of the send dialog.
const (
	prefSendTargets = "send.targets" // the last targets, newest first, one a line
	prefSendProfile = "send.profile"
)

// maxSendTargets is how many targets the dialog offers again.
const maxSendTargets = 8

// SendTargets are the targets sent to last, newest first.
func (s *Settings) SendTargets() []string {
	var out []string
	for _, t := range strings.Split(s.p.String(prefSendTargets), "\n") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// AddSendTarget remembers t as the newest target.
func (s *Settings) AddSendTarget(t string) {
	ts := slices.DeleteFunc(s.SendTargets(), func(x string) bool { return x == t })
	ts = append([]string{t}, ts...)
	if len(ts) > maxSendTargets {
		ts = ts[:maxSendTargets]
	}
	s.p.SetString(prefSendTargets, strings.Join(ts, "\n"))
}

// SendProfile is the profile sent last, fallback before any.
func (s *Settings) SendProfile(fallback string) string {
	return s.p.StringWithFallback(prefSendProfile, fallback)
}

// SetSendProfile remembers the profile of a send.
func (s *Settings) SetSendProfile(name string) { s.p.SetString(prefSendProfile, name) }

// sendDialog is File › Send…: it reads the desk's profiles, then asks
// which profile and where.
func (w *Window) sendDialog() {
	if w.doc == nil {
		return
	}
	if w.readOnly() { // the send's record is a revision: the holder's to make
		w.status.setText(readOnlyText(*w.heldBy))
		return
	}
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		ps, err := outputs.LoadDesk(w.ctx, w.store)
		w.cfg.do(func() {
			if err != nil {
				w.showError(err)
				return
			}
			w.showSendDialog(ps)
		})
	}()
}

// showSendDialog asks for the profile and the target; the target is
// checked as it is typed, its error shown under it.
func (w *Window) showSendDialog(ps []outputs.Profile) {
	if w.doc == nil || len(ps) == 0 {
		return
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	profile := escape.NewSelect(w.win.Canvas(), names, nil)
	last := w.settings.SendProfile(names[0])
	if !slices.Contains(names, last) {
		last = names[0]
	}
	profile.SetSelected(last)
	targets := w.settings.SendTargets()
	target := escape.NewSelectEntry(targets)
	target.SetPlaceHolder(i18n.T("a folder, https://…, sftp://user@host/dir or ftp://…"))
	if len(targets) > 0 {
		target.SetText(targets[0])
	}
	// Fyne keeps an entry's error back while it has the keyboard: the
	// target's problem is shown as it is typed, and Send stays off.
	target.AlwaysShowValidationError = true
	target.Validator = func(s string) error {
		_, err := transmit.ParseTarget(strings.TrimSpace(s))
		return err
	}
	d := dialog.NewForm(i18n.T("Send"), i18n.T("Send"), i18n.T("Cancel"), []*widget.FormItem{
		widget.NewFormItem(i18n.T("Output"), profile),
		widget.NewFormItem(i18n.T("To"), target),
	}, func(ok bool) {
		if !ok {
			return
		}
		t, err := transmit.ParseTarget(strings.TrimSpace(target.Text))
		p := outputs.Find(ps, profile.Selected)
		if err != nil || p == nil {
			return // the form keeps Send off while the target is wrong
		}
		w.settings.SetSendProfile(p.Name)
		w.settings.AddSendTarget(t.String())
		w.sendChecked(p, t)
	}, w.win)
	target.OnEscape = d.Hide
	target.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fitted(fyne.NewSize(620, 220), w.win.Canvas().Size()))
	w.showClosable(d)
	w.win.Canvas().Focus(target)
}

// sendChecked sends after the embargo check: an embargoed story goes only
// when the person says so, and the forced send is recorded.
func (w *Window) sendChecked(p *outputs.Profile, t transmit.Target) {
	a := w.Article()
	if a == nil {
		return
	}
	err := check.EmbargoBlocks(a, w.cfg.Now())
	if err == nil {
		w.startSend(p, t, false)
		return
	}
	msg := i18n.Tf("%s\n\nSend it anyway? The forced send is recorded in the story's history.", editor.Capitalise(err.Error()))
	d := dialog.NewConfirm(i18n.T("The story is under embargo"), msg, func(ok bool) {
		if ok {
			w.startSend(p, t, true)
		}
	}, w.win)
	w.showClosable(d)
}

// flushDraft starts writing the edits not yet in the draft now (the
// autosave would, a moment later): a send or an action reads the draft as
// stored, after doc.WaitWrites.
func (w *Window) flushDraft() {
	w.stopAutosave()
	if w.dirty {
		w.autosave()
	}
}

// startSend sends the open story in the background, with progress and a
// Cancel in the status bar.
func (w *Window) startSend(p *outputs.Profile, t transmit.Target, forced bool) {
	if w.doc == nil {
		return
	}
	w.flushDraft()
	doc, author, style := w.doc, w.settings.Name(), w.settings.Style()
	job := w.sends.newJob(doc.ID, t.String())
	w.sends.add(job)
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		doc.WaitWrites()
		o := record.Outgoing{Profile: p, Target: t, Config: w.cfg.Send, Policy: w.sendPolicy(), Author: author,
			OnAttempt: func(at transmit.Attempt) { w.cfg.do(func() { job.attempt(at) }) }}
		tr, seq, err := w.sendStored(job.ctx, doc.ID, &o, style, forced)
		w.cfg.do(func() { w.sent(job, doc.ID, tr, seq, err) })
	}()
}

// sendPolicy is the retry schedule (tests shorten it).
func (w *Window) sendPolicy() transmit.Policy {
	if w.cfg.sendPolicy != nil {
		return *w.cfg.sendPolicy
	}
	return transmit.DefaultPolicy
}

// sendStored sends the story's stored draft as o says; forced files the
// forced export first. It runs off the UI goroutine.
func (w *Window) sendStored(ctx context.Context, id string, o *record.Outgoing, style editor.Style, forced bool) (*record.Transmission, uint64, error) {
	// Cancel stops the delivery's retries, not these reads and writes: a
	// send cancelled at once is still on record, as tried and stopped.
	rctx := context.WithoutCancel(ctx)
	if forced {
		if err := record.ForcedExport(rctx, w.store, id, string(o.Profile.Format), o.Author, w.cfg.Now()); err != nil {
			return nil, 0, err
		}
	}
	d, err := w.store.Draft(rctx, id)
	if err != nil {
		return nil, 0, err
	}
	published, err := storage.PublishedAt(rctx, w.store, d.Article)
	if err != nil {
		return nil, 0, err
	}
	o.Article = d.Article
	o.Options = formats.ExportOptions{Style: style, Revision: d.Seq, Now: w.cfg.Now(), Published: published}
	return record.Send(ctx, w.store, *o)
}

// sent shows a send's outcome, on the UI goroutine.
func (w *Window) sent(job *sendJob, id string, tr *record.Transmission, seq uint64, err error) {
	what := i18n.T("Sent")
	if tr != nil && noticeNames[tr.Notice] != "" {
		what = i18n.T(noticeNames[tr.Notice])
	}
	var msg string
	switch {
	case err == nil:
		// The revision before the file: a long path is what the bar cuts.
		msg = i18n.Tf("%s to %s · recorded as revision %d · %s", what, tr.Target, seq, filepath.Base(tr.File))
	case cancelled(err) && seq > 0:
		msg = i18n.Tf("Send to %s cancelled · recorded as revision %d", job.target, seq)
	case seq > 0:
		msg = i18n.Tf("Send to %s failed: %s · recorded as revision %d", job.target, field.OneLine(err), seq)
	default:
		msg = i18n.Tf("Send to %s failed: %s", job.target, field.OneLine(err))
	}
	failure := ""
	if err != nil && !cancelled(err) {
		failure = msg
	}
	job.done(failure)
	w.status.setText(msg)
	if w.doc != nil && w.doc.ID == id && w.historyShown() {
		w.loadView(w.history) // the transmission is a revision
	}
	w.lib.RefreshInPlace()
}

// noticeNames name a notice's send in the status bar, by record.Action.Notice.
var noticeNames = map[string]string{
	"kill":       i18n.Key("The kill notice"),
	"withhold":   i18n.Key("The withhold notice"),
	"correction": i18n.Key("The correction"),
}
