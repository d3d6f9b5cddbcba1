package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/fileio"
	"copydesk/editor/formats"
	cdstorage "copydesk/storage"
)

// importDialog asks for a file and imports it (File › Import…).
func (w *Window) importDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, editor.MaxImportBytes+1))
		if err != nil {
			w.showError(i18n.Errorf("cannot read %s: %w", r.URI().Name(), err))
			return
		}
		if _, err := w.ImportData(r.URI().Path(), data); err != nil {
			w.showError(err)
		}
	}, w.win)
	d.SetFilter(importFilter{storage.NewExtensionFileFilter([]string{".txt", ".md", ".markdown", ".xml", ".json"})})
	w.showFitted(d, fileDialogSize)
}

// fileDialogSize is the size the file dialogs ask for; showFitted makes
// it smaller on a small screen.
var fileDialogSize = fyne.NewSize(900, 600)

// sizedDialog is a dialog that can be shown, resized and closed:
// dialog.Dialog and *dialog.FileDialog, which is not a dialog.Dialog.
type sizedDialog interface {
	Show()
	Hide()
	Resize(fyne.Size)
	SetOnClosed(func())
}

// showFitted shows d at size want, or smaller so that it fits in the
// window, and lets Escape close it. It shows first and resizes after:
// Fyne 2.8.1's FileDialog.Resize reads the size of the dialog it builds
// only in Show, and a Resize before Show dereferenced nil (File › Import…
// crashed the window every time).
func (w *Window) showFitted(d sizedDialog, want fyne.Size) {
	w.showClosable(d)
	d.Resize(fitted(want, w.win.Canvas().Size()))
}

// fitted is want made small enough to leave a margin of the window around it.
func fitted(want, window fyne.Size) fyne.Size {
	const margin = 40
	return fyne.NewSize(min(want.Width, window.Width-margin), min(want.Height, window.Height-margin))
}

// importFilter offers only regular files with a story's extension: the
// dialog opens the file it returns, and opening a named pipe blocks the
// window until something writes to it (a device such as /dev/zero is read
// through the import limit, then refused).
type importFilter struct{ ext storage.FileFilter }

func (f importFilter) Matches(u fyne.URI) bool {
	return f.ext.Matches(u) && (u.Scheme() != "file" || fileio.IsRegular(u.Path()))
}

// ImportFile imports a wire, Markdown, NITF or ninjs file as a new story
// and opens it. It returns the story's ID. The file is read as the command
// line reads it (formats.ReadImport): a regular file of at most 8 MB.
func (w *Window) ImportFile(path string) (string, error) {
	data, err := formats.ReadImport(path)
	if err != nil {
		return "", err
	}
	return w.ImportData(path, data)
}

// ImportData imports data read from file (its name picks the format when
// the content does not) and opens the new story.
func (w *Window) ImportData(file string, data []byte) (string, error) {
	// A list, an envelope or a news message holds several stories: each
	// is imported, as the command line does, and the first is opened.
	arts, warnings, err := formats.ImportAll(file, data, editor.ImportOptions{})
	if err != nil {
		return "", err
	}
	meta := cdstorage.Meta{Author: w.settings.Name(), Kind: cdstorage.KindImport, Label: editor.ImportLabel(filepath.Base(file))}
	for _, a := range arts {
		if err := a.Validate(); err != nil {
			return "", i18n.Errorf("%s: nothing was imported: %w", editor.PrintableName(filepath.Base(file)), err)
		}
	}
	for i, a := range arts {
		if _, err := w.store.Create(w.ctx, a, meta); err != nil {
			err = fmt.Errorf("%s: %w", editor.PrintableName(filepath.Base(file)), err)
			if i > 0 {
				err = i18n.Errorf("%w (the first %s of %d were imported)", err, i18n.N("%s stories", i, strconv.Itoa(i)), len(arts))
			}
			return "", err
		}
	}
	w.lib.Reload()
	first := arts[0]
	if err := w.Open(first.ID); err != nil {
		return first.ID, err
	}
	w.lib.SelectOpen()
	var lines []string
	if len(arts) > 1 {
		lines = append(lines, i18n.Tf("The file held %s: all are in the library, the first is open.", i18n.N("%s stories", len(arts), strconv.Itoa(len(arts)))))
	}
	for _, wr := range warnings {
		lines = append(lines, wr.String())
	}
	if len(lines) > 0 {
		dialog.ShowInformation(i18n.T("Imported with warnings"), strings.Join(lines, "\n"), w.win)
	}
	return first.ID, nil
}

// exportDialog exports the ticked stories through Extensions.Export, or
// else the open story to one file whose extension picks the format.
func (w *Window) exportDialog() {
	if f := w.cfg.Extensions.Export; f != nil {
		f(w.win, w.store, w.SelectedIDs(), w.settings.Style(), w.Article())
		return
	}
	a := w.Article()
	if a == nil {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if wc == nil {
			return
		}
		defer wc.Close()
		f, err := formats.ParseFormat(strings.TrimPrefix(wc.URI().Extension(), "."))
		if err != nil {
			w.showError(i18n.Errorf("%s: name the file .txt, .html, .md, .xml (NITF) or .json (ninjs): %w", wc.URI().Name(), err))
			return
		}
		var seq uint64
		if w.doc != nil && !w.dirty && !w.sinceRevision {
			seq = w.status.seq
		}
		data, err := formats.Export(a, f, formats.ExportOptions{Style: w.settings.Style(), Revision: seq, Now: w.cfg.Now()})
		if err == nil {
			_, err = wc.Write(data)
		}
		if err != nil {
			w.showError(i18n.Errorf("export to %s failed: %w", wc.URI().Name(), err))
		}
	}, w.win)
	name := a.Slug
	if name == "" {
		name = "story"
	}
	d.SetFileName(strings.NewReplacer("/", "-", `\`, "-").Replace(name) + ".html")
	w.showFitted(d, fileDialogSize)
	w.win.Canvas().Unfocus() // the name would take Escape (see app/history's saveRedline)
}

// SelectedIDs are the ticked stories, or the open one when none is ticked:
// what File › Export… works on.
func (w *Window) SelectedIDs() []string {
	ids := w.lib.Ticked()
	if len(ids) == 0 && w.doc != nil && w.doc.IsStored() {
		ids = []string{w.doc.Base.ID}
	}
	return ids
}
