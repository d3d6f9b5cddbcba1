package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

func waitStore(t *testing.T, ch <-chan storage.Store) storage.Store {
	t.Helper()
	select {
	case s := <-ch:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("the gate did not open the desk")
		return nil
	}
}

func inLine(work func() (storage.Store, error), apply func(storage.Store, error)) {
	apply(work())
}

func TestGateUnlock(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	tries := 0
	unlock := func(pass []byte) (storage.Store, error) {
		tries++
		if string(pass) != "correct horse battery" {
			return nil, errors.New("wrong passphrase for database " + dir)
		}
		return badgerstore.Open(dir, badgerstore.Options{})
	}
	opened := make(chan storage.Store, 1)
	g := newGate(a, dir, Gate{Unlock: unlock}, func(s storage.Store) { opened <- s }, inLine)

	test.Tap(g.open) // empty: refused without trying
	if tries != 0 || !strings.Contains(g.problem.Text, "Enter the passphrase") {
		t.Errorf("empty passphrase: %d tries, %q", tries, g.problem.Text)
	}
	test.Type(g.pass, "wrong one")
	test.Tap(g.open)
	if tries != 1 || !strings.HasPrefix(g.problem.Text, "Wrong passphrase") {
		t.Errorf("wrong passphrase: %d tries, %q", tries, g.problem.Text)
	}
	g.pass.SetText("")
	test.Type(g.pass, "correct horse battery")
	g.pass.OnSubmitted(g.pass.Text) // Return in the field
	s := waitStore(t, opened)
	defer s.Close()
	if g.problem.Text != "" {
		t.Errorf("after unlocking: %q", g.problem.Text)
	}
}

func TestGateFirstRun(t *testing.T) {
	tests := []struct {
		name          string
		encrypt       bool
		pass, again   string
		wantPass      string
		wantProblem   string
		wantCreateRun bool
	}{
		{"plain desk", false, "", "", "", "", true},
		{"encrypted", true, "a long enough phrase", "a long enough phrase", "a long enough phrase", "", true},
		{"too short", true, "short", "short", "", "at least 10 characters", false},
		{"mismatch", true, "a long enough phrase", "a long enough phrasE", "", "differ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			var got []byte
			ran := false
			create := func(pass []byte) (storage.Store, error) {
				ran, got = true, pass
				return badgerstore.Open(t.TempDir(), badgerstore.Options{})
			}
			opened := make(chan storage.Store, 1)
			g := newGate(a, "/somewhere/new", Gate{Create: create}, func(s storage.Store) { opened <- s }, inLine)
			if tt.encrypt {
				test.Tap(g.encrypt)
				test.Type(g.pass, tt.pass)
				test.Type(g.again, tt.again)
			}
			test.Tap(g.open)
			if tt.wantCreateRun {
				s := waitStore(t, opened)
				defer s.Close()
			}
			if ran != tt.wantCreateRun || string(got) != tt.wantPass || (tt.wantPass == "" && got != nil) {
				t.Errorf("create ran %v with %q; want %v with %q", ran, got, tt.wantCreateRun, tt.wantPass)
			}
			if !strings.Contains(g.problem.Text, tt.wantProblem) {
				t.Errorf("problem %q, want %q", g.problem.Text, tt.wantProblem)
			}
		})
	}
}
