package app

import (
	"log/slog"
	"time"

	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/app/session"
	"copydesk/storage"
)

// Live updates, for a store that reports every desk's changes
// (storage.Watcher): the library and the History tab show other desks'
// saves, a read-only story follows its holder's draft, and a lock taken
// from this desk is noticed at once rather than at the next heartbeat.

// DefaultLiveDelay is how long changes are gathered before the window
// shows them: twenty autosaves a second from other desks then cost the
// window five refreshes, and a save still shows well within a second.
const DefaultLiveDelay = 200 * time.Millisecond

// startWatch starts watching the store; the watch ends when the window
// closes. A watch that cannot start leaves the window as it would be on
// a store of its own, and says so.
func (w *Window) startWatch() {
	s := w.shared
	ch, err := s.Watcher.Watch(s.Context())
	if err != nil {
		w.status.setText(i18n.T("Other desks' changes will not show until you reopen the window: ") + field.OneLine(err))
		slog.Error("shown in the status bar: no live changes", "err", err)
		return
	}
	go func() {
		for c := range ch {
			w.noteChange(c)
		}
	}()
}

// noteChange adds c to the batch and schedules its flush, on the watch's
// goroutine. Changes this desk made are dropped here: the window knows them.
func (w *Window) noteChange(c storage.Change) {
	if w.shared.Mine(c) {
		return
	}
	if w.shared.Live.Add(c) {
		time.AfterFunc(w.cfg.liveDelay, w.flushChanges)
	}
}

// flushChanges hands the gathered changes to the UI goroutine.
func (w *Window) flushChanges() {
	batch := w.shared.Live.Take()
	if len(batch) > 0 && w.shared.Context().Err() == nil {
		w.cfg.do(func() { w.applyChanges(batch) })
	}
}

// applyChanges shows other desks' changes, on the UI goroutine.
func (w *Window) applyChanges(batch []storage.Change) {
	if w.closing {
		return
	}
	id := ""
	if w.doc != nil && w.doc.IsStored() {
		id = w.doc.ID
	}
	cs := session.Sum(batch, id)
	if !cs.Any {
		return
	}
	w.lib.ReloadLive()
	if !cs.Open {
		return
	}
	// Comments are store settings, of which a watch says nothing: the
	// margin reads them again whenever another desk changes the story.
	w.margin.reload()
	if cs.Revisions {
		w.reloadHistory()
	}
	switch {
	case !w.locks():
	case w.heldBy != nil:
		if cs.Copy {
			w.followDraft(w.doc)
		}
		if cs.Lock {
			w.checkHolder(w.doc)
		}
	default:
		// Another desk wrote to the story this desk is editing: the lock
		// may be theirs now. Asking renews it when it is still ours.
		w.checkLock(w.doc)
	}
}

// reloadHistory shows the open story's revisions again, when the History
// tab is shown.
func (w *Window) reloadHistory() {
	if w.history == nil || !w.historyShown() {
		return
	}
	if v, ok := w.history.(Reloader); ok {
		v.Reload()
		return
	}
	w.loadView(w.history)
}

// followDraft reads doc's draft again and shows it, while another desk
// holds it: the reader follows the writer.
func (w *Window) followDraft(doc *session.Document) {
	w.bg.Add(1)
	go func() {
		defer w.bg.Done()
		d, err := w.store.Draft(w.ctx, doc.ID)
		w.cfg.do(func() {
			if err != nil || w.doc == nil || w.doc.ID != doc.ID || w.heldBy == nil || w.closing {
				return
			}
			w.follow(d)
		})
	}()
}
