//go:build unix

package badgerstore

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
	"copydesk/storage/storetest"
)

// wantLocked checks that err is a *storage.LockedError for dir held by pid.
func wantLocked(t *testing.T, err error, dir string, pid int) {
	t.Helper()
	var le *storage.LockedError
	if !errors.As(err, &le) || !errors.Is(err, storage.ErrLocked) {
		t.Fatalf("error %v, want a *storage.LockedError", err)
	}
	if le.Path != dir || le.PID != pid {
		t.Errorf("LockedError{%q, %d}, want {%q, %d}", le.Path, le.PID, dir, pid)
	}
	if !strings.Contains(err.Error(), "pid "+strconv.Itoa(pid)) {
		t.Errorf("message %q does not name pid %d", err, pid)
	}
}

func TestLockWithinProcess(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, Options{})
	_, err := Open(dir, Options{})
	wantLocked(t, err, dir, os.Getpid())
	_, err = Open(dir, Options{ReadOnly: true})
	wantLocked(t, err, dir, os.Getpid())
	// The refusals left the first store working.
	fill(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir, Options{})
	if st, err := s.Stats(context.Background()); err != nil || st.Articles != 3 {
		t.Errorf("reopened store: %+v, %v", st, err)
	}
}

// TestBadgerLockMapped: Badger's own lock refusal, a plain string, also
// becomes a *storage.LockedError (with the pid from Badger's LOCK file).
func TestBadgerLockMapped(t *testing.T) {
	dir := t.TempDir()
	db, err := badger.Open(badgerOptions(dir, Options{}))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = Open(dir, Options{})
	wantLocked(t, err, dir, os.Getpid())
}

// The helper process: the test binary run again with helperEnv set to
// "hold DIR" (open, write, say "ready <pid>", wait for stdin to close) or
// "try DIR" (open and report as JSON).
const helperEnv = "COPYDESK_BADGERSTORE_HELPER"

type helperReport struct {
	Locked bool   `json:"locked"`
	PID    int    `json:"pid"`
	Err    string `json:"err,omitempty"`
}

func TestHelperProcess(t *testing.T) {
	mode, dir, ok := strings.Cut(os.Getenv(helperEnv), " ")
	if !ok {
		t.Skip("only run as a helper process")
	}
	switch mode {
	case "try":
		var rep helperReport
		s, err := Open(dir, Options{})
		var le *storage.LockedError
		switch {
		case errors.As(err, &le):
			rep = helperReport{Locked: true, PID: le.PID, Err: err.Error()}
		case err != nil:
			rep.Err = err.Error()
		default:
			s.Close()
		}
		json.NewEncoder(os.Stdout).Encode(rep)
	case "hold":
		s, err := Open(dir, Options{})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		// An autosave: not synced, so it survives a kill only through
		// the page cache, as it would in the desk's real life.
		a := storetest.Article("Written by the helper", 200, 77)
		rev, err := s.Create(context.Background(), a, storage.Meta{})
		if err == nil {
			c := a.Clone()
			c.Body += "\n\nTyped just before the crash."
			_, err = s.SaveDraft(context.Background(), c, rev.Seq)
		}
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("ready", os.Getpid(), a.ID)
		io.Copy(io.Discard, os.Stdin)
		s.Close()
	}
	os.Exit(0)
}

func helper(t *testing.T, mode, dir string) *exec.Cmd {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode+" "+dir)
	return cmd
}

func TestLockFromAnotherProcess(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, Options{})
	out, err := helper(t, "try", dir).Output()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	var rep helperReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("helper said %q: %v", out, err)
	}
	if !rep.Locked || rep.PID != os.Getpid() {
		t.Errorf("second process: %+v, want locked by pid %d", rep, os.Getpid())
	}
	s.Close()
	out, err = helper(t, "try", dir).Output()
	var after helperReport
	if err != nil || json.Unmarshal(out, &after) != nil || after.Locked || after.Err != "" {
		t.Errorf("second process after Close: %s %v", out, err)
	}
}

// TestLockHeldByAnotherProcess: a store held by another process is
// refused with that process's pid, and can be opened once the process is
// gone — killed, too — with its writes intact.
func TestLockHeldByAnotherProcess(t *testing.T) {
	for _, kill := range []bool{false, true} {
		t.Run(fmt.Sprintf("kill=%v", kill), func(t *testing.T) {
			dir := t.TempDir()
			cmd := helper(t, "hold", dir)
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() {
				stdin.Close()
				cmd.Process.Kill()
				cmd.Wait()
			}()
			line, err := bufio.NewReader(stdout).ReadString('\n')
			f := strings.Fields(line)
			if err != nil || len(f) != 3 || f[0] != "ready" {
				t.Fatalf("helper said %q, %v", line, err)
			}
			id := f[2]
			_, err = Open(dir, Options{})
			wantLocked(t, err, dir, cmd.Process.Pid)

			if kill {
				cmd.Process.Kill()
			} else {
				stdin.Close()
			}
			cmd.Wait()
			s := openStore(t, dir, Options{})
			d, err := s.Draft(context.Background(), id)
			if err != nil || !strings.HasSuffix(d.Article.Body, "Typed just before the crash.") || d.Version != 2 {
				t.Errorf("the helper's autosave: %v (version %d)", err, d.Version)
			}
			if rep, err := s.Verify(context.Background(), nil); err != nil || !rep.OK() {
				t.Errorf("Verify: %+v, %v", rep, err)
			}
		})
	}
}
