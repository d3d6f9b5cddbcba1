package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"copydesk/editor"
	"copydesk/editor/review"
	"copydesk/storage"
	"copydesk/storage/notes"
)

func init() {
	register(command{"review", "ID A B [--json] | ID A B --reject C3,C7 [--reason TEXT] [--label L] [--author A] | ID A B --finish",
		"list the changes from revision A to B (numbers, or draft) with stable IDs; with --reject or --finish write one review revision: B with the rejected changes reverted, every other change accepted, the decisions recorded", cmdReview})
}

// reviewList is what review --json prints.
type reviewList struct {
	ArticleID string          `json:"article_id"`
	From      string          `json:"from"`
	To        string          `json:"to"`
	Changes   []review.Change `json:"changes"`
}

// cmdReview: copydesk review ID A B [--json] [--reject IDS] [--reason R] [--label L]
func cmdReview(e *env, args []string) error {
	fs := e.newFlags("review")
	asJSON := fs.Bool("json", false, "print the changes as JSON")
	reject := fs.String("reject", "", "comma-separated change `IDS` to reject (C3,C7); every other change is accepted and the review revision is written")
	finish := fs.Bool("finish", false, "write the review revision even with nothing rejected (accept every change)")
	reason := fs.String("reason", "", "why the changes were rejected, recorded with each rejection")
	label := fs.String("label", "", "label of the review revision")
	author := fs.String("author", "", "who reviewed (default: --author before the command, $COPYDESK_AUTHOR or your login)")
	correction := fs.String("correction", "", "the public correction `NOTE`: needed when the story is published and the review changes its copy")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 3, 3, "ID and the two revisions A and B (numbers, or draft)"); err != nil {
		return err
	}
	id := pos[0]
	if !editor.ValidID(id) {
		return fmt.Errorf("%q is not an article ID (see copydesk list)", id)
	}
	revA, err := parseRevisionArg(pos[1])
	if err != nil {
		return err
	}
	revB, err := parseRevisionArg(pos[2])
	if err != nil {
		return err
	}
	write := *finish || *reject != ""
	if !write && (*reason != "" || *label != "" || *correction != "") {
		return usagef("--reason, --label and --correction go with --reject or --finish (they describe the revision a review writes)")
	}
	if write && *asJSON {
		return usagef("--json lists the changes; it does not go with --reject or --finish")
	}
	who := *author
	if who == "" {
		who = e.author
	}
	if !write {
		return e.withReader(func(s storage.Store) error {
			r, err := loadReview(e, s, id, revA, revB)
			if err != nil {
				return err
			}
			return printReview(e, r, id, pos[1], pos[2], *asJSON)
		})
	}
	return e.withStore(func(s storage.Store) error {
		r, err := loadReview(e, s, id, revA, revB)
		if err != nil {
			return err
		}
		rejected, err := r.ParseIDs(*reject)
		if err != nil {
			return err
		}
		return finishReview(e, s, r, reviewOptions{id: id, from: revA, to: revB, rejected: rejected,
			reason: *reason, label: *label, author: who, correction: *correction})
	})
}

func loadReview(e *env, s storage.Store, id string, revA, revB uint64) (*review.Review, error) {
	a, _, err := loadSide(e, s, id, revA)
	if err != nil {
		return nil, err
	}
	b, _, err := loadSide(e, s, id, revB)
	if err != nil {
		return nil, err
	}
	return review.New(a, b), nil
}

func sideName(seq uint64) string {
	if seq == draftRevision {
		return "draft"
	}
	return fmt.Sprintf("#%d", seq)
}

func printReview(e *env, r *review.Review, id, from, to string, asJSON bool) error {
	if asJSON {
		changes := r.Changes
		if changes == nil {
			changes = []review.Change{}
		}
		return writeJSON(e, reviewList{ArticleID: id, From: from, To: to, Changes: changes})
	}
	fmt.Fprintf(e.io.out, "Review of %s from %s to %s: %s\n", id, from, to, editor.Plural(len(r.Changes), "change"))
	tw := tabwriter.NewWriter(e.io.out, 0, 4, 2, ' ', 0)
	for _, c := range r.Changes {
		var flags []string
		if c.Numbers {
			flags = append(flags, "number")
		}
		if c.Quotes {
			flags = append(flags, "quote")
		}
		flag := ""
		if len(flags) > 0 {
			flag = "[" + strings.Join(flags, ", ") + "] "
		}
		fmt.Fprintf(tw, "%s\t%s\t%s%s\n", c.ID, c.Kind, flag, c.Summary)
	}
	return tw.Flush()
}

type reviewOptions struct {
	id                                string
	from, to                          uint64
	rejected                          review.Set
	reason, label, author, correction string
}

// finishReview writes the review's one revision and its decisions (see
// notes.FinishReview). B must be the copy as it stands (the draft).
func finishReview(e *env, s storage.Store, r *review.Review, o reviewOptions) error {
	release, err := holdStory(e, s, o.id, o.author)
	if err != nil {
		return err
	}
	defer release()
	d, err := s.Draft(e.ctx, o.id)
	if err != nil {
		return err
	}
	if !notes.SameCopy(d.Article, r.B) {
		return fmt.Errorf("revision %s is not the story as it stands: the draft has changed since, and writing the review would undo that work; review up to the draft (copydesk review %s %s draft)",
			sideName(o.to), o.id, sideName(o.from))
	}
	rev, _, err := notes.FinishReview(e.ctx, s, r, d.Article, notes.Finish{ArticleID: o.id, From: o.from, To: o.to,
		Rejected: o.rejected, Reason: o.reason, Label: o.label, Author: o.author, Correction: o.correction, DraftVersion: d.Version})
	if errors.Is(err, notes.ErrNothingToReview) {
		fmt.Fprintf(e.io.out, "%s: no changes from %s to %s, nothing to review: no revision made\n", o.id, sideName(o.from), sideName(o.to))
		return nil
	}
	var fe *editor.FieldError
	if errors.As(err, &fe) && fe.Field == "correction" {
		return fmt.Errorf("%w (give it with --correction NOTE)", err)
	}
	if err != nil {
		return err
	}
	acc := len(r.Changes) - len(o.rejected)
	fmt.Fprintf(e.io.out, "%s revision %d (%s: %d accepted, %d rejected)\n", o.id, rev.Seq, rev.Kind, acc, len(o.rejected))
	return nil
}

func init() {
	register(command{"decisions", "ID SEQ [--json]", "show the decisions a review revision recorded: each change accepted or rejected, by whom, when and why", cmdDecisions})
}

// cmdDecisions: copydesk decisions ID SEQ [--json]
func cmdDecisions(e *env, args []string) error {
	fs := e.newFlags("decisions")
	asJSON := fs.Bool("json", false, "print the review record as JSON")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 2, 2, "ID and the review revision's number"); err != nil {
		return err
	}
	id := pos[0]
	if !editor.ValidID(id) {
		return fmt.Errorf("%q is not an article ID (see copydesk list)", id)
	}
	seq, err := parseRevisionArg(pos[1])
	if err != nil || seq == draftRevision {
		return usagef("%q is not a revision number (see copydesk history %s)", pos[1], id)
	}
	return e.withReader(func(s storage.Store) error {
		_, rev, err := s.Revision(e.ctx, id, seq)
		if err != nil {
			return err
		}
		rec, err := notes.ReviewOf(e.ctx, s, rev)
		if err != nil {
			return err
		}
		if rec == nil {
			return fmt.Errorf("revision %d of %s is a %s, not a review: it recorded no decisions", seq, id, rev.Kind)
		}
		if *asJSON {
			return writeJSON(e, rec)
		}
		acc, rej := rec.Accepted()
		by := ""
		if rec.Author != "" {
			by = " by " + rec.Author
		}
		fmt.Fprintf(e.io.out, "Review %s%s at %s: %s to %s, %d accepted, %d rejected\n", rec.ID, by,
			rec.Time.Local().Format("2006-01-02 15:04:05"), sideName(rec.From), sideName(rec.To), acc, rej)
		tw := tabwriter.NewWriter(e.io.out, 0, 4, 2, ' ', 0)
		for _, d := range rec.Decisions {
			verdict := "accepted"
			if !d.Accepted {
				verdict = "rejected"
			}
			line := fmt.Sprintf("%s\t%s\t%s\t%s", d.Change, verdict, d.Kind, d.Summary)
			if d.Reason != "" {
				line += "\t(" + d.Reason + ")"
			}
			fmt.Fprintln(tw, line)
		}
		return tw.Flush()
	})
}

// holdStory takes the story's lock on a store several desks share
// (storage.Locker) for as long as the review writes, as the window does
// while it edits: a desk editing the story would otherwise have its
// draft overwritten, or overwrite the review. A story held by another
// desk is refused, naming who holds it. The returned func gives the lock
// back; on a store that is one desk's alone there is nothing to take.
func holdStory(e *env, s storage.Store, id, author string) (func(), error) {
	locker, ok := s.(storage.Locker)
	if !ok {
		return func() {}, nil
	}
	h := storage.Holder{Name: author, Desk: storage.NewDeskID()}
	if signer, ok := s.(storage.Signer); ok {
		h.Desk = signer.Desk()
	}
	if _, err := locker.Acquire(e.ctx, id, h); err != nil {
		var held *storage.HeldError
		if errors.As(err, &held) {
			return nil, fmt.Errorf("story %s is %v at another desk: no review written; try again once they have closed it", id, held)
		}
		return nil, fmt.Errorf("cannot take the lock on story %s: %w", id, err)
	}
	return func() { _ = locker.Release(e.ctx, id, h) }, nil // unreleased, it expires
}
