package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fstorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/editor/testfixture"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

func TestSwitchAndCloseMakeCheckpoints(t *testing.T) {
	h := newHarness(t)
	first := h.openFixture(t)
	second := fixtureArticle(t)
	second.ID = editor.NewID()
	second.Headline = "Second story"
	h.put(t, second)
	w := h.w
	test.Type(w.pane.headline, " (edited)")
	if err := w.Open(second.ID); err != nil {
		t.Fatal(err)
	}
	settle(w)
	revs := h.revisions(t, first)
	if last := revs[len(revs)-1]; last.Kind != storage.KindCheckpoint {
		t.Fatalf("switching made %+v", last)
	}
	if a, _, _ := h.store.Revision(context.Background(), first, uint64(len(revs))); !strings.Contains(a.Headline, " (edited)") {
		t.Errorf("checkpoint headline %q", a.Headline)
	}
	// Switching without changes makes nothing.
	if err := w.Open(first); err != nil {
		t.Fatal(err)
	}
	settle(w)
	if n := len(h.revisions(t, second.ID)); n != 1 {
		t.Errorf("switching away from an unchanged story made a revision (%d)", n)
	}
	// Closing with changes.
	w.pane.body.FocusBlock(0, 0)
	typeRunes(w, "UPDATE ")
	w.requestClose()
	revs = h.revisions(t, first)
	last := revs[len(revs)-1]
	a, _, _ := h.store.Revision(context.Background(), first, last.Seq)
	if last.Kind != storage.KindCheckpoint || !strings.HasPrefix(a.Body, "UPDATE ") {
		t.Errorf("closing made %+v with body %q", last, a.Body[:20])
	}
}

func TestSelectedIDs(t *testing.T) {
	h := newHarness(t)
	var ids []string
	for i := 0; i < 3; i++ {
		a := fixtureArticle(t)
		a.ID = editor.NewID()
		a.Modified = a.Modified.Add(time.Duration(i) * 60e9)
		ids = append(ids, h.put(t, a))
	}
	w := h.w
	if got := w.SelectedIDs(); len(got) != 0 {
		t.Errorf("nothing open or ticked, SelectedIDs %v", got)
	}
	w.lib.List.Select(0)
	if got := w.SelectedIDs(); len(got) != 1 || got[0] != ids[2] {
		t.Errorf("newest first: open %v, want %s", got, ids[2])
	}
	// Tick two rows.
	for _, i := range []int{0, 2} {
		w.lib.Selected[w.lib.Rows[i].ID] = true
	}
	got := w.SelectedIDs()
	if len(got) != 2 || got[0] != ids[2] || got[1] != ids[0] {
		t.Errorf("ticked: %v", got)
	}
	w.lib.Search.SetText("no such words")
	settle(w) // the search runs off the UI goroutine
	if len(w.lib.Rows) != 0 || w.lib.Count.Text != "0 stories" {
		t.Errorf("search: %d rows, %q", len(w.lib.Rows), w.lib.Count.Text)
	}
}

func TestImportFile(t *testing.T) {
	h := newHarness(t)
	id, err := h.w.ImportFile(testfixture.Path(t, testfixture.TASS))
	if err != nil {
		t.Fatal(err)
	}
	revs := h.revisions(t, id)
	if len(revs) != 1 || revs[0].Kind != storage.KindImport {
		t.Errorf("revisions %+v", revs)
	}
	if h.w.doc == nil || h.w.doc.Base.ID != id || len(h.w.lib.Rows) != 1 {
		t.Error("the imported story is not open and listed")
	}
	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte{0xff, 0xfe, 0}, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := h.w.ImportFile(bad); err == nil || !strings.Contains(err.Error(), "bad.txt") {
		t.Errorf("bad file: %v", err)
	}
	// The command line's bounds hold in the window: a named pipe and a
	// device are refused before a byte is read (a pipe with no writer
	// used to block the window; /dev/zero to fill the memory).
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{fifo: "named pipe", "/dev/zero": "device"} {
		if _, err := h.w.ImportFile(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want it refused as a %s", path, err, want)
		}
	}
	if f := (importFilter{fstorage.NewExtensionFileFilter([]string{".txt"})}); f.Matches(fstorage.NewFileURI(fifo)) || !f.Matches(fstorage.NewFileURI(bad)) {
		t.Error("the import dialog offers a named pipe, or not a file")
	}
}

func TestStaleDraftKeepsBothCopies(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	w := h.w
	// Someone else writes the draft while the window has it open.
	d := h.draft(t, id)
	theirs := d.Article.Clone()
	theirs.Standfirst = "Their standfirst."
	if _, err := h.store.SaveDraft(context.Background(), theirs, d.Version); err != nil {
		t.Fatal(err)
	}
	test.Type(w.pane.headline, " (ours)")
	h.timer.fire(t, w)
	revs := h.revisions(t, id)
	kept, _, err := h.store.Revision(context.Background(), id, revs[len(revs)-1].Seq)
	if err != nil || kept.Standfirst != "Their standfirst." {
		t.Fatalf("their copy was not kept: %v %q", err, kept.Standfirst)
	}
	if got := h.draft(t, id).Article.Headline; !strings.Contains(got, " (ours)") {
		t.Errorf("our copy is not the draft: %q", got)
	}
	if !strings.Contains(overlayText(w.win.Canvas()), "changed elsewhere") {
		t.Error("nobody was told")
	}
}

func TestSecondOpenIsRefusedWithPathAndPID(t *testing.T) {
	dir := t.TempDir()
	s, err := badgerstore.Open(dir, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = badgerstore.Open(dir, badgerstore.Options{})
	var locked *storage.LockedError
	if !errors.Is(err, storage.ErrLocked) || !errors.As(err, &locked) {
		t.Fatalf("second open: %v", err)
	}
	a := test.NewTempApp(t)
	w := newFatalWindow(a, "Copydesk is already open", err)
	defer w.Close()
	text := overlayText(w.Canvas())
	if !strings.Contains(text, dir) || !strings.Contains(text, "pid ") {
		t.Errorf("the dialog does not name the database and the pid:\n%s", text)
	}
}

func TestSettingsAndLayoutRemembered(t *testing.T) {
	h := newHarness(t)
	w := h.w
	w.settings.SetName("Olga Ivanova")
	w.leftSplit.SetOffset(0.3)
	w.win.Resize(fyne.NewSize(1000, 700))
	w.requestClose()
	s := NewSettings(h.w.app.Preferences(), "", "")
	if s.Name() != "Olga Ivanova" {
		t.Errorf("name %q", s.Name())
	}
	if l, _ := s.Splits(); l < 0.29 || l > 0.31 {
		t.Errorf("library split %v", l)
	}
	if sz := s.WindowSize(); sz.Width != 1000 || sz.Height != 700 {
		t.Errorf("window size %v", sz)
	}
	for _, th := range []string{ThemeDark, ThemeLight, ThemeSystem} {
		w.setTheme(th)
		if s.Theme() != th {
			t.Errorf("theme %q, want %q", s.Theme(), th)
		}
	}
}

// The GLFW driver quits on SIGTERM by itself, without the close intercept:
// finish keeps the changes as a checkpoint once the event loop has ended.
func TestFinishAfterDriverQuit(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	w := h.w
	w.pane.body.FocusBlock(0, 0)
	typeRunes(w, "LATE ")
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	revs := h.revisions(t, id)
	last := revs[len(revs)-1]
	a, _, err := h.store.Revision(context.Background(), id, last.Seq)
	if err != nil || last.Kind != storage.KindCheckpoint || !strings.HasPrefix(a.Body, "LATE ") {
		t.Fatalf("after finish: %+v %v", last, err)
	}
	if err := w.finish(); err != nil || len(h.revisions(t, id)) != len(revs) {
		t.Error("a second finish made another revision")
	}
	w.closing = false // let the harness close the window
}

func TestNewStoryWithoutHeadlineAsksBeforeItIsLost(t *testing.T) {
	h := newHarness(t)
	w := h.w
	press(w, ctrl(fyne.KeyN))
	first := w.doc
	if !w.lib.Spike.Disabled() {
		t.Error("Spike is offered for a story that is not stored")
	}
	w.pane.body.FocusBlock(0, 0)
	typeRunes(w, "Copy without a headline.")
	press(w, ctrl(fyne.KeyN))
	c := w.win.Canvas()
	if !strings.Contains(overlayText(c), "no headline") {
		t.Fatalf("no question before losing the copy: %q", overlayText(c))
	}
	test.Tap(findButton(c, "No"))
	if w.doc != first || w.pane.body.Body() != "Copy without a headline." {
		t.Fatal("No lost the story")
	}
	press(w, ctrl(fyne.KeyN))
	test.Tap(findButton(c, "Yes"))
	if w.doc == first || w.pane.body.Body() != "" {
		t.Error("Yes did not start a new story")
	}
	settle(w)
	if rows, _, _ := h.store.List(context.Background(), storage.Query{}); len(rows) != 0 {
		t.Errorf("a story without a headline was stored: %v", rows)
	}
}

func TestSaveWithoutChanges(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	w := h.w
	press(w, ctrl(fyne.KeyS))
	settle(w)
	if n := len(h.revisions(t, id)); n != 1 || !strings.HasPrefix(w.status.state.Text, "No changes since revision 1") {
		t.Fatalf("Ctrl+S without changes: %d revisions, %q", n, w.status.state.Text)
	}
	w.SaveRevision("as filed")
	settle(w)
	revs := h.revisions(t, id)
	if len(revs) != 1 || revs[0].Label != "as filed" {
		t.Errorf("a label without changes: %+v", revs)
	}
}

// TestFileDialogsOpen: File › Import… and the one-story export open their
// file dialogs (Fyne 2.8.1 crashes when a FileDialog is resized before it
// is shown: Ctrl+O took the window down).
func TestFileDialogsOpen(t *testing.T) {
	h := newHarness(t)
	h.openFixture(t)
	for name, open := range map[string]func(){"import": h.w.importDialog, "export": h.w.exportDialog} {
		open()
		if h.w.win.Canvas().Overlays().Top() == nil {
			t.Errorf("%s: no dialog shown", name)
		}
		h.w.win.Canvas().Overlays().Top().Hide()
	}
}

// A file of several stories (a ninjs list) imports each of them in the
// window, as on the command line, and opens the first: before, the window
// refused the file ("holds 2 stories") or kept only the first.
func TestImportFileOfSeveralStories(t *testing.T) {
	h := newHarness(t)
	list := `{"total": 2, "item": [
	  {"uri": "urn:a", "headline": "First story headline", "body_text": "MOSCOW, March 3. /TASS/. One."},
	  {"uri": "urn:b", "headline": "Second story headline", "body_text": "MOSCOW, March 3. /TASS/. Two."}]}`
	file := filepath.Join(t.TempDir(), "list.json")
	if err := os.WriteFile(file, []byte(list), 0o600); err != nil {
		t.Fatal(err)
	}
	id, err := h.w.ImportFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.w.lib.Rows) != 2 {
		t.Errorf("the library lists %d stories, want 2", len(h.w.lib.Rows))
	}
	if h.w.doc == nil || h.w.doc.Base.ID != id || h.w.doc.Base.Headline != "First story headline" {
		t.Error("the first story is not the one open")
	}
}
