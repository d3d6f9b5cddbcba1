package storage

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// What a store shared by several desks adds to Store: article locks
// (Locker) and live updates (Watcher). The embedded Badger store is one
// desk's alone and implements neither; the window and the CLI ask for them
// with a type assertion.

// Lock timing. A desk renews its locks every LockHeartbeat; a lock not
// renewed for LockTTL belongs to a desk that vanished (crash, network
// gone, laptop shut) and may be taken without asking.
const (
	LockHeartbeat = 10 * time.Second
	LockTTL       = 45 * time.Second
)

// Holder is who edits: the person and the running Copydesk ("desk") they
// sit at. One person may have two desks open; each holds its own locks.
type Holder struct {
	Name string `json:"name"` // as the desk's author name: "Anna Petrova"
	Desk string `json:"desk"` // unique per running program: host/pid/random
}

// Lock is a desk's claim to edit one article.
type Lock struct {
	ArticleID string    `json:"article_id"`
	Holder    Holder    `json:"holder"`
	Since     time.Time `json:"since"` // when it was taken
	Seen      time.Time `json:"seen"`  // the holder's last heartbeat
}

// Live reports whether the lock's holder was seen within LockTTL of now.
func (l Lock) Live(now time.Time) bool { return now.Sub(l.Seen) < LockTTL }

// ErrHeld: another desk is editing the article.
var ErrHeld = errors.New("the story is being edited at another desk")

// HeldError says who holds an article. errors.Is(err, ErrHeld) holds.
type HeldError struct {
	Lock Lock
}

func (e *HeldError) Error() string {
	return fmt.Sprintf("being edited by %s since %s", e.Lock.Holder.Name, e.Lock.Since.Local().Format("15:04"))
}

// Is makes errors.Is(err, ErrHeld) true.
func (e *HeldError) Is(target error) bool { return target == ErrHeld }

// Locker is implemented by stores several desks share.
type Locker interface {
	// Acquire takes the lock on article id for h, or renews it when h
	// already holds it. A lock held by another desk that is still live
	// gives a *HeldError; an expired one is taken over silently (its
	// stored draft is kept as TakeOver keeps it).
	Acquire(ctx context.Context, id string, h Holder) (Lock, error)

	// TakeOver takes the lock from whoever holds it, after the user
	// confirmed. If the stored draft has changes that are in no revision,
	// they are first kept as a checkpoint revision by the previous holder
	// (label "kept at take-over by NAME"), so nothing is lost. It returns
	// the new lock.
	TakeOver(ctx context.Context, id string, h Holder) (Lock, error)

	// Release gives up h's lock on id; a lock h does not hold is left
	// alone and is no error.
	Release(ctx context.Context, id string, h Holder) error

	// Heartbeat renews every lock h.Desk holds and returns the IDs of the
	// articles it still holds, so a desk learns which it lost.
	Heartbeat(ctx context.Context, h Holder) ([]string, error)

	// LockOf returns the live lock on id; ok is false when nobody holds
	// it (or the holder's lock expired).
	LockOf(ctx context.Context, id string) (l Lock, ok bool, err error)

	// Locks returns every live lock, for the library to mark the stories
	// being edited. There are as many as there are people editing.
	Locks(ctx context.Context) ([]Lock, error)
}

// ChangeKind says what another desk changed.
type ChangeKind string

// The kinds of change a Watcher reports.
const (
	ChangeRevision ChangeKind = "revision" // a new revision (and draft)
	ChangeDraft    ChangeKind = "draft"    // an autosave
	ChangeLabel    ChangeKind = "label"    // a revision's label
	ChangeLock     ChangeKind = "lock"     // taken, taken over or released
	ChangeCreate   ChangeKind = "create"   // a new article
	ChangeComment  ChangeKind = "comment"  // a comment added, replied to, resolved or reopened
)

// CommentSettingPrefix starts the names of the settings that hold
// comments (storage/notes): "comment/ARTICLE-ID/COMMENT-ID". A shared store
// reports the writing of one as a ChangeComment of that article, so that
// other desks show the comment at once.
const CommentSettingPrefix = "comment/"

// CommentSettingArticle is the article a comment setting's name belongs
// to; ok is false for any other setting.
func CommentSettingArticle(name string) (id string, ok bool) {
	rest, ok := strings.CutPrefix(name, CommentSettingPrefix)
	if !ok {
		return "", false
	}
	id, _, ok = strings.Cut(rest, "/")
	return id, ok && id != ""
}

// Change is one change made by some desk.
type Change struct {
	ArticleID string     `json:"article_id"`
	Kind      ChangeKind `json:"kind"`
	Seq       uint64     `json:"seq,omitempty"`     // the newest revision, where known
	Version   uint64     `json:"version,omitempty"` // the draft's version, where known
	Desk      string     `json:"desk,omitempty"`    // the desk that made it, where known
}

// Watcher is implemented by stores several desks share.
type Watcher interface {
	// Watch delivers every change made through any desk, this one's
	// included, from the moment it returns until ctx ends; then the
	// channel is closed. A watcher that lost its connection reconnects
	// and sends a Change with an empty ArticleID, meaning "reload all":
	// changes may have been missed meanwhile.
	Watch(ctx context.Context) (<-chan Change, error)
}

// Signer is implemented by shared stores that sign every Change they send
// with the ID of the desk that opened them. A window holds its locks under
// the same ID, so it can tell its own changes from other desks'.
type Signer interface {
	Desk() string
}

// NewDeskID names a running program among the desks: host, process and a
// random part (the pid alone repeats across machines and restarts).
func NewDeskID() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown-host"
	}
	var r [4]byte
	_, _ = rand.Read(r[:])
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(r[:]))
}
