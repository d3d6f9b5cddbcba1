package main

import (
	"errors"
	"fmt"
	"strings"

	"copydesk/editor"
	"copydesk/editor/formats"
	"copydesk/storage"
)

// cmdImport: copydesk import [--year YYYY] [--author NAME] [--charset NAME] FILE...
//
// The whole batch is decided before anything is written: every file is
// read and parsed, and every story checked against what the store will
// check (its fields, the revision label, an ID already on the desk or
// twice in the batch). One bad file imports nothing, and every bad file
// is named, so a rerun after fixing them does not duplicate stories.
func cmdImport(e *env, args []string) error {
	fs := e.newFlags("import")
	year := fs.Int("year", 0, "year for datelines that carry none (default: this year, marked as assumed)")
	author := fs.String("author", "", "writer when the copy has no byline; also the revision's author")
	charset := fs.String("charset", "", "the encoding of plain-text files that are not UTF-8 (e.g. windows-1252, iso-8859-1, windows-1251), when it cannot be told")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, -1, "FILE to import"); err != nil {
		return err
	}
	if *year != 0 && (*year < 1000 || *year > 9999) {
		return usagef("--year %d is not a four-digit year", *year)
	}
	if *charset != "" {
		if err := formats.CheckCharset(*charset); err != nil {
			return usagef("--charset: %v", err)
		}
	}
	who := *author
	if who == "" {
		who = e.author
	}
	opt := editor.ImportOptions{Year: *year, Author: *author, Charset: *charset}
	batch, bad := parseBatch(e, pos, opt)
	return e.withStore(func(s storage.Store) error {
		bad = append(bad, checkBatch(e, s, batch, who)...)
		switch {
		case len(bad) == 1 && len(pos) == 1:
			return errors.New(bad[0])
		case len(bad) > 0:
			// One line per bad file, then the verdict.
			for _, b := range bad {
				fmt.Fprintf(e.io.err, "copydesk import: %s\n", b)
			}
			return fmt.Errorf("%s bad: nothing was imported; fix or leave out the files named above and run the import again", plural(len(bad), "file is", "files are"))
		}
		return writeBatch(e, s, batch, who)
	})
}

// importItem is one story of a batch and the file it came from (a ninjs
// list or an envelope gives several stories from one file).
type importItem struct {
	file string
	a    *editor.Article
}

// parseBatch reads and parses every file and returns the stories and
// what is wrong with each file that failed.
func parseBatch(e *env, files []string, opt editor.ImportOptions) ([]importItem, []string) {
	var batch []importItem
	var bad []string
	for _, file := range files {
		arts, err := importFile(e, file, opt)
		if err != nil {
			bad = append(bad, oneLine(err))
			continue
		}
		for _, a := range arts {
			batch = append(batch, importItem{file: file, a: a})
		}
	}
	return batch, bad
}

// checkBatch applies the store's checks to every story before any is
// written; it returns what is wrong with each file that failed.
func checkBatch(e *env, s storage.Store, batch []importItem, who string) []string {
	failed := map[string]bool{}
	var bad []string
	seen := map[string]string{}
	for _, it := range batch {
		name := editor.PrintableName(it.file)
		err := storage.Validate(it.a)
		if err == nil {
			err = importMeta(it.file, who).Check()
		}
		if err == nil {
			if first, dup := seen[it.a.ID]; dup {
				err = fmt.Errorf("its ID %s is also the ID of a story in %s: give one of them a new id", it.a.ID, first)
			}
		}
		if err == nil {
			_, derr := s.Draft(e.ctx, it.a.ID)
			switch {
			case derr == nil:
				err = fmt.Errorf("its ID %s is already on the desk (copydesk show %s): to update that story use copydesk revise, or remove the id: line to import a copy", it.a.ID, it.a.ID)
			case !errors.Is(derr, storage.ErrNotFound):
				err = derr
			}
		}
		seen[it.a.ID] = name
		if err != nil && !failed[it.file] {
			bad = append(bad, name+": "+oneLine(err))
			failed[it.file] = true
		}
	}
	return bad
}

// writeBatch writes a checked batch. The store may still refuse a story
// (a full disk, a story created meanwhile by someone else): the error then
// says exactly which were imported and which were not.
func writeBatch(e *env, s storage.Store, batch []importItem, who string) error {
	var done []string
	for i, it := range batch {
		if _, err := s.Create(e.ctx, it.a, importMeta(it.file, who)); err != nil {
			msg := fmt.Sprintf("%s: %v; nothing after it was imported", editor.PrintableName(it.file), err)
			if len(done) > 0 {
				msg += fmt.Sprintf("; %d of %d stories were imported before it: %s", i, len(batch), strings.Join(done, ", "))
			} else {
				msg += "; nothing was imported"
			}
			return errors.New(msg)
		}
		fmt.Fprintln(e.io.out, it.a.ID)
		done = append(done, it.a.ID+" ("+editor.PrintableName(it.file)+")")
	}
	return nil
}

// importMeta is the first revision's metadata for a story from file.
func importMeta(file, who string) storage.Meta {
	return storage.Meta{Author: who, Kind: storage.KindImport, Label: editor.ImportLabel(file)}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
