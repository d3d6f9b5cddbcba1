package torture

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// kindOf names the kind of a desk file.
func kindOf(name string) string {
	switch {
	case strings.HasSuffix(name, ".sst"):
		return "sst"
	case strings.HasSuffix(name, ".vlog"):
		return "vlog"
	case strings.HasSuffix(name, ".mem"):
		return "mem"
	case name == "copydesk.lock":
		return ""
	}
	return name
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o700); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		in, err := os.Open(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(filepath.Join(to, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(out, in); err != nil {
			t.Fatal(err)
		}
		in.Close()
		out.Close()
	}
}

// damage does op to file.
func damage(t *testing.T, file, op string) {
	t.Helper()
	switch op {
	case "delete":
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
	case "truncate":
		st, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(file, st.Size()/2); err != nil {
			t.Fatal(err)
		}
	case "flip":
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > 0 {
			b[len(b)/2] ^= 0x5a
		}
		if err := os.WriteFile(file, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

var (
	backedUp = regexp.MustCompile(`backed up (\d+) articles?`)
	restored = regexp.MustCompile(`(?:restored|salvaged) (\d+) (?:of \d+ )?articles?`)
)

// TestDamage flips, truncates and deletes each kind of file of a plain and
// an encrypted desk, then runs verify, list and backup: none may panic or
// report success with articles missing. A backup a damaged desk refuses is
// then written with --damaged-ok and restored with --salvage: no intact
// article may be lost.
func TestDamage(t *testing.T) {
	n := 6
	if full(t) {
		n = 40
	}
	for _, encrypted := range []bool{false, true} {
		kind := "plain"
		if encrypted {
			kind = "encrypted"
		}
		r := &tally{group: "damaged files, " + kind}
		d := newDesk(t, encrypted)
		pristine := d.path("pristine")
		d.fill(pristine, n)
		entries, err := os.ReadDir(pristine)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, e := range entries {
			if k := kindOf(e.Name()); k != "" {
				if _, ok := files[k]; !ok {
					files[k] = e.Name()
				}
			}
		}
		var kinds []string
		for k := range files {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for _, k := range kinds {
			for _, op := range []string{"flip", "truncate", "delete"} {
				name := fmt.Sprintf("%s-%s", k, op)
				dir := d.path("case-" + name)
				copyTree(t, pristine, dir)
				damage(t, filepath.Join(dir, files[k]), op)
				r.cases++
				verdict := d.judge(dir, n)
				switch verdict.kind {
				case "panic":
					r.panics++
				case "silent":
					r.silent++
				case "refused":
					r.refusals++
				case "intact":
					r.ok++
				default:
					r.note("%s: %s: %s", name, verdict.kind, verdict.why)
					t.Errorf("%s %s: %s: %s", kind, name, verdict.kind, verdict.why)
				}
				if verdict.kind == "panic" || verdict.kind == "silent" {
					r.note("%s: %s: %s", name, verdict.kind, verdict.why)
					t.Errorf("%s %s: %s: %s", kind, name, verdict.kind, verdict.why)
				}
			}
		}
		addRow(r)
	}
}

type verdict struct{ kind, why string }

// judge runs the reading commands and a backup on a damaged desk of n
// articles.
func (d *desk) judge(dir string, n int) verdict {
	count, v := d.verifyCount(dir)
	list := d.run("--db", dir, "list", "--status", "draft")
	file := filepath.Join(dir + ".cdb")
	b := d.run("--db", dir, "backup", file)
	for _, o := range []outcome{v, list, b} {
		if o.panicked() {
			return verdict{"panic", firstLine(o.err)}
		}
	}
	if count >= 0 && count < n {
		return verdict{"silent", fmt.Sprintf("verify: OK with %d of %d articles", count, n)}
	}
	if m := backedUp.FindStringSubmatch(b.err); b.code == 0 && m != nil {
		if got, _ := strconv.Atoi(m[1]); got < n {
			return verdict{"silent", fmt.Sprintf("backup: exit 0 with %d of %d articles", got, n)}
		}
	}
	if v.code == 0 && b.code == 0 && count == n {
		return verdict{"intact", ""}
	}
	for _, o := range []outcome{v, b} {
		if o.code != 0 && !o.clear() {
			return verdict{"unclear", fmt.Sprintf("exit %d: %s", o.code, firstLine(o.err))}
		}
	}
	// A refused backup: the intact articles must still be saved.
	if b.code != 0 {
		// Articles the desk itself no longer has were reported by verify
		// and backup above; what the salvage must not lose is what the
		// --damaged-ok backup holds.
		if bd := d.run("--db", dir, "backup", file, "--damaged-ok", "--force"); bd.code == 0 {
			held := n
			if m := backedUp.FindStringSubmatch(bd.err); m != nil {
				held, _ = strconv.Atoi(m[1])
			}
			rs := d.run("restore", file, "--salvage", "--db", dir+"-salvaged")
			if rs.panicked() {
				return verdict{"panic", firstLine(rs.err)}
			}
			if m := restored.FindStringSubmatch(rs.err); m != nil {
				got, _ := strconv.Atoi(m[1])
				listed := strings.Count(rs.err, "not restored: ")
				if got+listed < held {
					return verdict{"silent", fmt.Sprintf("salvage restored %d and listed %d of the %d the backup holds", got, listed, held)}
				}
			}
		}
	}
	return verdict{"refused", ""}
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}
