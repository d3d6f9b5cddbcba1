package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/escape"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/editor/outputs"
	"copydesk/editor/outputs/transmit"
	"copydesk/storage/record"
)

// Article › Kill, Withhold and Correct act on a story subscribers may
// already have: each files a revision of its kind (storage/record.Act)
// and sends its notice to every target the story went to, as File ›
// Send… sends. Correct here is the announced correction with a reason for
// the record and its notice sent out; Ctrl+S on a published story still
// asks only for the note (checks.AskCorrection) and sends nothing.

// actTitles are each action's dialog title and its button.
var actTitles = map[record.Action][2]string{
	record.Kill:     {i18n.Key("Kill the story"), i18n.Key("Kill")},
	record.Withhold: {i18n.Key("Withhold the story"), i18n.Key("Withhold")},
	record.Correct:  {i18n.Key("Correct the story"), i18n.Key("Correct")},
}

// actDialog asks for the reason and the public note of act.
func (w *Window) actDialog(act record.Action) {
	w.showActDialog(act, "", "", nil)
}

// showActDialog shows the dialog with the text given and, when problem is
// set, the error the last try met, under the field it names.
func (w *Window) showActDialog(act record.Action, reason, note string, problem *editor.FieldError) {
	if w.doc == nil {
		return
	}
	if !w.doc.IsStored() {
		w.status.setText(i18n.T("Save the story first: only a stored story can be killed, withheld or corrected"))
		return
	}
	if w.readOnly() {
		w.status.setText(readOnlyText(*w.heldBy))
		return
	}
	why := escape.NewEntryFunc(nil)
	why.SetPlaceHolder(i18n.T("for the desk's record; never sent"))
	why.SetText(reason)
	public := escape.NewEntryFunc(nil)
	public.MultiLine, public.Wrapping = true, fyne.TextWrapWord
	public.SetMinRowsVisible(3)
	public.SetText(note)
	noteLabel := i18n.T("Public note")
	public.SetPlaceHolder(i18n.T("what subscribers are told, e.g. Kill this story: it is legally unsafe"))
	if act == record.Withhold {
		public.SetPlaceHolder(i18n.T("what subscribers are told, e.g. Do not use this story until further notice: a figure is being checked"))
	}
	if act == record.Correct {
		noteLabel = i18n.T("Correction note")
		public.SetPlaceHolder(i18n.T("An earlier version of this story said … It is …"))
	}
	items := []*widget.FormItem{
		widget.NewFormItem(i18n.T("Reason"), why),
		widget.NewFormItem(noteLabel, public),
	}
	if problem != nil {
		for _, it := range items {
			if fieldOf(problem.Field) == it.Text {
				it.HintText = i18n.T(problem.Problem)
				if problem.Fix != "" {
					it.HintText += " (" + i18n.T(problem.Fix) + ")"
				}
			}
		}
	}
	t := actTitles[act]
	d := dialog.NewForm(i18n.T(t[0]), i18n.T(t[1]), i18n.T("Cancel"), items, func(ok bool) {
		if ok {
			w.act(act, why.Text, public.Text)
		}
	}, w.win)
	why.OnEscape, public.OnEscape = d.Hide, d.Hide
	d.Resize(fitted(fyne.NewSize(620, d.MinSize().Height), w.win.Canvas().Size()))
	w.showClosable(d)
	w.win.Canvas().Focus(why)
}

// fieldOf is the dialog's label for a field of record.Act's errors.
func fieldOf(name string) string {
	switch name {
	case "reason":
		return i18n.T("Reason")
	case "correction":
		return i18n.T("Correction note")
	}
	return i18n.T("Public note")
}

// act files the decision in the background, then loads the story as it
// now stands and sends the notices.
func (w *Window) act(act record.Action, reason, note string) {
	if w.doc == nil {
		return
	}
	d := record.Decision{Action: act, Reason: reason, Note: note, Author: w.settings.Name()}
	if act == record.Correct {
		d.Copy = w.Article()
	}
	w.flushDraft()
	doc := w.doc
	w.status.setText(i18n.T("Filing…"))
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		doc.WaitWrites()
		rev, a, err := record.Act(w.ctx, w.store, doc.ID, d)
		w.cfg.do(func() {
			var fe *editor.FieldError
			switch {
			case errors.As(err, &fe) && (fe.Field == "reason" || fe.Field == "notice.note" || fe.Field == "correction"):
				w.status.setText(i18n.Tf("Not filed: %s", fieldOf(fe.Field)))
				w.showActDialog(act, reason, note, fe)
			case err != nil:
				w.showError(fmt.Errorf("%s: %w", i18n.T(actTitles[act][1]), err))
			default:
				if w.doc == doc {
					w.restored(a, rev)
				}
				w.noticesChecked(act, doc.ID, a)
			}
		})
	}()
}

// noticesChecked sends the notices after the embargo check, as a send does.
func (w *Window) noticesChecked(act record.Action, id string, a *editor.Article) {
	err := check.EmbargoBlocks(a, w.cfg.Now())
	if err == nil {
		w.sendNotices(act, id, false)
		return
	}
	msg := i18n.Tf("%s\n\nSend the notice anyway? The forced send is recorded in the story's history.", editor.Capitalise(err.Error()))
	w.showClosable(dialog.NewConfirm(i18n.T("The story is under embargo"), msg, func(ok bool) {
		if ok {
			w.sendNotices(act, id, true)
		}
	}, w.win))
}

// sendNotices sends the story as it now stands to every target it went
// to, each as the profile it went as, one after the other.
func (w *Window) sendNotices(act record.Action, id string, forced bool) {
	author, style := w.settings.Name(), w.settings.Style()
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		targets, err := record.SentTargets(w.ctx, w.store, id)
		var ps []outputs.Profile
		if err == nil {
			ps, err = outputs.LoadDesk(w.ctx, w.store)
		}
		if err != nil || len(targets) == 0 {
			w.cfg.do(func() { w.noNotices(act, err) })
			return
		}
		for _, t := range targets {
			job := w.sends.newJob(id, t.Target)
			w.cfg.do(func() { w.sends.add(job) })
			tr, seq, err := w.sendNotice(job, id, act, t, ps, author, style, forced)
			w.cfg.do(func() { w.sent(job, id, tr, seq, err) })
		}
	}()
}

// sendNotice sends act's notice to t, as the profile it went as.
func (w *Window) sendNotice(job *sendJob, id string, act record.Action, t record.Sent, ps []outputs.Profile, author string, style editor.Style, forced bool) (*record.Transmission, uint64, error) {
	p := outputs.Find(ps, t.Profile)
	if p == nil {
		return nil, 0, i18n.Errorf("it went there as %q, which is no longer one of the desk's profiles: send the notice with File › Send…", t.Profile)
	}
	target, err := transmit.ParseTarget(t.Target)
	if err != nil {
		return nil, 0, err
	}
	o := record.Outgoing{Profile: p, Target: target, Config: w.cfg.Send, Policy: w.sendPolicy(), Author: author, Notice: act.Notice(),
		OnAttempt: func(at transmit.Attempt) { w.cfg.do(func() { job.attempt(at) }) }}
	return w.sendStored(job.ctx, id, &o, style, forced)
}

// noNotices says why no notice went out: the story was never sent, or
// its transmissions could not be read.
func (w *Window) noNotices(act record.Action, err error) {
	if err != nil {
		w.showError(fmt.Errorf("%s: %w", i18n.T("The notices were not sent"), err))
		return
	}
	w.status.setText(i18n.Tf("%s · the story was never sent: no notice to send", w.status.state.Text))
}

// cancelled reports whether err is a send stopped with Cancel.
func cancelled(err error) bool { return errors.Is(err, context.Canceled) }
