package history

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/compare"
	"copydesk/editor/formats"
	"copydesk/storage"
)

// selectedRevision is the revision picked in the list.
func (v *View) selectedRevision() (storage.Revision, bool) {
	if v.selected < 0 || v.selected >= len(v.revs) {
		return storage.Revision{}, false
	}
	return v.revs[v.selected], true
}

func (v *View) author() string {
	if v.opt.Author != nil {
		return v.opt.Author()
	}
	return ""
}

func (v *View) showError(err error) {
	slog.Error("shown to the user", "err", err) // the window's log (app/applog)
	if v.win != nil {
		dialog.ShowError(err, v.win)
	}
}

// previewSelected shows the selected revision read-only, with Restore.
func (v *View) previewSelected() {
	rev, ok := v.selectedRevision()
	if !ok {
		return
	}
	id := v.id
	v.goBackground(func() {
		a, _, err := v.store.Revision(v.ctx, id, rev.Seq)
		v.do(func() {
			if err != nil {
				v.showError(i18n.Errorf("cannot read revision #%d: %w", rev.Seq, err))
				return
			}
			v.showPreview(a, rev)
		})
	})
}

// showPreview is the read-only copy of a revision in a dialog.
func (v *View) showPreview(a *editor.Article, rev storage.Revision) {
	if v.win == nil {
		return
	}
	title := i18n.Tf("Revision #%d · %s", rev.Seq, i18n.FormatTime(rev.Time.In(v.loc), "2 Jan 2006 15:04"))
	if rev.Label != "" {
		title += " · " + quoteLabel(rev.Label)
	}
	content := container.NewVScroll(previewText(a, v.style()))
	d := dialog.NewCustomConfirm(title, i18n.T("Restore…"), i18n.T("Close"), content, func(restore bool) {
		if restore {
			v.confirmRestore(rev)
		}
	}, v.win)
	size := v.win.Canvas().Size()
	d.Resize(fyne.NewSize(size.Width*0.8, size.Height*0.8))
	d.Show()
}

func (v *View) style() editor.Style {
	if v.opt.Style != nil {
		return v.opt.Style()
	}
	return editor.StyleTASS
}

// previewText lays an article out for reading: headline, standfirst,
// dateline and byline, then the body block by block. Markup in the copy
// is shown as written, never interpreted.
func previewText(a *editor.Article, style editor.Style) *fyne.Container {
	box := container.NewVBox()
	// One RichText a block: within one, a heading runs into the inline
	// text that follows it.
	para := func(text string, s widget.RichTextStyle) {
		if strings.TrimSpace(text) != "" {
			rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: s})
			rt.Wrapping = fyne.TextWrapWord
			box.Add(rt)
		}
	}
	para(a.Headline, widget.RichTextStyleHeading)
	para(a.Standfirst, widget.RichTextStyleEmphasis)
	var by []string
	for _, b := range a.Bylines {
		by = append(by, compare.BylineText(b))
	}
	para(strings.Join(by, "; "), widget.RichTextStyleStrong)
	para(a.Dateline.Render(style), widget.RichTextStyleStrong)
	for _, b := range editor.ParseBody(a.Body) {
		switch b.Kind {
		case editor.Subhead:
			para(b.Text, widget.RichTextStyleSubHeading)
		case editor.Quote:
			para(b.Text, widget.RichTextStyleBlockquote)
		default:
			para(b.Text, widget.RichTextStyleParagraph)
		}
	}
	return box
}

// restoreSelected asks to restore the selected revision.
func (v *View) restoreSelected() {
	if rev, ok := v.selectedRevision(); ok {
		v.confirmRestore(rev)
	}
}

// confirmRestore says what a restore will do and does it on yes.
func (v *View) confirmRestore(rev storage.Revision) {
	if len(v.revs) == 0 || v.win == nil || v.readOnly {
		return
	}
	v.refreshDraft()
	d := dialog.NewConfirm(i18n.Tf("Restore revision #%d?", rev.Seq), v.restoreMessage(rev), func(ok bool) {
		if ok {
			v.restore(rev.Seq, nil)
		}
	}, v.win)
	d.SetConfirmText(i18n.T("Restore"))
	d.Show()
}

// restoreMessage says what restoring rev does. The draft's changes are
// autosaved (the status bar says so), so they are "changes since" the
// latest revision, not "unsaved"; they are mentioned only when there are
// some.
func (v *View) restoreMessage(rev storage.Revision) string {
	last := v.revs[len(v.revs)-1].Seq
	next := last + 1
	var kept string
	if v.draftDiffers() {
		kept = i18n.Tf("\n\nYour changes since revision #%d are kept first, as revision #%d.", last, next)
		next++
	}
	msg := i18n.Tf("The copy of revision #%d becomes the current copy, as a new revision #%d “restored from #%d”.", rev.Seq, next, rev.Seq) + kept
	return msg + i18n.T("\n\nNothing is lost: every revision stays in the history. The story's status stays as it is.")
}

// restore makes revision seq the current copy as a new revision (kind
// restore, label "restored from #seq"), after keeping unsaved changes as a
// checkpoint revision. The workflow status is not restored: it is the
// story's state on the desk, not part of its copy. Then OnRestored runs
// and done (if not nil) is told the outcome, both on the UI goroutine.
func (v *View) restore(seq uint64, done func(storage.Revision, error)) {
	id, author, now := v.id, v.author(), v.now()
	var unsaved *editor.Article
	if v.draftDiffers() {
		unsaved = v.draft.Clone()
	}
	v.goBackground(func() {
		rev, restored, err := v.restoreNow(id, seq, author, unsaved, now)
		v.do(func() {
			if err != nil {
				v.showError(i18n.Errorf("the revision was not restored: %w", err))
			} else {
				v.draft = restored.Clone()
				if v.opt.OnRestored != nil {
					v.opt.OnRestored(restored, rev)
				}
				if v.id == id {
					// Show what the restore changed: the copy before it → the restored copy.
					v.reload(rev.Seq-1, rev.Seq)
				}
			}
			if done != nil {
				done(rev, err)
			}
		})
	})
}

func (v *View) restoreNow(id string, seq uint64, author string, unsaved *editor.Article, now time.Time) (storage.Revision, *editor.Article, error) {
	old, _, err := v.store.Revision(v.ctx, id, seq)
	if err != nil {
		return storage.Revision{}, nil, err
	}
	current := unsaved
	if unsaved != nil {
		if _, err := v.store.SaveRevision(v.ctx, unsaved, storage.Meta{Author: author, Kind: storage.KindCheckpoint,
			Label: fmt.Sprintf("before restoring #%d", seq)}); err != nil {
			return storage.Revision{}, nil, i18n.Errorf("keeping the unsaved changes: %w", err)
		}
	} else {
		d, err := v.store.Draft(v.ctx, id)
		if err != nil {
			return storage.Revision{}, nil, err
		}
		current = d.Article
	}
	restored := old.Clone()
	restored.Status, restored.SpikedFrom = current.Status, current.SpikedFrom
	restored.Modified = now.UTC()
	if restored.Modified.Before(restored.Created) {
		restored.Modified = restored.Created
	}
	rev, err := v.store.SaveRevision(v.ctx, restored, storage.Meta{Author: author, Kind: storage.KindRestore,
		Label: fmt.Sprintf("restored from #%d", seq)})
	return rev, restored, err
}

// labelSelected asks for a new label for the selected revision.
func (v *View) labelSelected() {
	rev, ok := v.selectedRevision()
	if !ok || v.win == nil {
		return
	}
	entry := widget.NewEntry()
	entry.SetText(rev.Label)
	entry.SetPlaceHolder(i18n.T("e.g. as filed, sub's cut, legal OK"))
	d := dialog.NewForm(i18n.Tf("Label revision #%d", rev.Seq), i18n.T("Save"), i18n.T("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(i18n.T("Label"), entry)}, func(ok bool) {
			if ok {
				v.setLabel(rev.Seq, strings.TrimSpace(entry.Text), nil)
			}
		}, v.win)
	entry.OnSubmitted = func(string) { d.Submit() } // Enter saves, as in any form
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	d.Show()
}

// setLabel labels revision seq and reloads the list, keeping the pair shown.
func (v *View) setLabel(seq uint64, label string, done func(error)) {
	id := v.id
	from, to := v.from, v.to
	v.goBackground(func() {
		err := v.store.SetLabel(v.ctx, id, seq, label)
		v.do(func() {
			if err != nil {
				v.showError(i18n.Errorf("the label was not saved: %w", err))
			} else if v.id == id {
				v.reload(from, to)
			}
			if done != nil {
				done(err)
			}
		})
	})
}

// redline is the HTML report of the comparison shown now.
func (v *View) redline() ([]byte, error) {
	if v.result == nil {
		return nil, errors.New(i18n.T("nothing is compared yet"))
	}
	return compare.Redline(v.result, v.meta), nil
}

// writeRedline writes the report to w and closes it.
func (v *View) writeRedline(w io.WriteCloser) error {
	page, err := v.redline()
	if err == nil {
		_, err = w.Write(page)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// saveRedline asks where to save the redline and writes it there.
func (v *View) saveRedline() {
	if v.result == nil || v.win == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			v.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		if err := v.writeRedline(w); err != nil {
			v.showError(i18n.Errorf("the redline was not saved: %w", err))
		}
	}, v.win)
	d.SetFileName(v.redlineName())
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".html"}))
	d.Show()
	// Fyne focuses the name, and a focused entry takes Escape: unfocused,
	// Escape reaches the window, which closes the dialog as Cancel does.
	// The name is filled in; a click puts the caret in it.
	v.win.Canvas().Unfocus()
}

// redlineName is the suggested file name: the story's slug and the two sides.
func (v *View) redlineName() string {
	base := "story"
	if v.draft != nil {
		base = formats.BaseName(v.draft)
	}
	side := func(seq uint64) string {
		if seq == draftSide {
			return "draft"
		}
		if s, ok := v.sentSide(seq); ok {
			return fmt.Sprintf("sent-r%d", s.Seq)
		}
		return fmt.Sprintf("r%d", seq)
	}
	return fmt.Sprintf("%s-changes-%s-%s.html", base, side(v.from), side(v.to))
}
