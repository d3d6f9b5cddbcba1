package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor/testfixture"
)

// writePass writes a passphrase file and returns its path.
func writePass(t *testing.T, pass string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(p, []byte(pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBackupRestoreCLI(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	d.ok("revise", id, writeFixtureCopy(t), "--year", "2019", "--label", "second")
	file := filepath.Join(t.TempDir(), "desk.cdb")
	code, _, errs := d.run("backup", file)
	if code != 0 || !strings.Contains(errs, "backed up 1 article, 2 revisions") {
		t.Fatalf("backup: %d %s", code, errs)
	}
	if code, _, errs := d.run("backup", file); code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("backup over an existing file: %d %s", code, errs)
	}

	newDB := filepath.Join(t.TempDir(), "restored")
	code, _, errs = d.run("restore", file, "--db", newDB)
	if code != 0 || !strings.Contains(errs, "restored 1 article, 2 revisions") || !strings.Contains(errs, "verify: OK") {
		t.Fatalf("restore: %d %s", code, errs)
	}
	r := &desk{t: t, db: newDB, env: d.env}
	if a, b := d.ok("history", id, "--json"), r.ok("history", id, "--json"); a != b {
		t.Errorf("history differs after restore:\n%s\n%s", a, b)
	}
	if a, b := d.ok("show", id, "--json"), r.ok("show", id, "--json"); a != b {
		t.Error("the draft differs after restore")
	}

	// Into a database that has articles: refused, nothing changed.
	code, _, errs = d.run("restore", file, "--db", newDB)
	if code != 1 || !strings.Contains(errs, "not empty") {
		t.Errorf("restore into a non-empty database: %d %s", code, errs)
	}

	// A damaged file: refused with the byte range, and the directory the
	// restore made is gone again.
	data, _ := os.ReadFile(file)
	data[len(data)-10] ^= 1
	bad := filepath.Join(t.TempDir(), "bad.cdb")
	os.WriteFile(bad, data, 0o600)
	target := filepath.Join(t.TempDir(), "never")
	code, _, errs = d.run("restore", bad, "--db", target)
	if code != 1 || !strings.Contains(errs, "damaged in bytes") {
		t.Errorf("restore of a damaged file: %d %s", code, errs)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("a failed restore left %s behind (%v)", target, err)
	}
}

// writeFixtureCopy is the fixture with one more paragraph, for revise.
func writeFixtureCopy(t *testing.T) string {
	t.Helper()
	src := testfixture.Read(t, testfixture.TASS)
	p := filepath.Join(t.TempDir(), "revised.txt")
	if err := os.WriteFile(p, append(src, "\nOne more paragraph for the record.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEncryptedDeskCLI(t *testing.T) {
	d := newDesk(t)
	if code, _, errs := d.run("init", "--encrypt"); code != 1 || !strings.Contains(errs, "COPYDESK_PASSPHRASE_FILE") {
		t.Fatalf("init --encrypt without a passphrase: %d %s", code, errs)
	}
	d.env["COPYDESK_PASSPHRASE_FILE"] = writePass(t, "first secret")
	if code, _, errs := d.run("init", "--encrypt"); code != 0 || !strings.Contains(errs, "created encrypted database") {
		t.Fatalf("init --encrypt: %d %s", code, errs)
	}
	if code, _, errs := d.run("init"); code != 1 || !strings.Contains(errs, "already holds a database") {
		t.Errorf("second init: %d %s", code, errs)
	}
	id := d.importFixture()

	var st struct {
		Articles  int  `json:"articles"`
		Encrypted bool `json:"encrypted"`
	}
	if err := json.Unmarshal([]byte(d.ok("stats", "--json")), &st); err != nil || st.Articles != 1 || !st.Encrypted {
		t.Errorf("stats: %+v %v", st, err)
	}

	d.env["COPYDESK_PASSPHRASE_FILE"] = writePass(t, "wrong secret")
	if code, _, errs := d.run("show", id); code != 1 || !strings.Contains(errs, "wrong passphrase for the encrypted database") {
		t.Errorf("wrong passphrase: %d %s", code, errs)
	}
	delete(d.env, "COPYDESK_PASSPHRASE_FILE")
	if code, _, errs := d.run("list"); code != 1 || !strings.Contains(errs, "is encrypted") {
		t.Errorf("no passphrase: %d %s", code, errs)
	}

	d.env["COPYDESK_PASSPHRASE_FILE"] = writePass(t, "first secret")
	if code, _, errs := d.run("passphrase", "--new-file", writePass(t, "second secret")); code != 0 || !strings.Contains(errs, "rotated") {
		t.Fatalf("passphrase: %d %s", code, errs)
	}
	if code, _, _ := d.run("show", id); code != 1 {
		t.Error("the old passphrase still opens the database")
	}
	d.env["COPYDESK_PASSPHRASE_FILE"] = writePass(t, "second secret")
	if out := d.ok("verify"); !strings.HasPrefix(out, "OK: 1 article,") {
		t.Errorf("verify after the change: %s", out)
	}

	// Backup of an encrypted desk into another encrypted desk made with
	// init: the backup is encrypted too, and the command says so.
	file := filepath.Join(t.TempDir(), "desk.cdb")
	if code, _, errs := d.run("backup", file); code != 0 || !strings.Contains(errs, "the backup is encrypted") {
		t.Fatalf("backup of an encrypted desk: %d %s", code, errs)
	}
	e := &desk{t: t, db: filepath.Join(t.TempDir(), "db2"), env: d.env}
	e.ok("init", "--encrypt")
	if code, _, errs := e.run("restore", file); code != 0 || !strings.Contains(errs, "verify: OK") {
		t.Fatalf("restore into an encrypted desk: %d %s", code, errs)
	}
	if a, b := d.ok("show", id, "--json"), e.ok("show", id, "--json"); a != b {
		t.Error("the restored encrypted desk differs")
	}
}

func TestStatsCLI(t *testing.T) {
	d := newDesk(t)
	d.importFixture()
	out := d.ok("stats")
	for _, want := range []string{"database:  " + d.db, "articles:  1", "revisions: 1", "encrypted: no"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats lacks %q:\n%s", want, out)
		}
	}
}
