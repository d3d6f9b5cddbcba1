package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/compare"
	"copydesk/editor/formats"
	"copydesk/storage"
	"copydesk/storage/record"
)

func init() {
	register(command{"diff", "ID A B (A, B: N, draft or sent:TARGET) [--format text|html] [-o FILE [--force]] | --files FILE_A FILE_B",
		"compare two revisions (numbers, draft, or sent:TARGET for the last transmission to a target), or two files (wire, Markdown, NITF, ninjs): text or HTML redline", cmdDiff})
}

// cmdDiff: copydesk diff ID A B [--format text|html] [-o FILE]
// or copydesk diff --files A B [--format text|html] [-o FILE]
func cmdDiff(e *env, args []string) error {
	fs := e.newFlags("diff")
	format := fs.String("format", "text", "text (wdiff style: [-deleted-] {+inserted+}) or html (a printable redline)")
	out := fs.String("o", "", "write to FILE instead of standard output")
	force := fs.Bool("force", false, "replace FILE (-o) if it exists")
	files := fs.Bool("files", false, "compare two files (wire copy, Markdown, NITF or ninjs) without opening the database")
	internal := fs.Bool("internal", false, "include internal fields (the ednote) in the report")
	year := fs.Int("year", 0, "with --files: year for datelines that carry none")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	render, err := reportRenderer(*format)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := refuseOverwrite(*out, *force); err != nil {
			return err
		}
	}
	var a, b *editor.Article
	meta := compare.ReportMeta{IncludeInternal: *internal, Generated: time.Now()}
	if *files {
		if err := needArgs(pos, 2, 2, "the two FILEs to compare"); err != nil {
			return err
		}
		if *year != 0 && (*year < 1000 || *year > 9999) {
			return usagef("--year %d is not a four-digit year", *year)
		}
		opt := editor.ImportOptions{Year: *year}
		if a, err = importOne(e, pos[0], opt); err != nil {
			return err
		}
		if b, err = importOne(e, pos[1], opt); err != nil {
			return err
		}
		meta.From = compare.RevisionInfo{Label: filepath.Base(pos[0])}
		meta.To = compare.RevisionInfo{Label: filepath.Base(pos[1])}
	} else {
		if *year != 0 {
			return usagef("--year goes with --files")
		}
		if err := needArgs(pos, 3, 3, "ID and the two revisions A and B (numbers, draft or sent:TARGET)"); err != nil {
			return err
		}
		id := pos[0]
		if !editor.ValidID(id) {
			return fmt.Errorf("%q is not an article ID (see copydesk list)", id)
		}
		for _, arg := range pos[1:] {
			if _, err := parseSideArg(arg); err != nil {
				return err
			}
		}
		meta.ArticleID = id
		err = e.withReader(func(s storage.Store) error {
			var err error
			if a, meta.From, err = loadSideArg(e, s, id, pos[1]); err != nil {
				return err
			}
			b, meta.To, err = loadSideArg(e, s, id, pos[2])
			return err
		})
		if err != nil {
			return err
		}
	}
	r := compare.Compare(a, b, compare.Options{DatelineStyle: e.style})
	data := render(r, meta)
	if *out == "" {
		_, err = e.io.out.Write(data)
		return err
	}
	return formats.WriteFileAtomic(*out, data)
}

// reportRenderer picks the report for --format.
func reportRenderer(format string) (func(*compare.Result, compare.ReportMeta) []byte, error) {
	switch strings.ToLower(format) {
	case "text", "txt":
		return compare.TextReport, nil
	case "html":
		return compare.Redline, nil
	}
	return nil, usagef("--format %q: use text or html", format)
}

// draftRevision stands for the working draft among revision numbers.
const draftRevision = 0

// parseRevisionArg reads a revision number, or "draft" for the working draft.
func parseRevisionArg(s string) (uint64, error) {
	if strings.EqualFold(s, "draft") {
		return draftRevision, nil
	}
	n, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || n == 0 {
		return 0, usagef("%q is not a revision: give a number from copydesk history, or draft", s)
	}
	return n, nil
}

// loadSide loads one side of a comparison with what the report says about it.
func loadSide(e *env, s storage.Store, id string, seq uint64) (*editor.Article, compare.RevisionInfo, error) {
	if seq == draftRevision {
		d, err := s.Draft(e.ctx, id)
		if err != nil {
			return nil, compare.RevisionInfo{}, err
		}
		return d.Article, compare.RevisionInfo{Label: "draft", Time: d.Saved.Local()}, nil
	}
	a, rev, err := s.Revision(e.ctx, id, seq)
	if err != nil {
		return nil, compare.RevisionInfo{}, err
	}
	return a, compare.RevisionInfo{Seq: int(rev.Seq), Label: rev.Label, Time: rev.Time.Local(), Author: rev.Author}, nil
}

// sentPrefix names the last transmission to a target as a side of a
// comparison: "sent:/srv/hot", "sent:https://wire.example/in".
const sentPrefix = "sent:"

// parseSideArg reads a side of a comparison: a revision number, draft,
// or sent:TARGET (the target is returned, the number is then 0).
func parseSideArg(arg string) (sideArg, error) {
	if len(arg) > len(sentPrefix) && strings.EqualFold(arg[:len(sentPrefix)], sentPrefix) {
		return sideArg{sentTo: arg[len(sentPrefix):]}, nil
	}
	seq, err := parseRevisionArg(arg)
	return sideArg{seq: seq}, err
}

type sideArg struct {
	seq    uint64
	sentTo string
}

// loadSideArg loads a side named as on the command line.
func loadSideArg(e *env, s storage.Store, id, arg string) (*editor.Article, compare.RevisionInfo, error) {
	side, err := parseSideArg(arg)
	if err != nil {
		return nil, compare.RevisionInfo{}, err
	}
	if side.sentTo == "" {
		return loadSide(e, s, id, side.seq)
	}
	return loadSent(e, s, id, side.sentTo)
}

// loadSent is the story as its last transmission to target carried it
// (record.SentCopy).
func loadSent(e *env, s storage.Store, id, target string) (*editor.Article, compare.RevisionInfo, error) {
	a, t, err := record.SentCopy(e.ctx, s, id, target)
	if err != nil {
		return nil, compare.RevisionInfo{}, err
	}
	label := fmt.Sprintf("sent to %s as %s", t.Target, t.Profile)
	return a, compare.RevisionInfo{Seq: int(t.Seq), Label: label, Time: t.Time.Local(), Author: t.Author}, nil
}
