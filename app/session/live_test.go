package session

import (
	"strings"
	"testing"

	"copydesk/storage"
)

// What a batch of changes means for the open story.
func TestChangeSet(t *testing.T) {
	const open = "open"
	tests := []struct {
		name  string
		batch []storage.Change
		want  ChangeSet
	}{
		{"another story", []storage.Change{{ArticleID: "x", Kind: storage.ChangeRevision}}, ChangeSet{Any: true}},
		{"autosave", []storage.Change{{ArticleID: open, Kind: storage.ChangeDraft}}, ChangeSet{Any: true, Open: true, Copy: true}},
		{"revision", []storage.Change{{ArticleID: open, Kind: storage.ChangeRevision}}, ChangeSet{Any: true, Open: true, Revisions: true, Copy: true}},
		{"label", []storage.Change{{ArticleID: open, Kind: storage.ChangeLabel}}, ChangeSet{Any: true, Open: true, Revisions: true}},
		{"lock", []storage.Change{{ArticleID: open, Kind: storage.ChangeLock}}, ChangeSet{Any: true, Open: true, Lock: true}},
		{"comment", []storage.Change{{ArticleID: open, Kind: storage.ChangeComment}}, ChangeSet{Any: true, Open: true}},
		{"reconnected", []storage.Change{{}}, ChangeSet{Any: true, Open: true, Revisions: true, Copy: true, Lock: true}},
		{"burst", []storage.Change{
			{ArticleID: open, Kind: storage.ChangeDraft}, {ArticleID: open, Kind: storage.ChangeDraft},
			{ArticleID: "x", Kind: storage.ChangeCreate}, {ArticleID: open, Kind: storage.ChangeLock},
		}, ChangeSet{Any: true, Open: true, Copy: true, Lock: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sum(tt.batch, open); got != tt.want {
				t.Errorf("sum = %+v, want %+v", got, tt.want)
			}
		})
	}
	if got := Sum([]storage.Change{{}}, ""); got != (ChangeSet{Any: true}) {
		t.Errorf("reconnect with no story open: %+v", got)
	}
}

func TestDeskIdentity(t *testing.T) {
	h := DeskHolder(storage.Holder{}, "Olga Ivanova", nil)
	if h.Name != "Olga Ivanova" || strings.Count(h.Desk, "/") != 2 {
		t.Errorf("holder %+v", h)
	}
	if other := DeskHolder(storage.Holder{}, "Olga Ivanova", nil); other.Desk == h.Desk {
		t.Error("two windows got the same desk ID")
	}
	if kept := DeskHolder(anna, "someone else", nil); kept != anna {
		t.Errorf("a configured holder was changed: %+v", kept)
	}
	if signed := DeskHolder(storage.Holder{}, "Olga Ivanova", signingStore{}); signed.Desk != "newsroom/1/abcd" {
		t.Errorf("the store's desk ID was not taken: %+v", signed)
	}
}

// signingStore is a store that signs its changes with a desk ID.
type signingStore struct{ storage.Store }

func (signingStore) Desk() string { return "newsroom/1/abcd" }

var anna = storage.Holder{Name: "Anna Petrova", Desk: "desk/anna/1"}

// A burst of changes arms one flush; taking them disarms it.
func TestBatchArmsOnce(t *testing.T) {
	var b Batch
	arms := 0
	for range 20 {
		if b.Add(storage.Change{ArticleID: "x", Kind: storage.ChangeDraft}) {
			arms++
		}
	}
	if n, armed := b.Pending(); arms != 1 || n != 20 || !armed {
		t.Fatalf("20 changes armed %d flushes; %d pending, armed %v", arms, n, armed)
	}
	if got := len(b.Take()); got != 20 {
		t.Errorf("took %d changes", got)
	}
	if n, armed := b.Pending(); n != 0 || armed {
		t.Errorf("after Take: %d pending, armed %v", n, armed)
	}
	if !b.Add(storage.Change{ArticleID: "x"}) {
		t.Error("the first change after a flush did not arm the next")
	}
}
