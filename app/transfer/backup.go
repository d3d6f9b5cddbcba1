package transfer

import (
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"copydesk/app/i18n"
	"copydesk/storage"
	"copydesk/storage/backup"
)

// Opener opens (creating if need be) the desk in a directory. The window
// gets it from the composition root, so app/ never names an engine.
type Opener func(dir string) (storage.Store, error)

// Backup asks for a file and writes a backup of s into it (File › Backup…).
// encrypted says the desk is encrypted; the backup of an encrypted
// Badger desk is encrypted too (storage/backup), and the user is told so.
func Backup(win fyne.Window, s storage.Store, encrypted bool) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(err, win)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		// The dialog made an empty file; the backup goes through a
		// temporary file and a rename, so a failure leaves no half backup.
		w.Close()
		BackupTo(win, s, path, encrypted, nil)
	}, win)
	save.SetFileName("copydesk-" + time.Now().Format("2006-01-02") + ".cdbackup")
	save.Show()
	unfocusName(win)
}

// BackupTo writes a backup of s to path behind a progress dialog; done (if
// set) gets the outcome on the UI goroutine after the user has been told.
func BackupTo(win fyne.Window, s storage.Store, path string, encrypted bool, done func(backup.Summary, error)) {
	p := newProgress(win, i18n.T("Backing up the desk"))
	go func() {
		// A damaged desk is not backed up: the editor learns of the damage
		// while older backups still exist (copydesk backup --damaged-ok).
		damaged, err := backup.Damage(p.ctx, s, nil)
		if err == nil && len(damaged) > 0 {
			err = &backup.DamagedDeskError{Damaged: damaged}
		}
		var sum backup.Summary
		if err == nil {
			sum, err = backup.WriteFile(p.ctx, s, path, func(done, total int) {
				p.report(done, total, i18n.N("%d of %d articles", total, done, total))
			})
		}
		fyne.Do(func() {
			p.close()
			if err != nil {
				showError(i18n.Errorf("backup failed: %w", err), win)
			} else {
				msg := i18n.Tf("%d articles and %d revisions written to %s (%s).",
					sum.Articles, sum.Revisions, filepath.Base(path), backup.SizeText(sum.FileBytes))
				switch {
				case sum.Sealed != nil:
					msg += i18n.T("\n\nThe backup is encrypted with the desk's key: restoring it needs the desk's passphrase.")
				case encrypted:
					msg += i18n.T("\n\nThe backup file is not encrypted: keep it somewhere safe.")
				}
				dialog.ShowInformation(i18n.T("Backup finished"), msg, win)
			}
			if done != nil {
				done(sum, err)
			}
		})
	}()
}

// Restore asks for a backup file, then for an empty folder, and restores
// the backup into a new desk there (File › Restore…). The open desk is
// left as it is: the user opens the restored one with --db.
func Restore(win fyne.Window, open Opener) {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(err, win)
			return
		}
		if r == nil {
			return
		}
		file := r.URI().Path()
		r.Close()
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				showError(err, win)
				return
			}
			if dir == nil {
				return
			}
			RestoreTo(win, file, filepath.Join(dir.Path(), "copydesk-restored"), open, nil)
		}, win)
	}, win)
}

// RestoreTo restores the backup in file into a new desk in dir, which must
// not exist or be empty, then verifies it. A failed restore removes what
// it made.
func RestoreTo(win fyne.Window, file, dir string, open Opener, done func(backup.Summary, error)) {
	p := newProgress(win, i18n.Tf("Restoring %s", filepath.Base(file)))
	go func() {
		sum, err := restore(p, file, dir, open)
		fyne.Do(func() {
			p.close()
			if err != nil {
				showError(i18n.Errorf("restore failed: %w", err), win)
			} else {
				dialog.ShowInformation(i18n.T("Restore finished"), i18n.Tf(
					"%d articles and %d revisions restored and verified in\n%s\n\nOpen it with: copydesk --db %q",
					sum.Articles, sum.Revisions, dir, dir), win)
			}
			if done != nil {
				done(sum, err)
			}
		})
	}()
}

func restore(p *progress, file, dir string, open Opener) (backup.Summary, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return backup.Summary{}, i18n.Errorf("%s is not empty: choose another folder", dir)
	}
	return backup.RestoreDir(p.ctx, file, dir, func(dir string) (storage.Store, error) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
		return open(dir)
	}, func(done, total int) {
		p.report(done, total, i18n.N("%d of %d articles", total, done, total))
	})
}
