package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/editor/comments"
	"copydesk/editor/formats"
	"copydesk/storage"
	"copydesk/storage/notes"
	"copydesk/storage/record"
)

// importFile reads and parses one file, printing the importer's
// warnings: one story, or several from a list or an envelope.
func importFile(e *env, file string, opt editor.ImportOptions) ([]*editor.Article, error) {
	data, err := readInput(file)
	if err != nil {
		return nil, err
	}
	arts, warnings, err := formats.ImportAll(file, data, opt)
	if err != nil {
		return nil, err
	}
	printWarnings(e, file, warnings)
	return arts, nil
}

// importOne reads and parses a file that must hold one story.
func importOne(e *env, file string, opt editor.ImportOptions) (*editor.Article, error) {
	data, err := readInput(file)
	if err != nil {
		return nil, err
	}
	return parseInput(e, file, data, opt)
}

// parseInput parses a file's data as one story, printing the importer's
// warnings.
func parseInput(e *env, file string, data []byte, opt editor.ImportOptions) (*editor.Article, error) {
	a, warnings, err := formats.Import(file, data, opt)
	if err != nil {
		return nil, err
	}
	printWarnings(e, file, warnings)
	return a, nil
}

func printWarnings(e *env, file string, warnings []editor.Warning) {
	for _, w := range warnings {
		fmt.Fprintf(e.io.err, "%s: warning: %s\n", editor.PrintableName(file), w)
	}
}

// readInput reads a file to import (formats.ReadImport): a regular file
// of at most 8 MB; a directory, a named pipe or a device is refused
// before anything is read.
func readInput(file string) ([]byte, error) {
	return formats.ReadImport(file)
}

// cmdRevise: copydesk revise ID FILE [--label L] [--author A]
func cmdRevise(e *env, args []string) error {
	fs := e.newFlags("revise")
	label := fs.String("label", "", "label of the new revision")
	author := fs.String("author", "", "author of the new revision (default: --author before the command, $COPYDESK_AUTHOR or your login)")
	year := fs.Int("year", 0, "year for a dateline that carries none (default: the year of the story's dateline, else this year)")
	correction := fs.String("correction", "", "the public correction `NOTE`: needed when the story is published (the revision is then a correction)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 2, 2, "ID and FILE"); err != nil {
		return err
	}
	id, file := pos[0], pos[1]
	if !editor.ValidID(id) {
		return fmt.Errorf("%q is not an article ID (see copydesk list)", id)
	}
	who := *author
	if who == "" {
		who = e.author
	}
	data, err := readInput(file)
	if err != nil {
		return err
	}
	return e.withStore(func(s storage.Store) error {
		d, err := s.Draft(e.ctx, id)
		if err != nil {
			return err
		}
		// A dateline without a year is the story's own year, not this
		// one: revising a 2019 story must not move it to today's year.
		y := *year
		if day, ok := d.Article.Dateline.Day(); ok && y == 0 {
			y = day.Year()
		}
		update, err := parseInput(e, file, data, editor.ImportOptions{Year: y})
		if err != nil {
			return err
		}
		a := editor.Revise(d.Article, update, time.Now())
		if *correction != "" {
			a.Correction = *correction
		}
		if same, err := sameAsRevision(e, s, id, d.Seq, a); err != nil || same {
			if same {
				fmt.Fprintf(e.io.out, "%s unchanged: no revision made (%s holds the copy of revision %d)\n", id, file, d.Seq)
			}
			return err
		}
		// Once published, a change readers can see is a correction, with a
		// new public note.
		kind, err := record.RevisionKind(d.Article, a, storage.KindSave)
		if err != nil {
			return fmt.Errorf("%w (give it with --correction NOTE)", err)
		}
		rev, err := s.SaveRevision(e.ctx, a, storage.Meta{Author: who, Kind: kind, Label: *label, DraftVersion: d.Version})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.io.out, "%s revision %d\n", id, rev.Seq)
		return nil
	})
}

// sameAsRevision reports whether a is revision seq's article but for its
// modification time: filing the same copy again records nothing (an empty
// revision would clutter the history, and on a published story would pass
// as a change without a correction).
func sameAsRevision(e *env, s storage.Store, id string, seq uint64, a *editor.Article) (bool, error) {
	if seq == 0 {
		return false, nil
	}
	prev, _, err := s.Revision(e.ctx, id, seq)
	if err != nil {
		return false, err
	}
	x, y := prev.Clone(), a.Clone()
	x.Modified, y.Modified = time.Time{}, time.Time{}
	return bytes.Equal(x.Encode(), y.Encode()), nil
}

// loadArticle returns the draft, or revision rev when rev > 0.
func loadArticle(e *env, s storage.Store, id string, rev uint64) (*editor.Article, uint64, error) {
	if !editor.ValidID(id) {
		return nil, 0, fmt.Errorf("%q is not an article ID (see copydesk list)", id)
	}
	if rev > 0 {
		a, r, err := s.Revision(e.ctx, id, rev)
		return a, r.Seq, err
	}
	d, err := s.Draft(e.ctx, id)
	if err != nil {
		return nil, 0, err
	}
	return d.Article, d.Seq, nil
}

// showJSON is the article as `show --json` prints it: every field present,
// even when empty, plus the derived counts.
type showJSON struct {
	ID          string          `json:"id"`
	Slug        string          `json:"slug"`
	Section     string          `json:"section"`
	Headline    string          `json:"headline"`
	Standfirst  string          `json:"standfirst"`
	Body        string          `json:"body"`
	Dateline    editor.Dateline `json:"dateline"`
	Bylines     []editor.Byline `json:"bylines"`
	Photo       editor.Photo    `json:"photo"`
	Tags        []string        `json:"tags"`
	Status      editor.Status   `json:"status"`
	Urgency     int             `json:"urgency"`
	EdNote      string          `json:"ednote"`
	Language    string          `json:"language"`
	Embargo     *time.Time      `json:"embargo"`
	Correction  string          `json:"correction"`
	Created     time.Time       `json:"created"`
	Modified    time.Time       `json:"modified"`
	Words       int             `json:"words"`
	Chars       int             `json:"chars"`
	ReadingMins int             `json:"reading_minutes"`
	Revision    uint64          `json:"revision"`
	// DatelineText is the dateline in the chosen house style.
	DatelineText string `json:"dateline_text"`
}

func newShowJSON(a *editor.Article, rev uint64, style editor.Style) showJSON {
	c := a.Counts()
	j := showJSON{
		ID: a.ID, Slug: a.Slug, Section: a.Section, Headline: a.Headline, Standfirst: a.Standfirst,
		Body: a.Body, Dateline: a.Dateline, Bylines: a.Bylines, Photo: a.Photo, Tags: a.Tags,
		Status: a.Status, Urgency: a.Urgency, EdNote: a.EdNote, Language: a.Language,
		Correction: a.Correction, Created: a.Created, Modified: a.Modified,
		Words: c.Words, Chars: c.Chars, ReadingMins: int(c.ReadingTime / time.Minute),
		Revision: rev, DatelineText: a.Dateline.RenderIn(style, a.Language),
	}
	if !a.Embargo.IsZero() {
		t := a.Embargo
		j.Embargo = &t
	}
	if j.Bylines == nil {
		j.Bylines = []editor.Byline{}
	}
	if j.Tags == nil {
		j.Tags = []string{}
	}
	return j
}

// cmdShow: copydesk show ID [--rev N] [--json]
func cmdShow(e *env, args []string) error {
	fs := e.newFlags("show")
	rev := fs.Uint64("rev", 0, "show revision N instead of the working draft")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 1, "article ID"); err != nil {
		return err
	}
	return e.withReader(func(s storage.Store) error {
		a, seq, err := loadArticle(e, s, pos[0], *rev)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e, newShowJSON(a, seq, e.style))
		}
		c := a.Counts()
		fmt.Fprintf(e.io.out, "ID:        %s\nSlug:      %s\nStatus:    %s\nRevision:  %d\nModified:  %s\nWords:     %d (%d characters, %s to read)\n",
			a.ID, a.Slug, a.Status.Label(), seq, a.Modified.Local().Format("2006-01-02 15:04:05"), c.Words, c.Chars, c.ReadingTime)
		if len(a.Tags) > 0 {
			fmt.Fprintf(e.io.out, "Tags:      %s\n", joinTags(a.Tags))
		}
		if a.Dateline.DateAssumed {
			fmt.Fprintf(e.io.out, "Note:      the dateline's year (%s) was assumed at import: check it\n", a.Dateline.Date)
		}
		if a.EdNote != "" {
			fmt.Fprintf(e.io.out, "Ednote:    %s\n", a.EdNote)
		}
		fmt.Fprintln(e.io.out)
		out, err := formats.Export(a, formats.Text, formats.ExportOptions{Style: e.style, Revision: seq})
		if err != nil {
			return err
		}
		_, err = e.io.out.Write(out)
		return err
	})
}

func joinTags(tags []string) string {
	out := ""
	for i, t := range tags {
		if i > 0 {
			out += ", "
		}
		out += t
	}
	return out
}

func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.io.out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// cmdExport: copydesk export ID [--rev N] --format F [-o FILE]
// or copydesk export --all [--status S] --format F --dir OUT
func cmdExport(e *env, args []string) error {
	fs := e.newFlags("export")
	rev := fs.Uint64("rev", 0, "export revision N instead of the working draft")
	format := fs.String("format", "", "text, html, md, nitf, ninjs (2.2), ninjs23 or newsml (NewsML-G2)")
	out := fs.String("o", "", "write to FILE instead of standard output")
	all := fs.Bool("all", false, "export every article (but spiked ones, unless --status spiked) into --dir")
	status := fs.String("status", "", "with --all: only articles with this status")
	dir := fs.String("dir", "", "with --all: the folder to write into, one file per article named from its slug")
	force := fs.Bool("force", false, "replace FILE (-o), or with --all the files of the same names in OUT, if they exist")
	breakEmbargo := fs.Bool("break-embargo", false, "export embargoed stories before their embargo (each such export is recorded in the story's history)")
	deskCopy := fs.Bool("desk-copy", false, "with --format html: the desk copy, with the story's comments as margin notes (not for publication)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if *format == "" {
		return usagef("missing --format")
	}
	f, err := formats.ParseFormat(*format)
	if err != nil {
		return usagef("%v", err)
	}
	if *deskCopy && f != formats.HTML {
		return usagef("--desk-copy is an HTML page: give --format html")
	}
	if *deskCopy && *all {
		return usagef("--desk-copy exports one story: not with --all")
	}
	if *all {
		if err := needArgs(pos, 0, 0, ""); err != nil {
			return err
		}
		if *dir == "" {
			return usagef("--all needs --dir OUT")
		}
		if *rev != 0 || *out != "" {
			return usagef("--rev and -o name one article: not with --all")
		}
		q := storage.Query{}
		if *status != "" {
			st, err := editor.ParseStatus(*status)
			if err != nil {
				return usagef("--status: %v", err)
			}
			q.Status = st
		}
		return exportAll(e, q, f, *dir, *breakEmbargo, *force)
	}
	if *dir != "" || *status != "" {
		return usagef("--dir and --status go with --all")
	}
	if err := needArgs(pos, 1, 1, "article ID (or --all)"); err != nil {
		return err
	}
	if *out != "" {
		if err := refuseOverwrite(*out, *force); err != nil {
			return err
		}
	}
	return e.exporter(*breakEmbargo)(func(s storage.Store) error {
		data, err := exportOne(e, s, pos[0], *rev, f, *breakEmbargo, *deskCopy)
		if err != nil {
			return err
		}
		if *out == "" {
			_, err = e.io.out.Write(data)
			return err
		}
		return formats.WriteFileAtomic(*out, data)
	})
}

// exportOne renders an article (its draft, or revision rev) in format f.
// An embargoed story is refused unless forced; a forced export is
// recorded as a revision whose note says who exported what, when.
func exportOne(e *env, s storage.Store, id string, rev uint64, f formats.Format, force, deskCopy bool) ([]byte, error) {
	a, opt, err := loadForExport(e, s, id, rev)
	if err != nil {
		return nil, err
	}
	if deskCopy {
		// The comments as they stand, anchored to the copy exported.
		if opt.Comments, err = notes.Comments(e.ctx, s, a.ID); err != nil {
			return nil, err
		}
		comments.Reanchor(opt.Comments, a)
		opt.DeskCopy = true
	}
	if err := embargoGate(e, s, a, f, force); err != nil {
		return nil, err
	}
	return formats.Export(a, f, opt)
}

// embargoGate refuses an export before the embargo, or records a forced one.
func embargoGate(e *env, s storage.Store, a *editor.Article, f formats.Format, force bool) error {
	now := time.Now()
	if err := check.EmbargoBlocks(a, now); err == nil {
		return nil
	} else if !force {
		return fmt.Errorf("%w (export anyway with --break-embargo; it will be recorded)", err)
	}
	return record.ForcedExport(e.ctx, s, a.ID, string(f), e.author, now)
}

// loadForExport loads an article with the options its export needs.
func loadForExport(e *env, s storage.Store, id string, rev uint64) (*editor.Article, formats.ExportOptions, error) {
	a, seq, err := loadArticle(e, s, id, rev)
	if err != nil {
		return nil, formats.ExportOptions{}, err
	}
	published, err := storage.PublishedAt(e.ctx, s, a)
	if err != nil {
		return nil, formats.ExportOptions{}, err
	}
	return a, formats.ExportOptions{Style: e.style, Revision: seq, Now: time.Now(), Published: published}, nil
}

// exportAll writes one file per article into dir, with progress on stderr.
// It replaces files already there only when replace is set.
func exportAll(e *env, q storage.Query, f formats.Format, dir string, breakEmbargo, replace bool) error {
	return e.exporter(breakEmbargo)(func(s storage.Store) error {
		rows, _, err := s.List(e.ctx, q)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			fmt.Fprintln(e.io.err, "no articles to export")
			return nil
		}
		if !replace {
			if err := refuseExisting(e, s, rows, f, dir, breakEmbargo); err != nil {
				return err
			}
		}
		var ids []string
		held := 0
		for _, r := range rows {
			d, err := s.Draft(e.ctx, r.ID)
			if err != nil {
				return err
			}
			if err := embargoGate(e, s, d.Article, f, breakEmbargo); err != nil {
				fmt.Fprintf(e.io.err, "held back %s (%s): %v\n", r.ID, r.Slug, oneLine(err))
				held++
				continue
			}
			ids = append(ids, r.ID)
		}
		load := func(ctx context.Context, id string) (*editor.Article, formats.ExportOptions, error) {
			return loadForExport(e, s, id, 0)
		}
		defer func() {
			if held > 0 {
				fmt.Fprintf(e.io.err, "%s held back\n", editor.Plural(held, "embargoed story"))
			}
		}()
		_, err = formats.ExportBatch(e.ctx, ids, f, dir, load, func(done, total int, name string) {
			fmt.Fprintf(e.io.err, "[%d/%d] %s\n", done, total, name)
			fmt.Fprintln(e.io.out, filepath.Join(dir, name))
		})
		return err
	})
}

// exporter opens the desk for an export: read-only, unless it breaks an embargo (an
// export before the embargo of an embargoed story is recorded in its history).
func (e *env) exporter(breakEmbargo bool) func(func(storage.Store) error) error {
	if breakEmbargo {
		return e.withStore
	}
	return e.withReader
}

// refuseExisting is refuseOverwrite for export --all: it names the files
// as the export will (the stories it will not hold back, in the same
// order, through the same Namer) and refuses if any is there already.
func refuseExisting(e *env, s storage.Store, rows []storage.Summary, f formats.Format, dir string, breakEmbargo bool) error {
	var names formats.Namer
	var existing []string
	now := time.Now()
	for _, r := range rows {
		d, err := s.Draft(e.ctx, r.ID)
		if err != nil {
			return err
		}
		if !breakEmbargo && check.EmbargoBlocks(d.Article, now) != nil {
			continue // held back: no file
		}
		path := filepath.Join(dir, names.Name(d.Article, f))
		if err := refuseOverwrite(path, false); err != nil {
			existing = append(existing, path)
		}
	}
	if len(existing) == 0 {
		return nil
	}
	return fmt.Errorf("%s exists (%s in all): export into another folder, or --force to replace them",
		existing[0], editor.Plural(len(existing), "file"))
}
