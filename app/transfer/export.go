// Package transfer holds the window's File › Export… flow: choose a
// format and a place, then export off the UI goroutine behind a progress
// dialog that can be cancelled. The work itself is editor/formats'
// ExportBatch, the same code the command line runs.
package transfer

import (
	"context"
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/escape"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/formats"
	"copydesk/storage"
	"copydesk/storage/notes"
)

// StoreLoader loads the working draft of each article, with its newest
// revision number and first publication time, for export in style.
func StoreLoader(s storage.Store, style editor.Style) formats.Loader {
	return func(ctx context.Context, id string) (*editor.Article, formats.ExportOptions, error) {
		d, err := s.Draft(ctx, id)
		if err != nil {
			return nil, formats.ExportOptions{}, err
		}
		published, err := storage.PublishedAt(ctx, s, d.Article)
		if err != nil {
			return nil, formats.ExportOptions{}, err
		}
		// The comments go along for a desk copy; public formats ignore
		// them. A store that cannot list them has none to give.
		cs, _ := notes.Comments(ctx, s, id)
		return d.Article, formats.ExportOptions{Style: style, Revision: d.Seq, Published: published, Comments: cs}, nil
	}
}

// DeskCopy makes load's exports desk copies (HTML with the comments as
// margin notes).
func DeskCopy(load formats.Loader) formats.Loader {
	return func(ctx context.Context, id string) (*editor.Article, formats.ExportOptions, error) {
		a, opt, err := load(ctx, id)
		opt.DeskCopy = true
		return a, opt, err
	}
}

// Export asks for a format, then for a file (one article) or a folder
// (several), and exports. last is the format chosen the time before; the
// choice is handed to remember so the window can keep it in preferences.
func Export(win fyne.Window, ids []string, load formats.Loader, last formats.Format, remember func(formats.Format)) {
	if len(ids) == 0 {
		dialog.ShowInformation(i18n.T("Export"), i18n.T("Select one or more articles in the library first."), win)
		return
	}
	labels := make([]string, len(formats.ExportFormats))
	chosen := formats.ExportFormats[0]
	for i, f := range formats.ExportFormats {
		labels[i] = f.Label()
		if f == last {
			chosen = f
		}
	}
	pick := escape.NewRadioGroup(win.Canvas(), labels, func(label string) {
		for _, f := range formats.ExportFormats {
			if f.Label() == label {
				chosen = f
			}
		}
	})
	pick.Required = true
	pick.SetSelected(chosen.Label())
	// The desk copy is one story's HTML page with its comments: offered
	// for one story, and it picks HTML.
	desk := escape.NewCheck(win.Canvas(), i18n.T("Desk copy: with the comments in the margin (not for publication)"), func(on bool) {
		if on {
			pick.SetSelected(formats.HTML.Label())
		}
	})
	onPick := pick.OnChanged
	pick.OnChanged = func(label string) {
		onPick(label)
		if chosen != formats.HTML {
			desk.SetChecked(false)
		}
	}
	title := i18n.T("Export the article")
	if len(ids) > 1 {
		title = i18n.N("Export %d articles", len(ids))
	}
	items := []*widget.FormItem{widget.NewFormItem(i18n.T("Format"), pick)}
	if len(ids) == 1 {
		items = append(items, widget.NewFormItem("", desk))
	}
	dialog.ShowForm(title, i18n.T("Choose where…"), i18n.T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if remember != nil {
			remember(chosen)
		}
		if len(ids) == 1 {
			if desk.Checked {
				load = DeskCopy(load)
			}
			chooseFile(win, ids[0], chosen, load)
			return
		}
		chooseFolder(win, ids, chosen, load)
	}, win)
}

func chooseFile(win fyne.Window, id string, f formats.Format, load formats.Loader) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(err, win)
			return
		}
		if w == nil {
			return // cancelled
		}
		ExportTo(win, id, f, load, w, nil)
	}, win)
	// The name comes from the slug; load is cheap next to the dialog.
	if a, _, err := load(context.Background(), id); err == nil {
		save.SetFileName(formats.BaseName(a) + f.Extension())
	}
	save.Show()
	unfocusName(win)
}

func chooseFolder(win fyne.Window, ids []string, f formats.Format, load formats.Loader) {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			showError(err, win)
			return
		}
		if dir == nil {
			return
		}
		ExportToFolder(win, ids, f, load, dir.Path(), nil)
	}, win)
}

// ExportTo exports one article into w and closes it, off the UI goroutine;
// done (if set) is called on the UI goroutine with the outcome, after the
// user has been told — of a success too, with the file's path when w
// knows it (the save dialog's writer does): a silent export left people
// looking for the file.
func ExportTo(win fyne.Window, id string, f formats.Format, load formats.Loader, w io.WriteCloser, done func(error)) {
	where := ""
	if u, ok := w.(interface{ URI() fyne.URI }); ok && u.URI() != nil {
		where = u.URI().Path()
	}
	go func() {
		err := writeOne(id, f, load, w)
		fyne.Do(func() {
			switch {
			case err != nil:
				showError(i18n.Errorf("export failed: %w", err), win)
			case where != "":
				dialog.ShowInformation(i18n.T("Export finished"), i18n.Tf("The story was written as %s to\n%s", f.Label(), where), win)
			default:
				dialog.ShowInformation(i18n.T("Export finished"), i18n.Tf("The story was written as %s.", f.Label()), win)
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

func writeOne(id string, f formats.Format, load formats.Loader, w io.WriteCloser) error {
	a, opt, err := load(context.Background(), id)
	if err == nil {
		var data []byte
		if data, err = formats.Export(a, f, opt); err == nil {
			_, err = w.Write(data)
		}
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// ExportToFolder runs a batch export into dir behind a progress dialog
// with a Cancel button; done (if set) gets the paths written and the error
// on the UI goroutine when it ends.
func ExportToFolder(win fyne.Window, ids []string, f formats.Format, load formats.Loader, dir string, done func([]string, error)) {
	p := newProgress(win, i18n.N("Exporting %d articles as %s", len(ids), len(ids), f.Label()))
	go func() {
		written, err := formats.ExportBatch(p.ctx, ids, f, dir, load, func(n, total int, name string) {
			p.report(n, total, i18n.Tf("%d of %d: %s", n, total, name))
		})
		fyne.Do(func() {
			p.close()
			if err != nil {
				showError(err, win)
			} else {
				dialog.ShowInformation(i18n.T("Export finished"), i18n.N("%d files written to %s", len(written), len(written), dir), win)
			}
			if done != nil {
				done(written, err)
			}
		})
	}()
}

// WithWorkingCopy loads open — the story as edited in the window now —
// instead of its stored draft, and every other article through load, so
// that an export never misses edits the autosave has not written yet.
func WithWorkingCopy(load formats.Loader, open *editor.Article) formats.Loader {
	return func(ctx context.Context, id string) (*editor.Article, formats.ExportOptions, error) {
		a, opt, err := load(ctx, id)
		if id == open.ID && (err == nil || errors.Is(err, storage.ErrNotFound)) {
			return open, opt, nil
		}
		return a, opt, err
	}
}
