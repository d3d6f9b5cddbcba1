package main

import (
	"context"
	"fmt"
	"strings"

	"copydesk/storage"
)

// maxProblems is how many findings a report spells out.
const maxProblems = 10

// check compares the store with what the desks were told, filling the
// result's Lost, Broken, Overwrites, Unexplained and Kept.
//
// Lost: every acknowledged revision must be in the store under its
// sequence number with the content hash of what the desk sent.
//
// Broken: Verify rebuilds every revision and checks the hash chains.
//
// Silent overwrites: every write appends a sentence of its own (its
// marker) to the text it read, and only to that. A write that the store
// accepts from version v replaces the draft wholesale; it keeps the
// markers of earlier writes only if the draft it replaces is the one it
// read — i.e. if the store refused every write made from an older
// version. So when the store does its job, the final draft of each story
// holds the marker of every acknowledged write to it (revisions and
// autosaves alike, a desk's autosave kept at a take-over included); each
// missing marker is one acknowledged write that a later write, made from
// an older copy, overwrote without being refused. This needs no knowledge
// of how the store numbers versions, and cannot be fooled by a store that
// accepts everything: such a store loses markers as soon as two desks
// race.
//
// Unexplained: a revision no desk was told of must be a checkpoint that a
// take-over kept (counted as Kept); anything else was written behind the
// desks' backs.
func check(ctx context.Context, s storage.Store, ids []string, acks []ack, res *Result) error {
	byArticle := map[string][]ack{}
	for _, a := range acks {
		byArticle[a.article] = append(byArticle[a.article], a)
	}
	problem := func(format string, args ...any) {
		if len(res.Problems) < maxProblems {
			res.Problems = append(res.Problems, fmt.Sprintf(format, args...))
		}
	}
	for _, id := range ids {
		revs, err := s.Revisions(ctx, id)
		if err != nil {
			return fmt.Errorf("checking article %s: %w", id, err)
		}
		stored := map[uint64]storage.Revision{}
		for _, r := range revs {
			stored[r.Seq] = r
		}
		told := map[uint64]bool{}
		for _, a := range byArticle[id] {
			if !a.revision {
				continue
			}
			told[a.seq] = true
			r, ok := stored[a.seq]
			switch {
			case !ok:
				res.Lost++
				problem("article %s: acknowledged revision %d is missing", id, a.seq)
			case r.ContentHash != a.hash:
				res.Lost++
				problem("article %s: revision %d holds content %.12s, the desk saved %.12s", id, a.seq, r.ContentHash, a.hash)
			}
		}
		for _, r := range revs {
			if told[r.Seq] {
				continue
			}
			if r.Kind == storage.KindCheckpoint {
				res.Kept++
				continue
			}
			res.Unexplained++
			problem("article %s: revision %d (%s by %s) was acknowledged to no desk", id, r.Seq, r.Kind, r.Author)
		}
		d, err := s.Draft(ctx, id)
		if err != nil {
			return fmt.Errorf("checking article %s: %w", id, err)
		}
		for _, a := range byArticle[id] {
			if a.marker != "" && !strings.Contains("\n"+d.Article.Body+"\n", "\n"+a.marker+"\n") {
				res.Overwrites++
				problem("article %s: %q was acknowledged but is not in the final draft", id, a.marker)
			}
		}
	}
	rep, err := s.Verify(ctx, nil)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	res.Broken = len(rep.Problems)
	for _, p := range rep.Problems {
		problem("verify: %s", p)
	}
	return nil
}
