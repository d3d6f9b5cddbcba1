package inbox

import (
	"context"
	"sync"

	"copydesk/storage"
)

// Live runs an inbox beside a window: it wraps the desk's store so that
// the window, which refreshes its library on a store's live changes
// (storage.Watcher), shows each story the inbox imports within its live
// delay. Close stops the inbox before it closes the store.
type Live struct {
	storage.Store
	stop context.CancelFunc
	done chan struct{}
	mu   sync.Mutex
	subs []chan storage.Change
	// Err is the error the watch ended with, once Close has returned.
	Err error
}

// settingLister is backup.SettingLister (backup imports storage; the
// inbox must not import backup's dependencies into every window).
type settingLister interface {
	SettingNames(ctx context.Context) ([]string, error)
}

// liveLister is Live over a store that lists its settings: a backup made
// from the window keeps them.
type liveLister struct{ *Live }

func (l liveLister) SettingNames(ctx context.Context) ([]string, error) {
	return l.Store.(settingLister).SettingNames(ctx)
}

// StartLive starts watching dir for s and returns the store the window
// should use, and the Live that runs the watch. A store that already
// reports changes (a shared store) is not wrapped, so its locks and its
// own live updates stay as they are; the inbox still imports into it.
// report, when not nil, is told of every file too.
func StartLive(ctx context.Context, dir string, s storage.Store, author string, report func(Result)) (storage.Store, *Live) {
	ctx, stop := context.WithCancel(ctx)
	l := &Live{Store: s, stop: stop, done: make(chan struct{})}
	in := &Inbox{Dir: dir, Store: s, Author: author}
	go func() {
		defer close(l.done)
		l.Err = in.Watch(ctx, func(r Result) {
			l.publish(r)
			if report != nil {
				report(r)
			}
		})
	}()
	if _, shared := s.(storage.Watcher); shared {
		return closer{s, l}, l
	}
	if _, ok := s.(settingLister); ok {
		return liveLister{l}, l
	}
	return l, l
}

// closer is a shared store whose Close stops the inbox first.
type closer struct {
	storage.Store
	l *Live
}

func (c closer) Close() error { c.l.halt(); return c.Store.Close() }

// halt stops the watch and waits for it.
func (l *Live) halt() {
	l.stop()
	<-l.done
}

// Close stops the inbox, then closes the store.
func (l *Live) Close() error {
	l.halt()
	return l.Store.Close()
}

// Watch delivers the inbox's imports as changes until ctx ends.
func (l *Live) Watch(ctx context.Context) (<-chan storage.Change, error) {
	ch := make(chan storage.Change, 64)
	l.mu.Lock()
	l.subs = append(l.subs, ch)
	l.mu.Unlock()
	context.AfterFunc(ctx, func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		for i, c := range l.subs {
			if c == ch {
				l.subs = append(l.subs[:i], l.subs[i+1:]...)
				close(ch)
				return
			}
		}
	})
	return ch, nil
}

// publish sends r's stories to every watcher; a watcher that is behind
// gets "reload all" (an empty ArticleID) instead of a backlog.
func (l *Live) publish(r Result) {
	var cs []storage.Change
	for _, id := range r.Created {
		cs = append(cs, storage.Change{ArticleID: id, Kind: storage.ChangeCreate})
	}
	for _, id := range r.Revised {
		cs = append(cs, storage.Change{ArticleID: id, Kind: storage.ChangeRevision})
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, ch := range l.subs {
		for _, c := range cs {
			select {
			case ch <- c:
			default:
				select {
				case ch <- storage.Change{}:
				default:
				}
			}
		}
	}
}
