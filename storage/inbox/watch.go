package inbox

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settle is how long a file must be left alone before it is read: feed
// software writes a file in pieces, and fsnotify tells of the first.
const settle = 250 * time.Millisecond

// Watch imports what is in the inbox now, then each file dropped there
// once it has been left alone for a moment, until ctx is done. report is
// told of every file (from Watch's goroutine: a window must hand it to its
// UI goroutine). A store error ends the watch; a bad file does not.
// Events can be lost (the kernel's queue overflows when thousands of files
// arrive at once): on an overflow, and every few seconds as a safety net,
// the folder is scanned whole.
func (in *Inbox) Watch(ctx context.Context, report func(Result)) error {
	if err := in.Prepare(); err != nil {
		return err
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("inbox: watching %s: %w", in.Dir, err)
	}
	defer w.Close()
	if err := w.Add(in.Dir); err != nil {
		return fmt.Errorf("inbox: watching %s: %w", in.Dir, err)
	}
	// A scan leaves files written in the last moment to their events: one
	// may be half written.
	scan := func() error {
		rs, err := in.scan(ctx, time.Now().Add(-settle))
		for _, r := range rs {
			report(r)
		}
		return err
	}
	if err := scan(); err != nil {
		return err
	}
	tick := time.NewTicker(settle)
	defer tick.Stop()
	sweep := time.NewTicker(5 * time.Second)
	defer sweep.Stop()
	waiting := map[string]time.Time{} // file → its last event
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if in.wants(ev) {
				waiting[ev.Name] = time.Now()
			}
		case _, ok := <-w.Errors:
			if !ok {
				return nil
			}
			// An overflow (or any watch error): look at everything.
			if err := scan(); err != nil {
				return err
			}
		case now := <-tick.C:
			if err := in.settled(ctx, waiting, now, report); err != nil {
				return err
			}
		case <-sweep.C:
			if len(waiting) == 0 {
				if err := scan(); err != nil {
					return err
				}
			}
		}
	}
}

// wants tells whether an event may mean a file to import: one written,
// created, renamed or touched directly in the inbox, and not a name the
// inbox skips.
func (in *Inbox) wants(ev fsnotify.Event) bool {
	if !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) && !ev.Has(fsnotify.Rename) && !ev.Has(fsnotify.Chmod) {
		return false
	}
	return filepath.Dir(ev.Name) == filepath.Clean(in.Dir) && !skipName(filepath.Base(ev.Name))
}

// settled imports the waiting files left alone for settle, oldest first.
func (in *Inbox) settled(ctx context.Context, waiting map[string]time.Time, now time.Time, report func(Result)) error {
	files, err := in.Pending()
	if err != nil {
		return err
	}
	for _, f := range files {
		last, ok := waiting[f]
		if !ok || now.Sub(last) < settle {
			continue
		}
		delete(waiting, f)
		r, err := in.Import(ctx, f)
		if err != nil {
			return err
		}
		if !r.empty() {
			report(r)
		}
	}
	// Names that are gone (moved away, deleted) stop waiting.
	for f, last := range waiting {
		if now.Sub(last) > time.Minute {
			delete(waiting, f)
		}
	}
	return nil
}
