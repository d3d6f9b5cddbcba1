package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/keyfile"
)

func init() {
	register(command{"migrate", "--from SRC --to DST [--plain]", "copy a whole desk (every article's history and the desk's settings) between a directory and a postgres:// store, then verify both", cmdMigrate})
}

// cmdMigrate: copydesk migrate --from SRC --to DST
//
// SRC and DST are each a desk directory (Badger) or a postgres:// URL. The
// histories go across as Dump gives them and Load keeps them (hashes,
// times, sequence numbers), so the chains verify on both sides and a
// revision keeps its hash wherever it lives.
func cmdMigrate(e *env, args []string) error {
	fs := e.newFlags("migrate")
	from := fs.String("from", "", "the desk to copy: a directory or postgres://… URL")
	to := fs.String("to", "", "an empty desk to copy into: a new or empty directory, or an empty postgres://… database")
	plain := fs.Bool("plain", false, "copy an encrypted desk into an unencrypted one (by default a directory stays encrypted, with the same passphrase, and a postgres:// store is refused)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, 0, ""); err != nil {
		return err
	}
	switch {
	case *from == "":
		return usagef("missing --from SRC")
	case *to == "":
		return usagef("missing --to DST")
	case sameDesk(*from, *to):
		return usagef("--from and --to name the same desk %s", deskName(*from))
	}
	if !isStoreURL(*from) {
		if _, err := os.Stat(filepath.Join(*from, "MANIFEST")); err != nil {
			return fmt.Errorf("--from %s holds no Copydesk database (%v)", *from, err)
		}
	}
	src, err := e.openDesk(*from)
	if err != nil {
		return err
	}
	defer src.Close()

	_, statErr := os.Stat(*to)
	createdDir := !isStoreURL(*to) && errors.Is(statErr, os.ErrNotExist)
	if err := e.prepareTarget(*from, *to, *plain); err != nil {
		if createdDir {
			os.RemoveAll(*to)
		}
		return err
	}
	d := *e
	d.filling = true // a directory --to may be marked incomplete by an earlier, killed migration
	dst, err := d.openDesk(*to)
	if err != nil {
		if createdDir {
			os.RemoveAll(*to)
		}
		return err
	}
	sum, err := e.migrate(src, dst, *from, *to)
	switch {
	case err == nil && isStoreURL(*to):
		err = backup.MarkStoreComplete(e.ctx, dst)
	case err == nil:
		_, err = backup.NoteDesk(e.ctx, dst, *to, "migrated from "+deskName(*from))
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil && !isStoreURL(*to) {
		err = backup.MarkComplete(*to)
	}
	if err != nil && sum.copied == 0 && createdDir {
		// Nothing of the desk went across into a directory made for it:
		// leave nothing behind either.
		os.RemoveAll(*to)
	}
	return err
}

// prepareTarget keeps an encrypted desk encrypted: a directory it is
// copied into gets its key header (the same key, the same passphrase)
// before anything else, a shared store (which has no key) is refused
// without --plain. A directory is marked incomplete until the migration
// has been verified.
func (e *env) prepareTarget(from, to string, plain bool) error {
	encrypted := false
	if !isStoreURL(from) {
		var err error
		if encrypted, err = keyfile.Exists(from); err != nil {
			return err
		}
	}
	if isStoreURL(to) {
		if encrypted && !plain {
			return fmt.Errorf("--from %s is encrypted and a shared store cannot be: add --plain to copy it unencrypted into %s (whose server's roles and TLS then protect it); nothing was copied", from, deskName(to))
		}
		return nil
	}
	if err := os.MkdirAll(to, 0o700); err != nil {
		return fmt.Errorf("cannot create the database directory: %w", err)
	}
	if !encrypted || plain {
		return nil
	}
	if ok, err := keyfile.Exists(to); err != nil || ok {
		return err // already encrypted, with its own key
	}
	if _, err := os.Stat(filepath.Join(to, "MANIFEST")); err == nil {
		return fmt.Errorf("--from %s is encrypted and --to %s is a plain desk: migrate into a new directory (it will be encrypted with the same passphrase), or add --plain; nothing was copied", from, to)
	}
	hdr, err := keyfile.ReadHeader(from)
	if err != nil {
		return err
	}
	return keyfile.Install(to, hdr)
}

// openDesk opens a directory or a postgres:// URL. A directory with a key
// header is unlocked with $COPYDESK_PASSPHRASE_FILE, as every command does.
func (e *env) openDesk(where string) (storage.Store, error) {
	d := *e
	d.dbDir, d.storeURL = where, ""
	if isStoreURL(where) {
		d.storeURL = where
	}
	return d.openStore()
}

// sameDesk: a directory compared as a cleaned absolute path, a URL without
// its password.
func sameDesk(a, b string) bool {
	if isStoreURL(a) || isStoreURL(b) {
		return redactURL(a) == redactURL(b)
	}
	pa, err1 := filepath.Abs(a)
	pb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && pa == pb
}

// deskName is a desk as it may be shown: a URL without its password.
func deskName(where string) string {
	if isStoreURL(where) {
		return redactURL(where)
	}
	return where
}

// migration is what a migrate did, for the summary.
type migration struct {
	copied, revisions, settings int
	// newest is each copied article's newest revision hash, and its draft's
	// content hash: both must read back the same from the destination.
	newest map[string]copiedArticle
}

type copiedArticle struct {
	revHash, draftHash string
	revisions          int
}

func (e *env) migrate(src, dst storage.Store, from, to string) (migration, error) {
	start := time.Now()
	m := migration{newest: map[string]copiedArticle{}}
	srcStats, err := src.Stats(e.ctx)
	if err != nil {
		return m, fmt.Errorf("reading %s: %w", deskName(from), err)
	}
	if err := refuseNonEmpty(e, dst, to); err != nil {
		return m, err
	}
	// Marked only now that it is known to be empty: a refused migration
	// leaves a desk that was there as it was.
	what := "a migration from " + deskName(from)
	if isStoreURL(to) {
		err = backup.MarkStoreIncomplete(e.ctx, dst, what)
	} else {
		err = backup.MarkIncomplete(to, what)
	}
	if err != nil {
		return m, err
	}
	if m.settings, err = copySettings(e, src, dst); err != nil {
		return m, err
	}
	total := srcStats.Articles
	err = src.Dump(e.ctx, func(h storage.History) error {
		id := h.Draft.Article.ID
		if err := dst.Load(e.ctx, h); err != nil {
			return fmt.Errorf("article %s: %w", id, err)
		}
		m.copied++
		m.revisions += len(h.Revisions)
		c := copiedArticle{draftHash: h.Draft.Article.ContentHash(), revisions: len(h.Revisions)}
		if n := len(h.Revisions); n > 0 {
			c.revHash = h.Revisions[n-1].Revision.Hash
		}
		m.newest[id] = c
		fmt.Fprintf(e.io.err, "[%d/%d] %s %s (%s)\n", m.copied, max(total, m.copied), id, slugOf(h), editor.Plural(len(h.Revisions), "revision"))
		return nil
	})
	if err != nil {
		return m, fmt.Errorf("copying from %s to %s stopped after %s: %w; %s now holds part of the desk: empty it before trying again",
			deskName(from), deskName(to), editor.Plural(m.copied, "article"), err, deskName(to))
	}
	fmt.Fprintf(e.io.err, "copied %s, %s, %s in %v; verifying both desks…\n",
		editor.Plural(m.copied, "article"), editor.Plural(m.revisions, "revision"), editor.Plural(m.settings, "setting"), time.Since(start).Round(time.Millisecond))
	return m, e.compareDesks(src, dst, from, to, m)
}

func slugOf(h storage.History) string {
	if s := h.Draft.Article.Slug; s != "" {
		return s
	}
	return fmt.Sprintf("%q", h.Draft.Article.Headline)
}

// refuseNonEmpty: a migration fills a desk, it never merges into one — an
// article in both would be refused half-way, and settings would be
// overwritten without a word.
func refuseNonEmpty(e *env, dst storage.Store, to string) error {
	st, err := dst.Stats(e.ctx)
	if err != nil {
		return fmt.Errorf("reading %s: %w", deskName(to), err)
	}
	if st.Articles > 0 || st.Revisions > 0 {
		return fmt.Errorf("--to %s is not empty: it holds %s and %s; migrate only into a new directory or an empty database, nothing was copied",
			deskName(to), editor.Plural(st.Articles, "article"), editor.Plural(st.Revisions, "revision"))
	}
	names, err := settingNames(e, dst)
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := dst.Setting(e.ctx, name); err == nil {
			return fmt.Errorf("--to %s is not empty: it holds the setting %s; migrate only into a new directory or an empty database, nothing was copied", deskName(to), name)
		} else if !errors.Is(err, storage.ErrNotFound) {
			return err
		}
	}
	return nil
}

// settingNames: every setting a store can list, else the ones a backup
// carries (storage/backup decides which settings make up a desk).
func settingNames(e *env, s storage.Store) ([]string, error) {
	return backup.SettingNames(e.ctx, s)
}

func copySettings(e *env, src, dst storage.Store) (int, error) {
	names, err := settingNames(e, src)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, name := range names {
		v, err := src.Setting(e.ctx, name)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err == nil {
			err = dst.SetSetting(e.ctx, name, v)
		}
		if err != nil {
			return n, fmt.Errorf("setting %s: %w", name, err)
		}
		n++
	}
	return n, nil
}

// compareDesks verifies both desks and reads every copied article back
// from the destination. Any difference is an error: the summary lists
// what differs.
func (e *env) compareDesks(src, dst storage.Store, from, to string, m migration) error {
	var problems []string
	verify := func(s storage.Store, where string) storage.Report {
		progress, done := e.progress("verifying " + deskName(where))
		rep, err := s.Verify(e.ctx, progress)
		done()
		if err != nil {
			problems = append(problems, fmt.Sprintf("verify %s: %v", deskName(where), err))
		}
		for _, p := range rep.Problems {
			problems = append(problems, fmt.Sprintf("%s: %s", deskName(where), p))
		}
		return rep
	}
	srcRep, dstRep := verify(src, from), verify(dst, to)
	if srcRep.Articles != dstRep.Articles || srcRep.Revisions != dstRep.Revisions {
		problems = append(problems, fmt.Sprintf("the source holds %s and %s, the destination %d and %d",
			editor.Plural(srcRep.Articles, "article"), editor.Plural(srcRep.Revisions, "revision"), dstRep.Articles, dstRep.Revisions))
	}
	if m.copied != dstRep.Articles || m.revisions != dstRep.Revisions {
		problems = append(problems, fmt.Sprintf("%s and %s were copied, the destination holds %d and %d",
			editor.Plural(m.copied, "article"), editor.Plural(m.revisions, "revision"), dstRep.Articles, dstRep.Revisions))
	}
	same := 0
	for id, c := range m.newest {
		if p := compareArticle(e, dst, id, c); p != "" {
			problems = append(problems, p)
			continue
		}
		same++
	}
	fmt.Fprintf(e.io.err, "source %s: %s\ndestination %s: %s\nnewest revisions and drafts: %d of %s the same\n",
		deskName(from), reportText(srcRep), deskName(to), reportText(dstRep), same, editor.Plural(len(m.newest), "article"))
	if len(problems) == 0 {
		fmt.Fprintf(e.io.err, "migrated %s, %s, %s from %s to %s: OK\n",
			editor.Plural(m.copied, "article"), editor.Plural(m.revisions, "revision"), editor.Plural(m.settings, "setting"), deskName(from), deskName(to))
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(e.io.err, "  "+p)
	}
	return fmt.Errorf("the two desks differ (%s, listed above): do not use %s until this is understood", editor.Plural(len(problems), "problem"), deskName(to))
}

func compareArticle(e *env, dst storage.Store, id string, c copiedArticle) string {
	revs, err := dst.Revisions(e.ctx, id)
	if err != nil {
		return fmt.Sprintf("article %s: %v", id, err)
	}
	got := ""
	if len(revs) > 0 {
		got = revs[len(revs)-1].Hash
	}
	if len(revs) != c.revisions || got != c.revHash {
		return fmt.Sprintf("article %s: the destination has %s, the newest %.12s; the source %d, the newest %.12s", id, editor.Plural(len(revs), "revision"), got, c.revisions, c.revHash)
	}
	d, err := dst.Draft(e.ctx, id)
	if err != nil {
		return fmt.Sprintf("article %s: draft: %v", id, err)
	}
	if h := d.Article.ContentHash(); h != c.draftHash {
		return fmt.Sprintf("article %s: the destination's draft differs (content %.12s, the source's %.12s)", id, h, c.draftHash)
	}
	return ""
}

func reportText(r storage.Report) string {
	if r.OK() {
		return fmt.Sprintf("verify OK, %s, %s", editor.Plural(r.Articles, "article"), editor.Plural(r.Revisions, "revision"))
	}
	return fmt.Sprintf("verify found %s in %s, %s", editor.Plural(len(r.Problems), "problem"), editor.Plural(r.Articles, "article"), editor.Plural(r.Revisions, "revision"))
}
