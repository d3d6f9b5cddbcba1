package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/badgerstore"
	"copydesk/storage/keyfile"
	"copydesk/storage/pgstore"
	"copydesk/storage/pgtest"
)

// TestEncryptedStaysEncrypted: a backup of an encrypted desk holds no
// plaintext, needs the passphrase, and restores (and migrates) into an
// encrypted desk with the same fingerprint unless --plain.
func TestEncryptedStaysEncrypted(t *testing.T) {
	d := newDesk(t)
	d.env["COPYDESK_PASSPHRASE_FILE"] = writePass(t, "desk secret")
	d.ok("init", "--encrypt")
	id := d.importFixture()
	head := d.ok("verify", "--head")
	if !strings.Contains(head, "(keyed)") {
		t.Errorf("verify --head on an encrypted desk: %q, want a keyed head", head)
	}
	headline := strings.TrimSpace(d.ok("show", id, "--json"))
	file := filepath.Join(t.TempDir(), "desk.cdb")
	d.ok("backup", file)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"TASS", "Moscow", "MOSCOW"} {
		if strings.Contains(string(data), word) && strings.Contains(headline, word) {
			t.Errorf("the backup of an encrypted desk holds %q in plain text", word)
		}
	}

	noPass := &desk{t: t, db: filepath.Join(t.TempDir(), "r0"), env: map[string]string{"HOME": d.env["HOME"]}}
	if code, _, errs := noPass.run("restore", file); code != exitUser || !strings.Contains(errs, "encrypted backup") {
		t.Errorf("restore without the passphrase: exit %d %q", code, errs)
	}
	if _, err := os.Stat(noPass.db); !os.IsNotExist(err) {
		t.Errorf("a refused restore made %s", noPass.db)
	}

	r := &desk{t: t, db: filepath.Join(t.TempDir(), "r1"), env: d.env}
	r.ok("restore", file)
	if ok, _ := keyfile.Exists(r.db); !ok {
		t.Fatal("the desk restored from an encrypted backup is not encrypted")
	}
	if got := r.ok("verify", "--head"); got != head {
		t.Errorf("the restored desk's head %q differs from the source's %q", got, head)
	}

	p := &desk{t: t, db: filepath.Join(t.TempDir(), "r2"), env: d.env}
	p.ok("restore", file, "--plain")
	if ok, _ := keyfile.Exists(p.db); ok {
		t.Error("restore --plain made an encrypted desk")
	}

	m := filepath.Join(t.TempDir(), "m1")
	d.ok("migrate", "--from", d.db, "--to", m)
	if ok, _ := keyfile.Exists(m); !ok {
		t.Error("migrate of an encrypted desk into a directory made a plain desk")
	}
	if _, err := os.Stat(filepath.Join(m, backup.IncompleteName)); !os.IsNotExist(err) {
		t.Errorf("a finished migration left its incomplete mark (%v)", err)
	}
}

// TestBackupOfDamagedDesk: a damaged desk is not backed up without
// --damaged-ok; with it, restore refuses the file whole unless
// --salvage, which restores the intact articles and names the other.
func TestBackupOfDamagedDesk(t *testing.T) {
	d := newDesk(t)
	good := d.importFixture()
	bad := d.importFixture()
	breakRevision(t, d.db, bad)
	file := filepath.Join(t.TempDir(), "desk.cdb")
	code, _, errs := d.run("backup", file)
	if code != exitUser || !strings.Contains(errs, bad) || !strings.Contains(errs, "--damaged-ok") {
		t.Fatalf("backup of a damaged desk: exit %d %q; want a refusal naming %s", code, errs, bad)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Error("a refused backup wrote its file")
	}
	d.ok("backup", file, "--damaged-ok")

	target := filepath.Join(t.TempDir(), "whole")
	code, _, errs = d.run("restore", file, "--db", target)
	if code != exitUser || !strings.Contains(errs, bad) || !strings.Contains(errs, "--salvage") {
		t.Errorf("restore of a backup with a damaged article: exit %d %q", code, errs)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Error("a refused restore made its target")
	}
	s := &desk{t: t, db: filepath.Join(t.TempDir(), "salvaged"), env: d.env}
	code, _, errs = s.run("restore", file, "--salvage")
	if code != exitUser || !strings.Contains(errs, "salvaged 1 of 2") || !strings.Contains(errs, "not restored: "+bad) {
		t.Errorf("restore --salvage: exit %d %q", code, errs)
	}
	if out := s.ok("verify"); !strings.HasPrefix(out, "OK: 1 article,") {
		t.Errorf("the salvaged desk: %q", out)
	}
	s.ok("show", good)
}

// TestIncompleteDeskRefused: a desk marked incomplete by a restore that
// did not finish is refused by every command, saying what to do.
func TestIncompleteDeskRefused(t *testing.T) {
	d := newDesk(t)
	d.importFixture()
	if err := backup.MarkIncomplete(d.db, "a restore of desk.cdb"); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"verify"}, {"list"}, {"backup", filepath.Join(t.TempDir(), "x.cdb")}} {
		code, _, errs := d.run(cmd...)
		if code != exitUser || !strings.Contains(errs, "is incomplete") || !strings.Contains(errs, "into a new folder") {
			t.Errorf("%s on an incomplete desk: exit %d %q", cmd[0], code, errs)
		}
	}
}

// breakRevision changes one letter of the first revision of article id
// behind the store's back: the revision still decodes, but its content no
// longer matches its hash.
func breakRevision(t *testing.T, dir, id string) {
	t.Helper()
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	key := binary.BigEndian.AppendUint64([]byte("v1/rev/"+id+"/"), 1)
	err = db.Update(func(txn *badger.Txn) error {
		item, err := txn.Get(key)
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		i := bytes.Index(v, []byte(`"headline":"`))
		if i < 0 {
			return fmt.Errorf("no headline in the stored revision")
		}
		v[i+len(`"headline":"`)] ^= 0x20 // the first letter's case
		return txn.Set(key, v)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// dropKeys deletes every key with one of the prefixes behind the store's
// back, as a lost file or a bug would.
func dropKeys(t *testing.T, dir string, prefixes ...[]byte) {
	t.Helper()
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(txn *badger.Txn) error {
		for _, p := range prefixes {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: p})
			var keys [][]byte
			for it.Rewind(); it.Valid(); it.Next() {
				keys = append(keys, it.Item().KeyCopy(nil))
			}
			it.Close()
			for _, k := range keys {
				if err := txn.Delete(k); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNotedHeadCatchesLoss: after verify --head notes the desk, an article that goes missing
// from the desk behind the store's back (every record of it, so each
// chain left still holds) makes verify fail, naming it.
func TestNotedHeadCatchesLoss(t *testing.T) {
	d := newDesk(t)
	gone := d.importFixture()
	d.importFixture()
	if out := d.ok("verify", "--head"); !strings.HasPrefix(out, "OK: 2 articles") {
		t.Fatalf("verify --head: %q", out)
	}
	dropKeys(t, d.db, []byte("v1/draft/"+gone), []byte("v1/rev/"+gone+"/"), []byte("v1/sum/"+gone))
	code, _, errs := d.run("verify")
	if code != exitUser || !strings.Contains(errs, gone+" was on the desk") || !strings.Contains(errs, "verify --head") {
		t.Errorf("verify after an article went missing: exit %d %q", code, errs)
	}
	// Accepted as it is (the note removed, the postings the loss left
	// behind rebuilt), the desk verifies.
	if err := os.Remove(filepath.Join(d.db, backup.NotedName)); err != nil {
		t.Fatal(err)
	}
	if out := d.ok("verify", "--repair"); !strings.HasPrefix(out, "OK: 1 article,") {
		t.Errorf("verify after noting the head again: %q", out)
	}
}

// TestIncompleteSharedStoreRefused: a shared store a migration left
// marked is refused by every desk, saying what to do; a finished
// migration leaves it usable and carries no mark along.
func TestIncompleteSharedStoreRefused(t *testing.T) {
	pg := pgtest.Database(t)
	d := newDesk(t)
	id := d.importFixture()
	d.ok("migrate", "--from", d.db, "--to", pg)
	global := []string{"--store", pg}
	if out := okAt(t, d.env, global, "verify"); !strings.HasPrefix(out, "OK: 1 article,") {
		t.Fatalf("verify after the migration: %q", out)
	}
	s, err := pgstore.Open(context.Background(), pg, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := backup.MarkStoreIncomplete(context.Background(), s, "a migration from /old/desk"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, _, errs := runAt(t, d.env, global, "show", id)
	if code != exitUser || !strings.Contains(errs, "is incomplete: a migration from /old/desk") || !strings.Contains(errs, "run the migration again") {
		t.Errorf("show on an incomplete shared store: exit %d %q", code, errs)
	}
	back := filepath.Join(t.TempDir(), "back")
	if code, _, errs := d.run("migrate", "--from", pg, "--to", back); code != exitUser || !strings.Contains(errs, "is incomplete") {
		t.Errorf("migrate from an incomplete shared store: exit %d %q", code, errs)
	}
	// Finished, the store keeps an empty mark, which a migration does not
	// carry along.
	if s, err = pgstore.Open(context.Background(), pg, pgstore.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := backup.MarkStoreComplete(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	s.Close()
	d.ok("migrate", "--from", pg, "--to", back)
	r := &desk{t: t, db: back, env: d.env}
	r.ok("show", id)
	if _, err := os.Stat(filepath.Join(back, backup.IncompleteName)); !os.IsNotExist(err) {
		t.Errorf("the finished migration left its mark (%v)", err)
	}
	b, err := badgerstore.Open(back, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.Setting(context.Background(), backup.IncompleteSetting); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the migration carried the store's mark along: %v", err)
	}
}
