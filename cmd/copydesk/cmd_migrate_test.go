package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor/check"
	"copydesk/storage/badgerstore"
	"copydesk/storage/pgtest"
)

// runAt runs one command against the desk the global options name
// (["--store", URL] or ["--db", DIR]).
func runAt(t *testing.T, env map[string]string, global []string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append(append([]string{}, global...), args...),
		stdio{in: strings.NewReader(""), out: &out, err: &errb}, func(k string) string { return env[k] })
	return code, out.String(), errb.String()
}

func okAt(t *testing.T, env map[string]string, global []string, args ...string) string {
	t.Helper()
	code, out, errs := runAt(t, env, global, args...)
	if code != 0 {
		t.Fatalf("copydesk %s %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(global, " "), strings.Join(args, " "), code, out, errs)
	}
	return out
}

// fillDesk imports the fixture and a story revised three times (with a
// status change and a label), and sets the desk dictionary. It returns the
// article IDs.
func fillDesk(t *testing.T, d *desk) []string {
	t.Helper()
	fixture := d.importFixture()
	story := strings.TrimSpace(d.ok("import", writeMarkdown(t, "slug: fsb-threat\n", "First take of the copy.")))
	for i, body := range []string{"Second take, with a quote.", "Third take: the minister replied.", "Fourth take, subbed."} {
		d.ok("revise", story, writeMarkdown(t, "slug: fsb-threat\n", body), "--label", fmt.Sprintf("take %d", i+2), "--author", "Desk Editor")
	}
	d.ok("status", story, "in_edit")
	s, err := badgerstore.Open(d.db, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetSetting(context.Background(), check.DeskDictionarySetting, []byte("Bortnikov\nFSB\n")); err != nil {
		t.Fatal(err)
	}
	return []string{fixture, story}
}

// TestMigrateRoundTrip: Badger → PostgreSQL → Badger keeps every
// revision (hashes, times, sequence numbers), the drafts and the settings,
// and both sides verify.
func TestMigrateRoundTrip(t *testing.T) {
	pg := pgtest.Database(t)
	d := newDesk(t)
	ids := fillDesk(t, d)

	code, _, errs := d.run("migrate", "--from", d.db, "--to", pg)
	if code != 0 {
		t.Fatalf("migrate to PostgreSQL: exit %d\n%s", code, errs)
	}
	for _, want := range []string{"[1/2] ", "[2/2] ", "verify OK, 2 articles, 6 revisions", "2 of 2 articles the same", ": OK"} {
		if !strings.Contains(errs, want) {
			t.Errorf("migrate's report lacks %q:\n%s", want, errs)
		}
	}
	atPG := []string{"--store", pg}
	back := filepath.Join(t.TempDir(), "back")
	okAt(t, d.env, nil, "migrate", "--from", pg, "--to", back)
	atBack := []string{"--db", back}

	for _, id := range ids {
		want := d.ok("history", id, "--json")
		if got := okAt(t, d.env, atPG, "history", id, "--json"); got != want {
			t.Errorf("article %s: history in PostgreSQL differs:\n%s\nwant\n%s", id, got, want)
		}
		if got := okAt(t, d.env, atBack, "history", id, "--json"); got != want {
			t.Errorf("article %s: history after the round trip differs:\n%s\nwant\n%s", id, got, want)
		}
		draft := d.ok("show", id, "--json")
		if got := okAt(t, d.env, atPG, "show", id, "--json"); got != draft {
			t.Errorf("article %s: the draft in PostgreSQL differs", id)
		}
		if got := okAt(t, d.env, atBack, "show", id, "--json"); got != draft {
			t.Errorf("article %s: the draft after the round trip differs", id)
		}
	}
	for _, at := range [][]string{atPG, atBack} {
		if out := okAt(t, d.env, at, "verify"); !strings.HasPrefix(out, "OK: 2 articles, 6 revisions") {
			t.Errorf("verify %v: %s", at, out)
		}
	}
	s, err := badgerstore.Open(back, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.Setting(context.Background(), check.DeskDictionarySetting); err != nil || string(v) != "Bortnikov\nFSB\n" {
		t.Errorf("the desk dictionary after the round trip: %q, %v", v, err)
	}
}

// TestMigrateRefusesNonEmpty: into a desk that holds anything, nothing is
// copied and the message says why.
func TestMigrateRefusesNonEmpty(t *testing.T) {
	pg := pgtest.Database(t)
	d := newDesk(t)
	d.importFixture()
	d.ok("migrate", "--from", d.db, "--to", pg)
	other := newDesk(t)
	other.importFixture()
	for _, to := range []string{pg, d.db} {
		code, _, errs := other.run("migrate", "--from", other.db, "--to", to)
		if code != exitUser || !strings.Contains(errs, "is not empty") || !strings.Contains(errs, "nothing was copied") {
			t.Errorf("migrate into the non-empty %s: exit %d, %q", to, code, errs)
		}
	}
	if out := okAt(t, d.env, []string{"--store", pg}, "verify"); !strings.HasPrefix(out, "OK: 1 article, 1 revision") {
		t.Errorf("the refused migration changed the destination: %s", out)
	}
}

// TestMigrateEncryptedDesk: an encrypted source is unlocked with
// $COPYDESK_PASSPHRASE_FILE, as every command does, and so is an
// encrypted destination made with init --encrypt.
func TestMigrateEncryptedDesk(t *testing.T) {
	pg := pgtest.Database(t)
	d := newDesk(t)
	d.env["COPYDESK_PASSPHRASE_FILE"] = writePass(t, "newsroom secret")
	d.ok("init", "--encrypt")
	id := d.importFixture()
	// A shared store has no key: an encrypted desk goes there only when
	// --plain says so.
	if code, _, errs := d.run("migrate", "--from", d.db, "--to", pg); code != exitUser || !strings.Contains(errs, "--plain") {
		t.Fatalf("migrate of an encrypted desk to a shared store without --plain: exit %d, %q", code, errs)
	}
	d.ok("migrate", "--from", d.db, "--to", pg, "--plain")
	e := &desk{t: t, db: filepath.Join(t.TempDir(), "encrypted-back"), env: d.env}
	e.ok("init", "--encrypt")
	e.ok("migrate", "--from", pg, "--to", e.db)
	if a, b := d.ok("history", id, "--json"), e.ok("history", id, "--json"); a != b {
		t.Errorf("history differs after the encrypted round trip:\n%s\n%s", a, b)
	}
	delete(d.env, "COPYDESK_PASSPHRASE_FILE")
	if code, _, errs := d.run("migrate", "--from", d.db, "--to", filepath.Join(t.TempDir(), "x")); code != exitUser || !strings.Contains(errs, "COPYDESK_PASSPHRASE_FILE") {
		t.Errorf("migrate of an encrypted desk without the passphrase: exit %d, %q", code, errs)
	}
}

// TestSharedStoreCLI: the commands work on the shared store, stats names
// it without the password, and the window's desk-directory commands are
// refused.
func TestSharedStoreCLI(t *testing.T) {
	pg := withPassword(t, pgtest.Database(t), "s3cret-pw")
	env := map[string]string{"USER": "tester", "HOME": t.TempDir()}
	at := []string{"--store", pg}
	id := strings.TrimSpace(okAt(t, env, at, "import", writeMarkdown(t, "slug: shared\n", "Copy on the shared desk.")))
	okAt(t, env, at, "revise", id, writeMarkdown(t, "slug: shared\n", "Copy on the shared desk, revised."), "--label", "second")
	if out := okAt(t, env, at, "list"); !strings.Contains(out, "FSB chief warns") {
		t.Errorf("list on the shared store:\n%s", out)
	}
	out := okAt(t, env, at, "stats")
	if strings.Contains(out, "s3cret-pw") || !strings.Contains(out, "articles:  1") || !strings.Contains(out, "revisions: 2") || !strings.Contains(out, "encrypted: no") {
		t.Errorf("stats on the shared store:\n%s", out)
	}
	// The same through the environment.
	env[envStore] = pg
	if out := okAt(t, env, nil, "verify"); !strings.HasPrefix(out, "OK: 1 article, 2 revisions") {
		t.Errorf("verify with %s: %s", envStore, out)
	}
	for _, cmd := range [][]string{{"init"}, {"passphrase"}, {"restore", "backup.cdb"}} {
		code, _, errs := runAt(t, env, nil, cmd...)
		if code != exitUsage || !strings.Contains(errs, "desk directory") || strings.Contains(errs, "s3cret-pw") {
			t.Errorf("%s on the shared store: exit %d, %q", cmd[0], code, errs)
		}
	}
}

func withPassword(t *testing.T, raw, password string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(u.User.Username(), password)
	return u.String()
}

// TestStoreChoice: --db and --store (or their variables) at once is a
// usage error naming both; a flag beats the other's variable; a bad URL
// and an unreachable server are named, without the password.
func TestStoreChoice(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	unreachable := "postgres://anna:hunter22@127.0.0.1:1/newsroom?sslmode=disable"
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		want   []string
		absent string
	}{
		{"both flags", nil, []string{"--db", dir, "--store", unreachable, "list"}, exitUsage, []string{"--db", "--store"}, "hunter22"},
		{"both variables", map[string]string{"COPYDESK_DB": dir, envStore: unreachable}, []string{"list"}, exitUsage, []string{"COPYDESK_DB", envStore}, "hunter22"},
		{"not a URL", nil, []string{"--store", "mysql://anna:hunter22@db/newsroom", "list"}, exitUsage, []string{"postgres://"}, "hunter22"},
		{"unreachable", nil, []string{"--store", unreachable, "list"}, exitUser, []string{"127.0.0.1:1", "check that the server is running"}, "hunter22"},
		{"--db beats the variable", map[string]string{envStore: unreachable}, []string{"--db", dir, "list", "--json"}, exitUser, []string{"there is no desk at " + dir}, "hunter22"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"USER": "tester", "HOME": t.TempDir()}
			for k, v := range tc.env {
				env[k] = v
			}
			code, out, errs := runAt(t, env, nil, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q lacks %q", errs, w)
				}
			}
			if strings.Contains(out+errs, tc.absent) {
				t.Errorf("the password shows: %q %q", out, errs)
			}
		})
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://anna:pw@db:5432/news", "postgres://anna:xxxxx@db:5432/news"},
		{"postgresql://anna@db/news?sslmode=require", "postgresql://anna@db/news?sslmode=require"},
		{"postgres://db/news?password=pw&sslmode=disable", "postgres://db/news?password=xxxxx&sslmode=disable"},
		{"postgres://anna:p%zz@db/news", "…@db/news"},
	}
	for _, tc := range tests {
		if got := redactURL(tc.in); got != tc.want {
			t.Errorf("redactURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
