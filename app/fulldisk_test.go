package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestAutosaveOnFullDisk: when the disk fills under an open window, the
// autosave says so in the status bar ("Not saved: no space: …") and the
// text stays in the window; the store's free-space guard refuses the
// write before Badger's memory-mapped files could take SIGBUS. Needs
// root, to mount a small tmpfs.
func TestAutosaveOnFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root: the full disk is not tested")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s): the full disk is not tested", err, out)
	}
	t.Cleanup(func() { _ = syscall.Unmount(mnt, syscall.MNT_DETACH) })
	h := newHarnessOn(t, test.NewTempApp(t), filepath.Join(mnt, "db"), Extensions{}, nil)
	w := h.w
	id := h.openFixture(t)
	// The disk fills: what is left is under the guard's 64 MB floor.
	filler, err := os.Create(filepath.Join(mnt, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer filler.Close()
	var st syscall.Statfs_t
	if err := syscall.Statfs(mnt, &st); err != nil {
		t.Fatal(err)
	}
	fill := int64(st.Bavail)*st.Bsize - 8<<20
	if err := syscall.Fallocate(int(filler.Fd()), 0, 0, fill); err != nil {
		t.Skipf("cannot fill the tmpfs: %v", err)
	}
	w.pane.body.FocusBlock(0, 0)
	typeRunes(w, "Typed on a full disk. ")
	h.timer.fire(t, w)
	if got := w.status.state.Text; !strings.HasPrefix(got, "Not saved: no space: ") {
		t.Errorf("status after the autosave on a full disk: %q", got)
	}
	if !strings.Contains(w.pane.body.Body(), "Typed on a full disk.") {
		t.Error("the typed text is gone from the window")
	}
	// Space again: the next autosave saves it.
	filler.Close()
	if err := os.Remove(filler.Name()); err != nil {
		t.Fatal(err)
	}
	typeRunes(w, "More. ")
	h.timer.fire(t, w)
	if d := h.draft(t, id); !strings.Contains(d.Article.Body, "Typed on a full disk.") {
		t.Errorf("the draft after space was freed lacks the text; status %q", w.status.state.Text)
	}
}
