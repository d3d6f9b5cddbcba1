package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/storage"
)

func init() {
	register(command{"status", "ID draft|in_edit|ready|published|spiked|unspike [--override REASON] [--author A]",
		"move an article through the workflow (a revision records each move)", cmdStatus})
}

// cmdStatus: copydesk status ID STATUS. Each move is a revision of kind
// status, as in the window, so the history shows who moved the story when.
func cmdStatus(e *env, args []string) error {
	fs := e.newFlags("status")
	author := fs.String("author", "", "author of the revision (default: --author before the command, $COPYDESK_AUTHOR or your login)")
	override := fs.String("override", "", "move to ready although the story is over a length limit, for this `REASON` (recorded in the revision)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 2, 2, "ID and STATUS"); err != nil {
		return err
	}
	id, want := pos[0], strings.ToLower(pos[1])
	var to editor.Status
	if want != "unspike" {
		if to, err = editor.ParseStatus(want); err != nil {
			return usagef("%v (or unspike)", err)
		}
	}
	if !editor.ValidID(id) {
		return fmt.Errorf("%q is not an article ID (see copydesk list)", id)
	}
	who := *author
	if who == "" {
		who = e.author
	}
	return e.withStore(func(s storage.Store) error {
		d, err := s.Draft(e.ctx, id)
		if err != nil {
			return err
		}
		a := d.Article.Clone()
		from := a.Status
		var note string
		if want == "unspike" {
			err = a.Unspike()
		} else {
			// The house style's length limits hold a story back from ready
			// unless the editor overrides them, with a reason on record.
			rules, rerr := check.LoadRules(e.ctx, s, string(e.style))
			if rerr != nil {
				return rerr
			}
			if note, err = rules.ReadyCheck(a, to, *override != "", *override); err == nil {
				err = a.SetStatus(to)
			}
		}
		if err != nil {
			var over *editor.OverLimitError
			if errors.As(err, &over) {
				return fmt.Errorf("%w; shorten it, or move it anyway with --override REASON", err)
			}
			return err
		}
		if a.Status == from {
			fmt.Fprintf(e.io.out, "%s is already %s\n", id, from.Label())
			return nil
		}
		a.Modified = time.Now().UTC().Truncate(time.Millisecond)
		label := from.Label() + " → " + a.Status.Label()
		rev, err := s.SaveRevision(e.ctx, a, storage.Meta{Author: who, Kind: storage.KindStatus, Label: label, Note: note, DraftVersion: d.Version})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.io.out, "%s %s (revision %d)\n", id, label, rev.Seq)
		return nil
	})
}
