package torture

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestHugeStories imports stories that once bricked a desk: each must be
// imported with the desk usable after, or refused before anything is
// written; a printed success must never come with a failing exit code or
// a desk that fails afterwards. The storeloss branch makes these pass.
func TestHugeStories(t *testing.T) {
	r := &tally{group: "huge stories [storeloss]"}
	defer addRow(r)
	defer strict(t, r)
	distinct := 20000
	words := 100000
	if testing.Short() && !full(t) {
		distinct, words = 8000, 30000
	}
	word := func(i int) string {
		const letters = "abcdefghijklmnopqrstuvwxyz"
		b := []byte("w")
		for ; i > 0; i /= 26 {
			b = append(b, letters[i%26])
		}
		return string(b)
	}
	body := func(n int, f func(int) string) string {
		var sb strings.Builder
		for i := range n {
			sb.WriteString(f(i))
			if i%12 == 11 {
				sb.WriteString(".\n\n")
			} else {
				sb.WriteByte(' ')
			}
		}
		return sb.String()
	}
	cases := []struct{ name, body string }{
		{fmt.Sprintf("%d distinct words", distinct), body(distinct, word)},
		{fmt.Sprintf("%d-word story", words), body(words, func(i int) string { return word(i % 3000) })},
		{"one 65,000-character word", strings.Repeat("x", 65000)},
	}
	d := newDesk(t, false)
	for i, c := range cases {
		// Each on a desk of its own: one that bricks a desk must not
		// count against the next.
		dir := d.path(fmt.Sprintf("desk%d", i))
		d.fill(dir, 2)
		have := 2
		r.cases++
		file := d.path(fmt.Sprintf("huge%d.txt", i))
		text := fmt.Sprintf("Huge story %d headline\n\nMOSCOW, March 3, 2024 (TASS) - %s\n", i, c.body)
		if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		imp := d.run("--db", dir, "import", file)
		if imp.code == 0 {
			have++
		}
		count, v := d.verifyCount(dir)
		switch {
		case imp.panicked() || v.panicked():
			r.panics++
			r.note("%s: panic", c.name)
		case imp.code == 0 && count != have:
			r.silent++
			r.note("%s: import succeeded, then verify: exit %d, %s", c.name, v.code, firstLine(v.err+v.out))
		case imp.code != 0 && count != have:
			r.silent++
			r.note("%s: import exit %d (%s), and the desk no longer verifies: %s", c.name, imp.code, firstLine(imp.err), firstLine(v.err))
		case imp.code == 0:
			r.ok++
		case imp.clear():
			r.refusals++
		default:
			r.note("%s: import exit %d: %s", c.name, imp.code, firstLine(imp.err))
		}
	}
}

// TestFullDisk fills a desk on an 8 MB tmpfs (root only): the write that
// does not fit is refused with one clear line, nothing acknowledged is
// lost and reading commands still work. The storeloss branch adds the
// free-space guard this needs.
func TestFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("the full-disk case mounts a tmpfs: run as root (make torture) to include it")
	}
	d := newDesk(t, false)
	mnt := d.path("disk")
	if err := os.Mkdir(mnt, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s): the full-disk case is skipped", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() { _ = exec.Command("umount", mnt).Run() })
	r := &tally{group: "full disk, 8 MB tmpfs [storeloss]"}
	defer addRow(r)
	defer strict(t, r)
	r.cases++
	dir := mnt + "/desk"
	acked := 0
	var last outcome
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		var fb strings.Builder
		for range 4000 { // words that do not compress: the disk fills
			fmt.Fprintf(&fb, "%x ", rng.Uint32())
		}
		filler := fb.String()
		file := d.path(fmt.Sprintf("fill%d.txt", i))
		text := fmt.Sprintf("Full disk story %d headline\n\nMOSCOW, March 3, 2024 (TASS) - %d %s\n", i, i, filler)
		if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		last = d.run("--db", dir, "import", file)
		if last.code != 0 {
			break
		}
		acked++
	}
	count, v := d.verifyCount(dir)
	switch {
	case last.panicked() || v.panicked():
		r.panics++
		r.note("a write on the full disk: exit %d: %s", last.code, firstLine(last.err))
	case count < acked:
		r.silent++
		r.note("%d stories acknowledged, verify: exit %d, %d: %s", acked, v.code, count, firstLine(v.err))
	case last.clear():
		r.refusals++
		r.note("%d stories fitted; the next: %s", acked, firstLine(last.err))
	default:
		r.note("the write on the full disk: exit %d: %s", last.code, firstLine(last.err))
	}
}

// strict fails the test for a panic, a silent loss or an unclear outcome
// when $COPYDESK_TORTURE_STRICT is set (make torture sets it). Without it
// these cases, which the storeloss branch fixes, only report.
func strict(t *testing.T, r *tally) {
	if os.Getenv("COPYDESK_TORTURE_STRICT") == "" {
		return
	}
	if r.panics > 0 || r.silent > 0 || r.refusals+r.ok < r.cases {
		t.Errorf("%s: %d panics, %d silent losses, %d of %d cases clear: %s", r.group, r.panics, r.silent, r.refusals+r.ok, r.cases, strings.Join(r.notes, "; "))
	}
}
