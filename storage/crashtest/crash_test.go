package crashtest

import (
	"bufio"
	"context"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage/badgerstore"
)

// envKills sets the number of kills; make crashtest asks for 200.
const envKills = "COPYDESK_CRASH_KILLS"

// dbKills is how many kills one database takes before a fresh one.
const dbKills = 25

var (
	killsFlag = flag.Int("kills", 0, "number of SIGKILLs (default $"+envKills+", else 20)")
	seedFlag  = flag.Uint64("seed", 0, "seed for the kill moments and the edits (default: from the clock; printed)")
)

func kills(t *testing.T) int {
	if *killsFlag > 0 {
		return *killsFlag
	}
	if v := os.Getenv(envKills); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a positive number", envKills, v)
		}
		return n
	}
	return 20
}

// revAck is an acknowledged revision.
type revAck struct {
	seq  uint64
	hash string
}

// draftAck is the newest acknowledged draft of an article.
type draftAck struct {
	version uint64
	hash    string // content hash; "" when the ack was a revision's
}

// ledger is everything the children acknowledged, across all kills.
type ledger struct {
	revs   map[string][]revAck
	drafts map[string]draftAck
	nRevs  int
	nDraft int
}

func (l *ledger) add(line string) error {
	f := strings.Fields(line)
	num := func(s string) uint64 { n, _ := strconv.ParseUint(s, 10, 64); return n }
	switch {
	case len(f) == 5 && f[0] == "R":
		l.revs[f[1]] = append(l.revs[f[1]], revAck{num(f[2]), f[3]})
		l.drafts[f[1]] = draftAck{version: num(f[4])}
		l.nRevs++
	case len(f) == 1 && f[0] == "O": // the store opened
	case len(f) == 4 && f[0] == "D":
		l.drafts[f[1]] = draftAck{version: num(f[2]), hash: f[3]}
		l.nDraft++
	default:
		return fmt.Errorf("the child wrote %q", line)
	}
	return nil
}

// TestCrash kills a writing child again and again; after each kill the
// database must open, verify, and hold what was acknowledged.
func TestCrash(t *testing.T) {
	if os.Getenv(envChildDir) != "" {
		t.Skip("in the child")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	n := kills(t)
	seed := *seedFlag
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("%d kills, seed %d (rerun with -args -seed %d)", n, seed, seed)
	r := rand.New(rand.NewPCG(seed, 7))
	var (
		dir string
		key []byte // nil: a plain database
		l   *ledger
		all ledger // totals over every database
		dbs int
	)
	start := time.Now()
	var inOpen, childTime time.Duration
	inOpenKills := 0
	for i := range n {
		// A fresh database every dbKills kills: long enough for histories,
		// compactions and value-log files to pile up, short enough that
		// the check after each kill stays quick.
		if i%dbKills == 0 {
			if l != nil {
				all.nRevs, all.nDraft, dbs = all.nRevs+l.nRevs, all.nDraft+l.nDraft, dbs+1
				if size, err := dirSize(dir); err == nil {
					t.Logf("database %d (encrypted: %t): %d revisions, %d autosaves acknowledged over %d articles; %d KiB", dbs, key != nil, l.nRevs, l.nDraft, len(l.revs), size>>10)
				}
			}
			dir = filepath.Join(t.TempDir(), "db")
			l = &ledger{revs: map[string][]revAck{}, drafts: map[string]draftAck{}}
			// Every other database is encrypted: Badger then replays an
			// encrypted write-ahead log after the kill.
			key = nil
			if (i/dbKills)%2 == 1 {
				key = make([]byte, 32)
				for j := range key {
					key[j] = byte(r.Uint32())
				}
			}
		}
		// Most kills land while the child writes; one in five within 40
		// ms of its call to Open, while it opens (and replays) the database.
		delay := time.Duration(40+r.IntN(400)) * time.Millisecond
		if r.IntN(5) == 0 {
			delay = time.Duration(r.IntN(40)) * time.Millisecond
		}
		got, err := runChild(dir, key, r.Uint64(), delay)
		if err != nil {
			t.Fatalf("kill %d: %v", i+1, err)
		}
		childTime += delay
		if len(got) == 0 {
			inOpenKills++ // killed before Open returned
		}
		for _, line := range got {
			if err := l.add(line); err != nil {
				t.Fatalf("kill %d: %v", i+1, err)
			}
		}
		t0 := time.Now()
		if err := check(dir, key, l); err != nil {
			t.Fatalf("after kill %d (seed %d): %v", i+1, seed, err)
		}
		inOpen += time.Since(t0)
	}
	elapsed := time.Since(start)
	size, _ := dirSize(dir)
	all.nRevs, all.nDraft, dbs = all.nRevs+l.nRevs, all.nDraft+l.nDraft, dbs+1
	t.Logf("%d kills in %v (%v of writing, %v reopening and checking) over %d databases: %d revisions and %d autosaves acknowledged, all present; %d kills inside Open; last database %d KiB",
		n, elapsed.Round(time.Millisecond), childTime, inOpen.Round(time.Millisecond), dbs, all.nRevs, all.nDraft, inOpenKills, size>>10)
}

// runChild starts the child on dir, kills it after delay, and returns the
// acknowledgements it wrote.
func runChild(dir string, key []byte, seed uint64, delay time.Duration) ([]string, error) {
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer pr.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envChildDir+"="+dir, envChildSeed+"="+strconv.FormatUint(seed, 10), envChildKey+"="+hex.EncodeToString(key))
	cmd.ExtraFiles = []*os.File{pw}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		pw.Close()
		return nil, err
	}
	pw.Close() // the child holds the only write end: EOF when it dies
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		_, _ = io.Copy(io.Discard, pr)
		close(lines)
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// The clock starts when the child is about to open the store, so that
	// short delays land inside Open rather than in the test binary's start.
	var got []string
	select {
	case line, ok := <-lines:
		if !ok || line != "S" {
			<-exited
			return nil, fmt.Errorf("the child did not start (%q):\n%s", line, stderr.String())
		}
	case <-time.After(time.Minute):
		_ = cmd.Process.Kill()
		return nil, fmt.Errorf("the child did not start within a minute")
	}
	timer := time.After(delay)
wait:
	for {
		select {
		case err := <-exited:
			return nil, fmt.Errorf("the child stopped by itself (%v) before the kill:\n%s", err, stderr.String())
		case line, ok := <-lines:
			if ok {
				got = append(got, line)
			}
		case <-timer:
			break wait
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		return nil, err
	}
	err = <-exited
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		return nil, fmt.Errorf("the child ended with %v, not by the kill:\n%s", err, stderr.String())
	}
	for line := range lines {
		got = append(got, line)
	}
	return got, nil
}

// check opens the database after a kill and compares it with the ledger.
func check(dir string, key []byte, l *ledger) error {
	ctx := context.Background()
	s, err := badgerstore.Open(dir, badgerstore.Options{EncryptionKey: key})
	if err != nil {
		return fmt.Errorf("the database does not open: %w", err)
	}
	defer s.Close()
	rep, err := s.Verify(ctx, nil)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if !rep.OK() {
		return fmt.Errorf("verify found %d problems, the first: %s", len(rep.Problems), rep.Problems[0])
	}
	for id, acked := range l.revs {
		revs, err := s.Revisions(ctx, id)
		if err != nil {
			return fmt.Errorf("article %s: %w", id, err)
		}
		for _, a := range acked {
			if a.seq == 0 || a.seq > uint64(len(revs)) || revs[a.seq-1].Hash != a.hash {
				return fmt.Errorf("article %s: acknowledged revision %d (%s) is missing or changed; the store has %d revisions", id, a.seq, a.hash, len(revs))
			}
		}
	}
	for id, want := range l.drafts {
		d, err := s.Draft(ctx, id)
		if err != nil {
			return fmt.Errorf("draft of %s: %w", id, err)
		}
		if d.Version < want.version {
			return fmt.Errorf("article %s: the draft is at version %d, older than the acknowledged %d", id, d.Version, want.version)
		}
		if d.Version == want.version && want.hash != "" {
			if got := editor.HashBytes(d.Article.Encode()); got != want.hash {
				return fmt.Errorf("article %s: draft version %d holds other content than was acknowledged", id, d.Version)
			}
		}
		if revs := l.revs[id]; len(revs) > 0 && d.Seq < revs[len(revs)-1].seq {
			return fmt.Errorf("article %s: the draft follows revision %d, but revision %d was acknowledged", id, d.Seq, revs[len(revs)-1].seq)
		}
	}
	if rep.Articles < len(l.revs) {
		return fmt.Errorf("verify saw %d articles, %d were acknowledged", rep.Articles, len(l.revs))
	}
	return nil
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	return n, err
}
