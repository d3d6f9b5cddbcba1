package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"copydesk/storage"
	"copydesk/storage/badgerstore"
	"copydesk/storage/storetest"
)

// deskFiles is every file of dir with its bytes (nil when dir is gone).
func deskFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// sameFiles fails unless dir holds exactly the files of before, byte for byte.
func sameFiles(t *testing.T, what, dir string, before map[string][]byte) {
	t.Helper()
	after := deskFiles(t, dir)
	for name, b := range before {
		a, ok := after[name]
		switch {
		case !ok:
			t.Errorf("%s: %s was deleted", what, name)
		case !bytes.Equal(a, b):
			t.Errorf("%s: %s changed", what, name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s: %s was created", what, name)
		}
	}
}

// writeStory writes a Markdown story and returns its path.
func writeStory(t *testing.T, dir, name, headline, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	text := "# " + headline + "\n\nMOSCOW, March 3, 2019 (TASS) - " + body + "\n"
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// everyCommand is one call of each command on a desk holding id.
func everyCommand(id, story, out string) [][]string {
	return [][]string{
		{"list"}, {"list", "--search", "Bortnikov"}, {"show", id}, {"history", id}, {"verify"},
		{"export", id, "--format", "text"}, {"diff", id, "1", "2"}, {"check", id}, {"stats"},
		{"backup", filepath.Join(out, "desk.backup")},
		{"import", story}, {"revise", id, story}, {"status", id, "in_edit"},
	}
}

// TestMissingManifest: with MANIFEST gone every command refuses, names
// the file and points to restore, and no file changes. Before, each
// opened the folder as a new desk: Badger deleted every table, verify
// said "OK: 0 articles" and backup wrote an empty backup.
func TestMissingManifest(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	tmp := t.TempDir()
	story := writeStory(t, tmp, "story.md", "Bortnikov speaks", "Alexander Bortnikov said the service would answer.")
	d.ok("revise", id, story)
	for range 3 {
		d.ok("import", story)
	}
	if tables, _ := filepath.Glob(filepath.Join(d.db, "*.sst")); len(tables) == 0 {
		t.Fatal("the desk has no table: nothing to lose")
	}
	if err := os.Remove(filepath.Join(d.db, "MANIFEST")); err != nil {
		t.Fatal(err)
	}
	before := deskFiles(t, d.db)
	for _, args := range everyCommand(id, story, tmp) {
		code, out, errs := d.run(args...)
		if code != exitUser || !strings.Contains(errs, "MANIFEST") || !strings.Contains(errs, "restore") || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 naming MANIFEST and restore", args[0], code, out, errs)
		}
		sameFiles(t, args[0], d.db, before)
	}
	if _, err := os.Stat(filepath.Join(tmp, "desk.backup")); err == nil {
		t.Error("backup wrote a file")
	}
}

// TestReadingCreatesNoDesk: a reading command on a directory that holds no
// desk says so and how to make one, and creates nothing. Before, `list
// --db NEWDIR` silently made an empty, unencrypted desk there.
func TestReadingCreatesNoDesk(t *testing.T) {
	d := newDesk(t)
	id := "01900000-0000-7000-8000-000000000000"
	out := t.TempDir()
	for _, args := range everyCommand(id, "", out)[:10] {
		code, _, errs := d.run(args...)
		if code != exitUser || !strings.Contains(errs, "there is no desk at "+d.db) || !strings.Contains(errs, "init") {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 saying there is no desk", args[0], code, errs)
		}
		if _, err := os.Stat(d.db); !os.IsNotExist(err) {
			t.Fatalf("%s created %s", args[0], d.db)
		}
	}
	// An empty directory is no desk either, and stays empty.
	if err := os.Mkdir(d.db, 0o700); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := d.run("list"); code != exitUser || !strings.Contains(errs, "there is no desk") {
		t.Errorf("list in an empty directory: exit %d, %q", code, errs)
	}
	sameFiles(t, "list", d.db, map[string][]byte{})
}

// TestReadingWritesNothing: the reading commands change no file of the
// desk, so they work where the desk cannot be written (a read-only
// directory, a full disk).
func TestReadingWritesNothing(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	tmp := t.TempDir()
	story := writeStory(t, tmp, "story.md", "Bortnikov speaks", "Alexander Bortnikov said the service would answer.")
	d.ok("revise", id, story)
	// A spiked story is left out of the list but counted: no false alarm.
	spiked := strings.TrimSpace(d.ok("import", story))
	d.ok("status", spiked, "spiked")
	before := deskFiles(t, d.db)
	for _, args := range everyCommand(id, story, tmp)[:10] {
		d.ok(args...)
		sameFiles(t, args[0], d.db, before)
	}
}

// hugeStories writes the stories that bricked a desk: 20,000 distinct
// words, 100,000 words, one 65,000-letter word, and a revision of the
// first that swaps 3,500 words.
func hugeStories(t *testing.T, dir string) (distinct, hundredK, longWord, swapped string) {
	words := func(prefix string, n int) []string {
		out := make([]string, n)
		for i := range out {
			var b strings.Builder
			b.WriteString(prefix)
			for v := i + 1; v > 0; v /= 26 {
				b.WriteByte(byte('a' + v%26))
			}
			out[i] = b.String()
		}
		return out
	}
	paras := func(ws []string) string {
		var b strings.Builder
		for i := 0; i < len(ws); i += 100 {
			fmt.Fprintf(&b, "%s.\n\n", strings.Join(ws[i:min(i+100, len(ws))], " "))
		}
		return strings.TrimSpace(b.String())
	}
	many := words("w", 20000)
	vocab := words("v", 30000)
	hundred := make([]string, 100000)
	for i := range hundred {
		hundred[i] = vocab[(i*7919)%len(vocab)]
	}
	swap := slices.Clone(many)
	for i := range 3500 {
		swap[i] = "z" + swap[i]
	}
	return writeStory(t, dir, "distinct.md", "Twenty thousand words", paras(many)),
		writeStory(t, dir, "hundred.md", "One hundred thousand words", paras(hundred)),
		writeStory(t, dir, "long.md", "A long word", "The word is "+strings.Repeat("x", 65000)+" and Bortnikov spoke."),
		writeStory(t, dir, "swapped.md", "Twenty thousand words", paras(swap))
}

// TestHugeStoriesCLI: each story that made import print an ID and exit 1,
// and every later command exit 1 ("Txn is too big", or an error dumping
// the key), imports, revises, is found, verifies, backs up and restores.
func TestHugeStoriesCLI(t *testing.T) {
	d := newDesk(t)
	tmp := t.TempDir()
	distinct, hundred, long, swapped := hugeStories(t, tmp)
	ids := map[string]string{}
	for _, f := range []string{distinct, hundred, long} {
		code, out, errs := d.run("import", f)
		if code != exitOK || len(strings.TrimSpace(out)) != 36 {
			t.Fatalf("import %s: exit %d, %q, %q", filepath.Base(f), code, out, errs)
		}
		if strings.Contains(errs, "xxxxxxxxxxxxxxxx") {
			t.Errorf("import %s: key bytes on stderr", filepath.Base(f))
		}
		ids[f] = strings.TrimSpace(out)
	}
	if code, _, errs := d.run("revise", ids[distinct], swapped); code != exitOK {
		t.Fatalf("revise swapping 3,500 words: exit %d, %q", code, errs)
	}
	for word, f := range map[string]string{"zwb": distinct, "wref": distinct, "Bortnikov": long, strings.Repeat("x", 200): long, "vb": hundred} {
		out := d.ok("list", "--search", word)
		if !strings.Contains(out, ids[f]) || strings.Count(out, "\n") != 2 {
			t.Errorf("list --search %.12s…: %q, want only %s", word, out, ids[f])
		}
	}
	if out := d.ok("verify"); !strings.HasPrefix(out, "OK: 3 articles, 4 revisions") {
		t.Errorf("verify: %q", out)
	}
	b := filepath.Join(tmp, "desk.backup")
	d.ok("backup", b)
	r := &desk{t: t, db: filepath.Join(tmp, "restored"), env: d.env}
	r.ok("restore", b)
	if out := r.ok("verify"); !strings.HasPrefix(out, "OK: 3 articles, 4 revisions") {
		t.Errorf("verify of the restored desk: %q", out)
	}
}

// TestFullDisk: on a full file system (an 8 MB tmpfs, so mounted as
// root) the reading commands work and a write is refused with one line
// saying how much space there is, exit 1, changing no file. Before, a
// write there could take SIGBUS (Badger writes through memory maps) and
// exit 2 with a goroutine dump.
func TestFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root: the full disk is not tested")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s): the full disk is not tested", err, out)
	}
	t.Cleanup(func() { _ = syscall.Unmount(mnt, 0) })
	d := newDesk(t)
	id := d.importFixture()
	d.ok("revise", id, writeStory(t, t.TempDir(), "r.md", "Bortnikov speaks", "Alexander Bortnikov said the service would answer."))
	// The desk moves onto the small disk.
	full := &desk{t: t, db: filepath.Join(mnt, "db"), env: d.env}
	if out, err := exec.Command("cp", "-a", d.db, full.db).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v: %s", err, out)
	}
	before := deskFiles(t, full.db)
	tmp := t.TempDir()
	for _, args := range everyCommand(id, "", tmp)[:10] {
		full.ok(args...)
	}
	sameFiles(t, "reading", full.db, before)
	story := writeStory(t, tmp, "story.md", "Bortnikov speaks", "Alexander Bortnikov said the service would answer.")
	for _, args := range [][]string{{"import", story}, {"revise", id, story}, {"status", id, "in_edit"}, {"verify", "--repair"}} {
		code, out, errs := full.run(args...)
		if code != exitUser || !strings.HasPrefix(errs, "copydesk "+args[0]+": no space: ") || !strings.Contains(errs, "MB free") ||
			strings.Count(errs, "\n") != 1 || out != "" {
			t.Errorf("%s on a full disk: exit %d, stdout %q, stderr %q; want exit 1 and one line 'no space'", args[0], code, out, errs)
		}
	}
	sameFiles(t, "refused writes", full.db, before)
}

// TestReadingAfterCrash: Badger will not open read-only a desk whose logs
// a crash left to be truncated ("Log truncate required"); a reading
// command then opens it for writing once, which recovers it, and reads.
func TestReadingAfterCrash(t *testing.T) {
	d := newDesk(t)
	d.ok("init")
	s, err := badgerstore.Open(d.db, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.Article("Written before the crash", 100, 1)
	if _, err := s.Create(context.Background(), a, storage.Meta{Author: "wire"}); err != nil {
		t.Fatal(err)
	}
	// A copy of the open desk is what a crash leaves.
	crashed := &desk{t: t, db: filepath.Join(t.TempDir(), "crashed"), env: d.env}
	if out, err := exec.Command("cp", "-a", d.db, crashed.db).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v: %s", err, out)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := badgerstore.Open(crashed.db, badgerstore.Options{ReadOnly: true}); err == nil || !notClosedCleanly(err) {
		t.Skipf("the copy opens read-only (%v): no crash state to recover", err)
	}
	if out := crashed.ok("list"); !strings.Contains(out, a.ID) {
		t.Errorf("list after the crash: %q", out)
	}
	if out := crashed.ok("verify"); !strings.HasPrefix(out, "OK: 1 article,") {
		t.Errorf("verify after the crash: %q", out)
	}
}

// envReadOnlyDesk hands TestReadOnlyDirectory's desk to its child process.
const envReadOnlyDesk = "COPYDESK_TEST_READONLY_DESK"

// TestReadOnlyDirectory: a desk in a directory its user cannot write
// (chmod 0555) lists, shows and verifies. Before, every command failed:
// "Cannot write pid file …/LOCK: permission denied". Root writes anywhere,
// so as root the test runs itself again as nobody.
func TestReadOnlyDirectory(t *testing.T) {
	if dir := os.Getenv(envReadOnlyDesk); dir != "" {
		readOnlyDeskWorks(t, dir)
		return
	}
	d := newDesk(t)
	d.importFixture()
	if err := os.Chmod(d.db, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(d.db, 0o700) })
	if os.Geteuid() != 0 {
		readOnlyDeskWorks(t, d.db)
		return
	}
	// The child runs as nobody: the desk and a copy of this test binary
	// must be theirs to read.
	const nobody = 65534
	bin := filepath.Join(t.TempDir(), "copydesk.test")
	data, err := os.ReadFile(os.Args[0])
	if err == nil {
		err = os.WriteFile(bin, data, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Dir(bin), filepath.Dir(d.db), filepath.Dir(filepath.Dir(bin))} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := exec.Command("chown", "-R", fmt.Sprint(nobody), d.db).CombinedOutput(); err != nil {
		t.Fatalf("chown: %v: %s", err, out)
	}
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyDirectory$", "-test.count=1")
	cmd.Env = []string{envReadOnlyDesk + "=" + d.db, "HOME=" + os.TempDir()}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("as nobody: %v\n%s", err, out)
	}
}

// readOnlyDeskWorks runs the reading commands on the desk in dir, which
// this process cannot write.
func readOnlyDeskWorks(t *testing.T, dir string) {
	if f, err := os.Create(filepath.Join(dir, "probe")); err == nil {
		f.Close()
		t.Fatalf("%s is writable: the test means nothing", dir)
	}
	d := &desk{t: t, db: dir, env: map[string]string{"USER": "tester", "HOME": t.TempDir()}}
	out := d.ok("list")
	id := strings.Fields(strings.Split(out, "\n")[1])[0]
	d.ok("show", id)
	d.ok("history", id)
	if out := d.ok("verify"); !strings.HasPrefix(out, "OK: 1 article,") {
		t.Errorf("verify: %q", out)
	}
}
