package app

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/app/escape"
	"copydesk/editor"
	"copydesk/editor/outputs/transmit"
	"copydesk/storage"
	"copydesk/storage/record"
)

// noWait is the retry schedule of the tests: two attempts, no waiting.
var noWait = transmit.Policy{Attempts: 2, Wait: time.Second,
	Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }}

func newSendHarness(t *testing.T) *harness {
	return newHarnessOn(t, test.NewTempApp(t), t.TempDir(), Extensions{}, func(c *Config) { c.sendPolicy = &noWait })
}

// overlayWidgets are the widgets of type T in the top dialog, in order.
func overlayWidgets[T fyne.CanvasObject](c fyne.Canvas) []T {
	var out []T
	if top := c.Overlays().Top(); top != nil {
		walk(top, func(o fyne.CanvasObject) {
			if x, ok := o.(T); ok {
				out = append(out, x)
			}
		})
	}
	return out
}

// sendVia fills File › Send… with profile and target and presses Send.
func sendVia(t *testing.T, h *harness, profile, target string) {
	t.Helper()
	c := h.w.win.Canvas()
	h.w.sendDialog()
	settle(h.w) // the profiles are read off the UI goroutine
	sels := overlayWidgets[*escape.Select](c)
	entries := overlayWidgets[*escape.SelectEntry](c)
	if len(sels) != 1 || len(entries) != 1 {
		t.Fatalf("send dialog: %d selects, %d target entries", len(sels), len(entries))
	}
	sels[0].SetSelected(profile)
	entries[0].SetText(target)
	test.Tap(findButton(c, "Send"))
}

// received is an HTTP target on loopback that fails the first fail
// requests with 503 and keeps the body of the one it accepts.
type received struct {
	mu    sync.Mutex
	fail  int
	calls int
	body  []byte
	hold  chan struct{} // when set, the first request waits for it
}

func (r *received) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	data, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	r.calls++
	n, hold := r.calls, r.hold
	r.mu.Unlock()
	if n == 1 && hold != nil {
		<-hold
	}
	if n <= r.fail {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	r.mu.Lock()
	r.body = data
	r.mu.Unlock()
	w.WriteHeader(http.StatusCreated)
}

// TestSendRecordsWhatTheTargetGot: File › Send… to a hot folder and to
// HTTP targets that answer, recover or keep failing. The record holds the
// exact bytes the target got, every attempt, and the status bar says where
// the story went or that it failed.
func TestSendRecordsWhatTheTargetGot(t *testing.T) {
	for _, c := range []struct {
		name     string
		folder   bool
		fail     int // HTTP answers 503 this many times first
		attempts int
		ok       bool
	}{
		{name: "hot folder", folder: true, attempts: 1, ok: true},
		{name: "http", attempts: 1, ok: true},
		{name: "http recovers", fail: 1, attempts: 2, ok: true},
		{name: "http keeps failing", fail: 5, attempts: 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newSendHarness(t)
			id := h.openFixture(t)
			srv := &received{fail: c.fail}
			target := t.TempDir()
			if !c.folder {
				ts := httptest.NewServer(srv)
				defer ts.Close()
				target = ts.URL + "/in"
			}
			sendVia(t, h, "story", target)
			settle(h.w)
			all, err := record.Transmissions(context.Background(), h.store, id)
			if err != nil || len(all) != 1 {
				t.Fatalf("%d transmissions recorded, %v", len(all), err)
			}
			tr := all[0]
			if len(tr.Attempts) != c.attempts || tr.OK() != c.ok {
				t.Errorf("recorded %d attempts, ok %v (%s); want %d, %v", len(tr.Attempts), tr.OK(), tr.Error, c.attempts, c.ok)
			}
			var got []byte
			if c.folder {
				got, err = os.ReadFile(tr.File)
				if err != nil || filepath.Dir(tr.File) != target {
					t.Fatalf("file %s: %v", tr.File, err)
				}
			} else {
				got = srv.body
			}
			if c.ok && (!bytes.Equal(got, tr.Bytes) || len(got) == 0) {
				t.Errorf("the target got %d bytes, the record holds %d others", len(got), len(tr.Bytes))
			}
			status := h.w.status.state.Text
			want := "Sent to "
			if !c.ok {
				want = "failed: "
			}
			if !strings.Contains(status, want) || !strings.Contains(status, "recorded as revision") {
				t.Errorf("status bar %q, want %q and the revision", status, want)
			}
			if h.w.sends.running() || h.w.sends.content.Visible() != !c.ok {
				t.Errorf("after the send: running %v, the status bar's send line shown %v", h.w.sends.running(), h.w.sends.content.Visible())
			}
			if !c.ok {
				// The failure stays until dismissed: "Draft saved" soon
				// replaces the status bar's own line.
				if !strings.Contains(h.w.sends.label.Text, "failed: ") {
					t.Errorf("send line %q", h.w.sends.label.Text)
				}
				test.Tap(findButton(h.w.win.Canvas(), "Dismiss"))
				if h.w.sends.content.Visible() {
					t.Error("Dismiss left the failure shown")
				}
			}
			if got := h.w.settings.SendTargets(); len(got) != 1 || got[0] != strings.TrimSuffix(target, "/") {
				t.Errorf("remembered targets %q", got)
			}
		})
	}
}

// TestFailingSendDoesNotBlock: while a target keeps the send waiting, no
// dialog is up, the status bar shows the send and the story takes typing;
// Cancel stops the retries and the attempt is still on record.
func TestFailingSendDoesNotBlock(t *testing.T) {
	h := newSendHarness(t)
	id := h.openFixture(t)
	srv := &received{fail: 5, hold: make(chan struct{})}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	sendVia(t, h, "story", ts.URL)
	c := h.w.win.Canvas()
	if c.Overlays().Top() != nil || !h.w.sends.content.Visible() || !strings.Contains(h.w.sends.label.Text, "Sending to ") {
		t.Fatalf("while sending: overlay %v, progress %q", c.Overlays().Top(), h.w.sends.label.Text)
	}
	c.Focus(h.w.pane.headline)
	typeRunes(h.w, "Urgent: ")
	if !h.w.dirty {
		t.Error("typing during a send did not edit the story")
	}
	// The autosave falls due while the send is in flight: it writes the
	// typing, so a crash during the retries loses none of it. (settle
	// would wait for the send too: run the UI work until the save lands.)
	h.timer.pending()
	for deadline := time.After(10 * time.Second); h.w.dirty; {
		select {
		case f := <-uiQueue(h.w):
			f()
		case <-deadline:
			t.Fatal("the autosave during the send never landed")
		}
	}
	if h.w.dirty || !strings.HasPrefix(h.draft(t, id).Article.Headline, "Urgent: ") {
		t.Errorf("an autosave during the send: dirty %v, draft headline %q", h.w.dirty, h.draft(t, id).Article.Headline)
	}
	test.Tap(findButton(c, "Cancel send"))
	close(srv.hold)
	settle(h.w)
	if s := h.w.status.state.Text; !strings.Contains(s, "cancelled") && !strings.Contains(s, "failed") {
		t.Errorf("status bar %q", s)
	}
	// Recorded, the send keeps the copy it tried as a revision and the
	// typing as the draft; typing on saves with nothing kept as "changed
	// elsewhere".
	if got := h.draft(t, id).Article.Headline; !strings.HasPrefix(got, "Urgent: ") {
		t.Errorf("after the send the draft headline is %q", got)
	}
	c.Focus(h.w.pane.headline)
	typeRunes(h.w, "Now: ")
	h.timer.fire(t, h.w)
	if h.w.dirty || !strings.Contains(h.draft(t, id).Article.Headline, "Now: ") {
		t.Errorf("typing after the send: dirty %v, draft headline %q", h.w.dirty, h.draft(t, id).Article.Headline)
	}
	for _, r := range h.revisions(t, id) {
		if r.Kind == storage.KindCheckpoint {
			t.Errorf("revision %d kept: %q", r.Seq, r.Label)
		}
	}
	if c.Overlays().Top() != nil {
		t.Errorf("a dialog came up: %q", overlayText(c))
	}
	all, err := record.Transmissions(context.Background(), h.store, id)
	if err != nil || len(all) != 1 || all[0].OK() || len(all[0].Attempts) != 1 {
		t.Fatalf("recorded %+v, %v; want one failed attempt", all, err)
	}
	if !strings.HasPrefix(h.w.pane.headline.Text, "Urgent: ") {
		t.Errorf("the headline typed during the send is %q", h.w.pane.headline.Text)
	}
}

// TestKillSendsTheNoticeWhereTheStoryWent: Article › Kill files a kill
// revision, loads the killed story into the editor and sends the kill
// notice to the folder the story went to; an empty reason is refused in
// the dialog, naming the field.
func TestKillSendsTheNoticeWhereTheStoryWent(t *testing.T) {
	h := newSendHarness(t)
	id := h.openFixture(t)
	folder := t.TempDir()
	sendVia(t, h, "story", folder)
	settle(h.w)
	c := h.w.win.Canvas()
	kill := func(reason, note string) {
		t.Helper()
		h.w.actDialog(record.Kill)
		es := overlayWidgets[*escape.Entry](c)
		if len(es) != 2 {
			t.Fatalf("kill dialog has %d entries", len(es))
		}
		es[0].SetText(reason)
		es[1].SetText(note)
		test.Tap(findButton(c, "Kill"))
		settle(h.w)
	}
	kill("", "Kill this story: legally unsafe.")
	if c.Overlays().Top() == nil || !strings.Contains(h.w.status.state.Text, "Reason") {
		t.Fatalf("an empty reason: status %q, dialog shown again %v", h.w.status.state.Text, c.Overlays().Top() != nil)
	}
	key(h.w, fyne.KeyEscape)
	if n := len(c.Overlays().List()); n != 0 {
		t.Fatalf("%d dialogs left open", n)
	}
	kill("legal advice", "Kill this story: legally unsafe.")
	revs := h.revisions(t, id)
	kinds := map[storage.Kind]int{}
	for _, r := range revs {
		kinds[r.Kind]++
	}
	if kinds[storage.KindKill] != 1 {
		t.Fatalf("revisions %+v: want one kill; status %q, dialog %q", kinds, h.w.status.state.Text, overlayText(c))
	}
	all, err := record.Transmissions(context.Background(), h.store, id)
	if err != nil || len(all) != 2 || all[0].Notice != "kill" || !all[0].OK() {
		t.Fatalf("transmissions %+v, %v: want the kill notice newest", all, err)
	}
	got, err := os.ReadFile(all[0].File)
	if err != nil || !bytes.Equal(got, all[0].Bytes) || filepath.Dir(all[0].File) != folder {
		t.Fatalf("the notice in %s: %v", all[0].File, err)
	}
	if !bytes.Contains(got, []byte("legally unsafe")) {
		t.Errorf("the notice sent does not carry its note:\n%s", got)
	}
	if h.w.meta.StatusOf != editor.StatusSpiked || !h.w.Article().Killed() {
		t.Errorf("the editor shows %s, killed %v", h.w.meta.StatusOf, h.w.Article().Killed())
	}
	if s := h.w.status.state.Text; !strings.HasPrefix(s, "The kill notice to ") {
		t.Errorf("status bar %q", s)
	}
}

// TestEscapeClosesTheNewDialogs: Escape closes File › Send… and the
// Kill, Withhold and Correct dialogs, with the caret in their entry or
// with nothing focused.
func TestEscapeClosesTheNewDialogs(t *testing.T) {
	h := newSendHarness(t)
	h.openFixture(t)
	c := h.w.win.Canvas()
	open := map[string]func(){
		"send":     func() { h.w.sendDialog(); settle(h.w) },
		"kill":     func() { h.w.actDialog(record.Kill) },
		"withhold": func() { h.w.actDialog(record.Withhold) },
		"correct":  func() { h.w.actDialog(record.Correct) },
	}
	for name, show := range open {
		for _, focused := range []bool{true, false} {
			show()
			if c.Overlays().Top() == nil {
				t.Fatalf("%s: no dialog", name)
			}
			if focused {
				if c.Focused() == nil {
					t.Fatalf("%s: nothing focused in the dialog", name)
				}
				key(h.w, fyne.KeyEscape)
			} else {
				c.Unfocus()
				h.w.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			}
			if c.Overlays().Top() != nil {
				t.Errorf("%s (focused %v): Escape left the dialog open", name, focused)
				c.Overlays().Top().Hide()
			}
		}
	}
}

// TestActionsFileTheirKindAndSendTheirNotice: Withhold and Correct, as
// Kill above, file a revision of their kind and send their notice where
// the story went; Correct files the window's copy.
func TestActionsFileTheirKindAndSendTheirNotice(t *testing.T) {
	for _, c := range []struct {
		act    record.Action
		kind   storage.Kind
		notice string
		button string
	}{
		{record.Withhold, storage.KindWithhold, "withhold", "Withhold"},
		{record.Correct, storage.KindCorrection, "correction", "Correct"},
	} {
		t.Run(string(c.act), func(t *testing.T) {
			h := newSendHarness(t)
			id := h.openFixture(t)
			folder := t.TempDir()
			sendVia(t, h, "story", folder)
			settle(h.w)
			if c.act == record.Correct {
				h.w.win.Canvas().Focus(h.w.pane.headline)
				typeRunes(h.w, "Corrected: ")
			}
			cv := h.w.win.Canvas()
			h.w.actDialog(c.act)
			es := overlayWidgets[*escape.Entry](cv)
			es[0].SetText("a figure was wrong")
			es[1].SetText("An earlier version said 43,500. It is 45,300.")
			test.Tap(findButton(cv, c.button))
			settle(h.w)
			revs := h.revisions(t, id)
			var kinds []storage.Kind
			for _, r := range revs {
				kinds = append(kinds, r.Kind)
			}
			if !slices.Contains(kinds, c.kind) {
				t.Fatalf("revisions %v: no %s; status %q", kinds, c.kind, h.w.status.state.Text)
			}
			all, err := record.Transmissions(context.Background(), h.store, id)
			if err != nil || len(all) != 2 || all[0].Notice != c.notice || !all[0].OK() {
				t.Fatalf("transmissions %+v, %v", all, err)
			}
			got, err := os.ReadFile(all[0].File)
			if err != nil || !bytes.Equal(got, all[0].Bytes) {
				t.Fatalf("%s: %v", all[0].File, err)
			}
			if c.act == record.Correct && !bytes.Contains(got, []byte("Corrected: ")) {
				t.Error("the correction sent does not carry the window's copy")
			}
			if h.w.dirty {
				t.Error("the story shows unsaved changes after the action")
			}
		})
	}
}
