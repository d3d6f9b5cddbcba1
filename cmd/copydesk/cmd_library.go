package main

import (
	"context"
	"fmt"
	"path/filepath"
	"text/tabwriter"
	"time"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/backup"
)

// cmdList: copydesk list [--status S] [--tag T] [--search TEXT] [--json]
func cmdList(e *env, args []string) error {
	fs := e.newFlags("list")
	status := fs.String("status", "", "only articles with this status: draft, in_edit, ready, published, spiked (default: all but spiked)")
	tag := fs.String("tag", "", "only articles with this tag")
	search := fs.String("search", "", "only articles whose headline, slug or tags contain every word")
	limit := fs.Int("limit", 0, "at most N articles (default: all)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, 0, ""); err != nil {
		return err
	}
	q := storage.Query{Tag: *tag, Text: *search, Limit: *limit}
	if *status != "" {
		st, err := editor.ParseStatus(*status)
		if err != nil {
			return usagef("--status: %v", err)
		}
		q.Status = st
	}
	if *limit < 0 {
		return usagef("--limit must not be negative")
	}
	return e.withReader(func(s storage.Store) error {
		rows, total, err := s.List(e.ctx, q)
		if err != nil {
			return err
		}
		if *asJSON {
			if rows == nil {
				rows = []storage.Summary{}
			}
			return writeJSON(e, rows)
		}
		if len(rows) == 0 {
			fmt.Fprintln(e.io.err, "no articles")
			return nil
		}
		tw := tabwriter.NewWriter(e.io.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTATUS\tWORDS\tCHANGED\tSLUG\tHEADLINE")
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", r.ID, r.Status, r.Words, r.Modified.Local().Format("2006-01-02 15:04"), r.Slug, clip(r.Headline, 70))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if total > len(rows) {
			fmt.Fprintf(e.io.err, "%d of %s shown\n", len(rows), editor.Plural(total, "article"))
		}
		return nil
	})
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// cmdHistory: copydesk history ID [--json]
func cmdHistory(e *env, args []string) error {
	fs := e.newFlags("history")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 1, "article ID"); err != nil {
		return err
	}
	if !editor.ValidID(pos[0]) {
		return fmt.Errorf("%q is not an article ID (see copydesk list)", pos[0])
	}
	return e.withReader(func(s storage.Store) error {
		revs, err := s.Revisions(e.ctx, pos[0])
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e, revs)
		}
		tw := tabwriter.NewWriter(e.io.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SEQ\tTIME\tAUTHOR\tKIND\tWORDS\tHASH\tLABEL")
		for _, r := range revs {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", r.Seq, r.Time.Local().Format(time.DateTime), r.Author, r.Kind, r.Words, r.Hash[:12], r.Label)
		}
		return tw.Flush()
	})
}

// cmdVerify: copydesk verify
func cmdVerify(e *env, args []string) error {
	fs := e.newFlags("verify")
	asJSON := fs.Bool("json", false, "print the whole report as JSON")
	repair := fs.Bool("repair", false, "rebuild the search index from the stories first (it is derived data; the revision chains are not touched)")
	head := fs.Bool("head", false, "also print the desk's head: its counts and a short fingerprint of every article's newest revision and draft and of its settings, to note elsewhere and compare later (keyed on an encrypted desk)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, 0, ""); err != nil {
		return err
	}
	with := e.withReader
	if *repair {
		with = e.withStore
	}
	return with(func(s storage.Store) error {
		if *repair {
			if err := rebuildIndex(e, s); err != nil {
				return err
			}
		}
		rep, err := s.Verify(e.ctx, nil)
		if err != nil {
			return err
		}
		if *asJSON {
			if err := writeJSON(e, rep); err != nil {
				return err
			}
		}
		// A story lost since the head was noted says more than what its
		// loss left behind (postings of a story no longer there).
		if err := checkNoted(e, s); err != nil {
			return err
		}
		if !rep.OK() {
			return fmt.Errorf("BROKEN: %s (%s in all)", rep.Problems[0], editor.Plural(len(rep.Problems), "problem"))
		}
		if !*asJSON {
			fmt.Fprintf(e.io.out, "OK: %s, %s verified\n", editor.Plural(rep.Articles, "article"), editor.Plural(rep.Revisions, "revision"))
		}
		if *head {
			h, err := noteHead(e, s)
			if err != nil {
				return err
			}
			w := e.io.out
			if *asJSON { // stdout holds the report's JSON alone
				w = e.io.err
			}
			fmt.Fprintf(w, "head: %s\n", h)
		}
		return nil
	})
}

// rebuildIndex rebuilds a desk's search index (verify --repair).
func rebuildIndex(e *env, s storage.Store) error {
	r, ok := s.(interface{ RebuildIndex(context.Context) error })
	if !ok {
		return fmt.Errorf("verify --repair rebuilds the search index of a desk directory; the shared store %s keeps its own", e.location())
	}
	if err := r.RebuildIndex(e.ctx); err != nil {
		return err
	}
	fmt.Fprintln(e.io.err, "rebuilt the search index")
	return nil
}

// checkNoted compares a desk directory with the head noted at its last
// backup, restore or verify --head: no article or revision noted then may
// be missing now.
func checkNoted(e *env, s storage.Store) error {
	if e.storeURL != "" {
		return nil
	}
	problems, notice, err := backup.CheckNoted(e.ctx, s, e.dbDir)
	if err != nil {
		return err
	}
	if notice != "" {
		fmt.Fprintln(e.io.err, "note:", notice)
	}
	if len(problems) == 0 {
		return nil
	}
	for _, p := range problems[1:] {
		fmt.Fprintln(e.io.err, "  "+p)
	}
	return fmt.Errorf("BROKEN: %s (%d problems in all): restore what is missing from a backup (copydesk restore FILE --db NEWDIR), or, to accept the desk as it is, remove %s",
		problems[0], len(problems), filepath.Join(e.dbDir, backup.NotedName))
}

// noteHead is the desk's head, noted beside a desk directory for later
// verifies to check.
func noteHead(e *env, s storage.Store) (storage.Head, error) {
	if e.storeURL != "" {
		return backup.DeskHead(e.ctx, s)
	}
	return backup.NoteDesk(e.ctx, s, e.dbDir, "verify --head")
}
