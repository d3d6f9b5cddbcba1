package app

import (
	"context"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/storage"
)

// Gate is what must happen before the desk opens, when the store cannot
// simply be opened: a first run (where to choose encryption) or an
// encrypted desk (which needs its passphrase). Exactly one is set.
type Gate struct {
	// Create makes a new desk: pass nil for a plain one, a passphrase for
	// an encrypted one.
	Create func(pass []byte) (storage.Store, error)
	// Unlock opens an encrypted desk with its passphrase.
	Unlock func(pass []byte) (storage.Store, error)
}

// MinPassphrase is the shortest passphrase the first-run dialog accepts.
const MinPassphrase = 10

// RunGated shows the gate's window (unlock, or first-run choice) and, once
// the store is open, the main window in its place; it returns when the
// main window is closed, or when the gate is closed without opening.
func RunGated(cfg Config, g Gate) error {
	a := fyneapp.NewWithID(ID)
	setupLanguage(a)
	var main *Window
	gw := newGate(a, cfg.DBDir, g, func(s storage.Store) {
		cfg.Store = s
		main = NewWindow(a, cfg)
		main.OpenNewest()
		if cfg.Context != nil {
			context.AfterFunc(cfg.Context, func() { fyne.Do(main.requestClose) })
		}
		main.Window().Show()
	}, nil)
	gw.win.Show()
	a.Run()
	if main == nil {
		return nil
	}
	err := main.finish()
	if cerr := cfg.Store.Close(); err == nil {
		err = cerr
	}
	return err
}

// gate is the unlock or first-run window.
type gate struct {
	win         fyne.Window
	pass, again *widget.Entry
	encrypt     *widget.Check
	open        *widget.Button
	problem     *widget.Label
}

// newGate builds the unlock or first-run window; opened is called on the
// UI goroutine with the store, and the gate window closes.
//
// background runs work off the UI goroutine and hands its outcome to
// apply on the UI goroutine; nil means a goroutine and fyne.Do (tests run
// both in line, as the test driver's fyne.Do would race with them).
func newGate(a fyne.App, dbDir string, g Gate, opened func(storage.Store), background func(work func() (storage.Store, error), apply func(storage.Store, error))) *gate {
	if background == nil {
		background = func(work func() (storage.Store, error), apply func(storage.Store, error)) {
			go func() {
				s, err := work()
				fyne.Do(func() { apply(s, err) })
			}()
		}
	}
	// Not the master window: the app ends when its last window closes, so
	// the gate can close once the main window is up.
	w := a.NewWindow("Copydesk")
	pass := widget.NewPasswordEntry()
	again := widget.NewPasswordEntry()
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	encrypt := widget.NewCheck(i18n.T("Encrypt this desk with a passphrase (recommended for sensitive sources)"), nil)
	var open *widget.Button
	busy := func(on bool) {
		if on {
			open.Disable()
			problem.SetText(i18n.T("Opening…"))
		} else {
			open.Enable()
		}
	}
	finish := func(s storage.Store) {
		opened(s)
		w.Close()
	}
	try := func(f func(pass []byte) (storage.Store, error), p []byte) {
		busy(true)
		// Key derivation takes a noticeable moment: off the UI goroutine.
		background(func() (storage.Store, error) { return f(p) }, func(s storage.Store, err error) {
			busy(false)
			if err != nil {
				problem.SetText(sentence(err))
				return
			}
			problem.SetText("")
			finish(s)
		})
	}
	var form *widget.Form
	var intro string
	if g.Unlock != nil {
		intro = i18n.Tf("The desk in %s is encrypted. Enter its passphrase.", dbDir)
		form = widget.NewForm(widget.NewFormItem(i18n.T("Passphrase"), pass))
		open = widget.NewButton(i18n.T("Unlock"), func() {
			if pass.Text == "" {
				problem.SetText(i18n.T("Enter the passphrase."))
				return
			}
			try(g.Unlock, []byte(pass.Text))
		})
		pass.OnSubmitted = func(string) { open.OnTapped() }
	} else {
		intro = i18n.Tf("A new desk will be made in %s", dbDir) + "."
		form = widget.NewForm(widget.NewFormItem(i18n.T("Passphrase"), pass), widget.NewFormItem(i18n.T("Repeat"), again))
		form.Hide()
		encrypt.OnChanged = func(on bool) {
			if on {
				form.Show()
				w.Canvas().Focus(pass)
			} else {
				form.Hide()
			}
		}
		open = widget.NewButton(i18n.T("Create the desk"), func() {
			if !encrypt.Checked {
				try(g.Create, nil)
				return
			}
			if err := checkNewPassphrase(pass.Text, again.Text); err != nil {
				problem.SetText(sentence(err))
				return
			}
			try(g.Create, []byte(pass.Text))
		})
		again.OnSubmitted = func(string) { open.OnTapped() }
	}
	open.Importance = widget.HighImportance
	label := widget.NewLabel(intro)
	label.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle("Copydesk", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	parts := []fyne.CanvasObject{title, label}
	if g.Unlock == nil {
		parts = append(parts, encrypt)
	}
	parts = append(parts, form, problem, container.NewHBox(layout.NewSpacer(), widget.NewButton(i18n.T("Quit"), a.Quit), open))
	w.SetContent(container.NewPadded(container.NewVBox(parts...)))
	w.Resize(fyne.NewSize(520, 0))
	if g.Unlock != nil {
		w.Canvas().Focus(pass)
	}
	return &gate{win: w, pass: pass, again: again, encrypt: encrypt, open: open, problem: problem}
}

// checkNewPassphrase says what is wrong with a new passphrase, if anything.
func checkNewPassphrase(pass, again string) error {
	switch {
	case utf8.RuneCountInString(pass) < MinPassphrase:
		return i18n.Errorf("the passphrase needs at least %d characters: a few words are easier to remember than a short password", MinPassphrase)
	case pass != again:
		return i18n.Errorf("the two passphrases differ: type the same one twice")
	}
	return nil
}

// sentence is an error as a sentence for a label.
func sentence(err error) string {
	s := field.OneLine(err)
	if s == "" {
		return s
	}
	return editor.Capitalise(strings.TrimSuffix(s, ".")) + "."
}
