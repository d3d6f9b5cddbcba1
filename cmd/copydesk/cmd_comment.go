package main

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"copydesk/editor"
	"copydesk/editor/comments"
	"copydesk/storage"
	"copydesk/storage/notes"
)

func init() {
	register(command{"comment", "ID --quote TEXT --note NOTE [--field headline|standfirst|body] | ID --reply CID --note NOTE | ID --resolve CID | ID --reopen CID",
		"comment on words of the copy (never exported, no revision made); reply to, resolve or reopen a comment", cmdComment})
	register(command{"comments", "ID [--json]", "list a story's comments, each with its quote and anchor in the copy as it stands and its state (open, resolved, orphaned)", cmdComments})
}

// cmdComment: copydesk comment ID --quote TEXT --note NOTE, or --reply / --resolve / --reopen CID.
func cmdComment(e *env, args []string) error {
	fs := e.newFlags("comment")
	quote := fs.String("quote", "", "the words to comment on, exactly as the copy has them")
	note := fs.String("note", "", "the comment (or, with --reply, the reply)")
	field := fs.String("field", "", "look for the quote only in headline, standfirst or body (default: all three, in that order)")
	reply := fs.String("reply", "", "reply to the comment `CID`")
	resolve := fs.String("resolve", "", "resolve the comment `CID`")
	reopen := fs.String("reopen", "", "reopen the resolved comment `CID`")
	author := fs.String("author", "", "who comments (default: --author before the command, $COPYDESK_AUTHOR or your login)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 1, "article ID"); err != nil {
		return err
	}
	id := pos[0]
	if !editor.ValidID(id) {
		return fmt.Errorf("%q is not an article ID (see copydesk list)", id)
	}
	actions := 0
	for _, s := range []string{*quote, *reply, *resolve, *reopen} {
		if s != "" {
			actions++
		}
	}
	if actions != 1 {
		return usagef("give one of --quote TEXT (a new comment), --reply CID, --resolve CID or --reopen CID")
	}
	if *field != "" && *quote == "" {
		return usagef("--field goes with --quote")
	}
	if (*quote != "" || *reply != "") && *note == "" {
		return usagef("--note NOTE is needed with --quote and --reply")
	}
	if (*resolve != "" || *reopen != "") && *note != "" {
		return usagef("--note goes with --quote or --reply, not with --resolve or --reopen")
	}
	switch *field {
	case "", comments.Headline, comments.Standfirst, comments.Body:
	default:
		return usagef("--field %q: use headline, standfirst or body", *field)
	}
	who := *author
	if who == "" {
		who = e.author
	}
	now := time.Now()
	return e.withStore(func(s storage.Store) error {
		d, err := s.Draft(e.ctx, id)
		if err != nil {
			return err
		}
		if *quote != "" {
			c, err := comments.New(d.Article, *field, *quote, *note, who, now)
			if err != nil {
				return err
			}
			if err := notes.SaveComment(e.ctx, s, c); err != nil {
				return err
			}
			fmt.Fprintf(e.io.out, "%s comment %s on the %s\n", id, c.ID, c.Anchor.Field)
			return nil
		}
		cid := *reply + *resolve + *reopen
		c, err := notes.Comment(e.ctx, s, id, cid)
		if err != nil {
			return err
		}
		c.Reanchor(d.Article) // keep the anchor as fresh as the copy
		var what string
		switch {
		case *reply != "":
			err, what = c.Reply(who, *note, now), "replied to"
		case *resolve != "":
			err, what = c.Resolve(who, now), "resolved"
		default:
			err, what = c.Reopen(who, now), "reopened"
		}
		if err != nil {
			return err
		}
		if err := notes.SaveComment(e.ctx, s, c); err != nil {
			return err
		}
		fmt.Fprintf(e.io.out, "%s comment %s %s\n", id, c.ID, what)
		return nil
	})
}

// cmdComments: copydesk comments ID [--json]
func cmdComments(e *env, args []string) error {
	fs := e.newFlags("comments")
	asJSON := fs.Bool("json", false, "print JSON: every comment with its state, quote, anchor and events")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 1, "article ID"); err != nil {
		return err
	}
	id := pos[0]
	if !editor.ValidID(id) {
		return fmt.Errorf("%q is not an article ID (see copydesk list)", id)
	}
	return e.withReader(func(s storage.Store) error {
		d, err := s.Draft(e.ctx, id)
		if err != nil {
			return err
		}
		cs, err := notes.Comments(e.ctx, s, id)
		if err != nil {
			return err
		}
		comments.Reanchor(cs, d.Article)
		if *asJSON {
			type row struct {
				*comments.Comment
				State string `json:"state"`
			}
			rows := make([]row, len(cs))
			for i, c := range cs {
				rows[i] = row{c, c.State()}
			}
			return writeJSON(e, rows)
		}
		if len(cs) == 0 {
			fmt.Fprintf(e.io.out, "%s has no comments\n", id)
			return nil
		}
		tw := tabwriter.NewWriter(e.io.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "CID\tSTATE\tWHERE\tAUTHOR\tTIME\tQUOTE\tNOTE")
		for _, c := range cs {
			where := c.Anchor.Field
			if where == comments.Body {
				where = fmt.Sprintf("¶%d", c.Anchor.Block+1)
			}
			if c.Orphaned {
				where = "(gone)"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t«%s»\t%s\n", c.ID, c.State(), where, c.Author,
				c.Time.Local().Format(time.DateTime), oneLineText(c.Quote), oneLineText(c.Note))
			for _, r := range c.Replies() {
				fmt.Fprintf(tw, "\t\t\t%s\t%s\t\t↳ %s\n", r.Author, r.Time.Local().Format(time.DateTime), oneLineText(r.Text))
			}
		}
		return tw.Flush()
	})
}

func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }
