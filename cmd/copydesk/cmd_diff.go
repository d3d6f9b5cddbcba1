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
)

func init() {
	register(command{"diff", "ID A B [--format text|html] [-o FILE [--force]] | --files FILE_A FILE_B",
		"compare two revisions (numbers, or draft), or two files (wire, Markdown, NITF, ninjs): text or HTML redline", cmdDiff})
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
		meta.ArticleID = id
		err = e.withReader(func(s storage.Store) error {
			var err error
			if a, meta.From, err = loadSide(e, s, id, revA); err != nil {
				return err
			}
			b, meta.To, err = loadSide(e, s, id, revB)
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
