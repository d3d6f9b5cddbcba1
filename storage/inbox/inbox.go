// Package inbox is the desk's wire inbox: a folder agencies' feed software
// drops files into. Each file is imported once — by the hash of its bytes,
// so the same file sent twice makes one story — and a later version of an
// agency item already on the desk (the same NewsML-G2 guid, or the same
// ANPA/7901 keyword) becomes a new revision of that story. An imported
// file moves to DIR/imported/, a file that cannot be imported to
// DIR/rejected/ with NAME.why.txt beside it saying why. What was imported
// is remembered in the store's settings, so a restart imports nothing
// twice. Fyne-free: the window and `copydesk inbox` share it.
package inbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/editor/formats"
	"copydesk/storage"
	"copydesk/storage/record"
)

// The folders beside the files, inside the inbox.
const (
	ImportedDir = "imported"
	RejectedDir = "rejected"
)

// Inbox imports the files of one folder into one store.
type Inbox struct {
	Dir    string
	Store  storage.Store
	Author string // the revisions' author; "" is "inbox"
	// Now stamps imports; nil is time.Now.
	Now func() time.Time
}

// Result says what became of one file.
type Result struct {
	File    string   // the path it had in the inbox
	Created []string // IDs of new stories
	Revised []string // IDs of stories that got a new revision
	// Duplicate is set when the same bytes were imported before: nothing
	// was written.
	Duplicate bool
	// Rejected is why the file was not imported; nil when it was.
	Rejected error
	// Warnings are the importer's, for the stories imported.
	Warnings []editor.Warning
}

// empty is the result for a file that was gone before it was read.
func (r Result) empty() bool {
	return r.Rejected == nil && !r.Duplicate && len(r.Created)+len(r.Revised) == 0
}

func (r Result) String() string {
	name := editor.PrintableName(filepath.Base(r.File))
	switch {
	case r.Rejected != nil:
		return fmt.Sprintf("%s: rejected: %v", name, r.Rejected)
	case r.Duplicate:
		return name + ": already imported (same content): skipped"
	}
	var parts []string
	if len(r.Created) > 0 {
		parts = append(parts, "new "+strings.Join(r.Created, ", "))
	}
	if len(r.Revised) > 0 {
		parts = append(parts, "revised "+strings.Join(r.Revised, ", "))
	}
	return name + ": " + strings.Join(parts, "; ")
}

func (in *Inbox) now() time.Time {
	if in.Now != nil {
		return in.Now()
	}
	return time.Now()
}

func (in *Inbox) author() string {
	if in.Author != "" {
		return in.Author
	}
	return "inbox"
}

// Prepare creates the inbox and its imported and rejected folders.
func (in *Inbox) Prepare() error {
	for _, d := range []string{in.Dir, filepath.Join(in.Dir, ImportedDir), filepath.Join(in.Dir, RejectedDir)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("inbox: %w", err)
		}
	}
	return nil
}

// Pending lists the files waiting in the inbox, oldest first: regular
// files only, not hidden ones (".name", feed software's partial files) nor
// names ending .part, .tmp or .why.txt.
func (in *Inbox) Pending() ([]string, error) { return in.pending(time.Time{}) }

// pending is Pending without the files modified after before (when not
// zero): a file still being written is left for the next look.
func (in *Inbox) pending(before time.Time) ([]string, error) {
	entries, err := os.ReadDir(in.Dir)
	if err != nil {
		return nil, fmt.Errorf("inbox: %w", err)
	}
	type file struct {
		path string
		mod  time.Time
	}
	var files []file
	for _, e := range entries {
		if !e.Type().IsRegular() || skipName(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // gone since the listing
		}
		if !before.IsZero() && info.ModTime().After(before) {
			continue
		}
		files = append(files, file{filepath.Join(in.Dir, e.Name()), info.ModTime()})
	}
	sort.SliceStable(files, func(i, j int) bool {
		if !files[i].mod.Equal(files[j].mod) {
			return files[i].mod.Before(files[j].mod)
		}
		return files[i].path < files[j].path
	})
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.path
	}
	return out, nil
}

func skipName(name string) bool {
	low := strings.ToLower(name)
	return strings.HasPrefix(name, ".") || strings.HasSuffix(low, ".part") || strings.HasSuffix(low, ".tmp") ||
		strings.HasSuffix(low, ".why.txt") || strings.HasSuffix(name, "~")
}

// Scan imports every file waiting in the inbox, oldest first, and says
// what became of each. It stops early only when ctx is done or the store
// fails (an error writing to the desk is not the file's fault: the file
// stays in the inbox for the next scan).
func (in *Inbox) Scan(ctx context.Context) ([]Result, error) {
	return in.scan(ctx, time.Time{})
}

// scan is Scan of the files last modified before before (all when zero).
func (in *Inbox) scan(ctx context.Context, before time.Time) ([]Result, error) {
	files, err := in.pending(before)
	if err != nil {
		return nil, err
	}
	var out []Result
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		r, err := in.Import(ctx, f)
		if err != nil {
			return out, err
		}
		if !r.empty() {
			out = append(out, r)
		}
	}
	return out, nil
}

// Import imports one file of the inbox and moves it out of the way. The
// error is the store's (or the file system's), not the file's: a file
// that cannot be imported is a Result with Rejected set.
func (in *Inbox) Import(ctx context.Context, file string) (Result, error) {
	res := Result{File: file}
	data, err := formats.ReadImport(file)
	if errors.Is(err, os.ErrNotExist) {
		return res, nil // taken away before we got to it
	}
	if err != nil {
		return in.reject(res, err)
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	seen, err := in.seenHash(ctx, hash)
	if err != nil {
		return res, err
	}
	if seen {
		res.Duplicate = true
		return res, in.move(file, ImportedDir)
	}
	items, err := formats.ImportItems(file, data, editor.ImportOptions{Now: in.now()})
	if err != nil {
		return in.reject(res, err)
	}
	plan, err := in.plan(ctx, items)
	if err != nil {
		var fe rejection
		if errors.As(err, &fe) {
			return in.reject(res, err)
		}
		return res, err
	}
	for _, it := range items {
		res.Warnings = append(res.Warnings, it.Warnings...)
	}
	if err := in.apply(ctx, file, hash, plan, &res); err != nil {
		return res, err
	}
	return res, in.move(file, ImportedDir)
}

// rejection is a reason the file, not the desk, is at fault.
type rejection struct{ error }

func (r rejection) Unwrap() error { return r.error }

// reject moves the file to rejected/ with a note saying why.
func (in *Inbox) reject(res Result, why error) (Result, error) {
	res.Rejected = why
	if err := in.move(res.File, RejectedDir); err != nil {
		return res, err
	}
	note := fmt.Sprintf("%s was not imported (%s):\n%v\n\nFix the file and drop it into the inbox again.\n",
		filepath.Base(res.File), in.now().UTC().Format(time.RFC3339), why)
	dst := filepath.Join(in.Dir, RejectedDir, filepath.Base(res.File)+".why.txt")
	if err := os.WriteFile(dst, []byte(note), 0o644); err != nil {
		return res, fmt.Errorf("inbox: writing the note on %s: %w", filepath.Base(res.File), err)
	}
	return res, nil
}

// move puts a file into the inbox's folder sub, under a free name: a file
// of the same name there already is kept, the new one numbered.
func (in *Inbox) move(file, sub string) error {
	dir := filepath.Join(in.Dir, sub)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("inbox: %w", err)
	}
	base := filepath.Base(file)
	dst := filepath.Join(dir, base)
	for i := 2; ; i++ {
		if _, err := os.Lstat(dst); errors.Is(err, os.ErrNotExist) {
			break
		}
		ext := filepath.Ext(base)
		dst = filepath.Join(dir, fmt.Sprintf("%s.%d%s", strings.TrimSuffix(base, ext), i, ext))
	}
	if err := os.Rename(file, dst); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("inbox: moving %s to %s/: %w", base, sub, err)
	}
	return nil
}

// step is what one story of a file will do: create a story, or revise
// the story an earlier version of the same agency item became.
type step struct {
	item     formats.Item
	reviseID string // "" to create
	draft    storage.Draft
	next     *editor.Article // the revised article
	kind     storage.Kind
}

// plan decides every story of the file before anything is written, so a
// file with one story the desk cannot take imports nothing.
func (in *Inbox) plan(ctx context.Context, items []formats.Item) ([]step, error) {
	var steps []step
	for i, it := range items {
		where := ""
		if len(items) > 1 {
			where = fmt.Sprintf("story %d of %d: ", i+1, len(items))
		}
		st := step{item: it, kind: storage.KindImport}
		if it.GUID != "" {
			known, err := in.guid(ctx, it.GUID)
			if err != nil {
				return nil, err
			}
			if known.ID != "" {
				if it.Version != 0 && it.Version <= known.Version {
					return nil, rejection{fmt.Errorf("%sversion %d of %s is not newer than version %d, already on the desk as %s", where, it.Version, it.GUID, known.Version, known.ID)}
				}
				d, err := in.Store.Draft(ctx, known.ID)
				if err != nil && !errors.Is(err, storage.ErrNotFound) {
					return nil, err
				}
				if err == nil {
					st.reviseID, st.draft = known.ID, d
					st.next = editor.Revise(d.Article, it.Article, in.now())
					kind, err := record.RevisionKind(d.Article, st.next, storage.KindImport)
					if err != nil {
						return nil, rejection{fmt.Errorf("%sthe new version of %s would change the published story %s: %v; revise it by hand with a correction note", where, it.GUID, known.ID, err)}
					}
					st.kind = kind
				}
			}
		}
		a := st.next
		if a == nil {
			a = it.Article
		}
		if err := storage.ValidateDraft(a); err != nil {
			return nil, rejection{fmt.Errorf("%s%v", where, err)}
		}
		steps = append(steps, st)
	}
	return steps, nil
}

// apply writes the plan. The file's hash is noted as pending (with the
// IDs it will make) before the first write, and as done after the last:
// a crash in between leaves a pending note that the next scan completes
// instead of importing the file again.
func (in *Inbox) apply(ctx context.Context, file, hash string, steps []step, res *Result) error {
	ids := make([]string, len(steps))
	for i, st := range steps {
		ids[i] = st.reviseID
		if ids[i] == "" {
			ids[i] = st.item.Article.ID
		}
	}
	if err := in.noteHash(ctx, hash, hashNote{IDs: ids, Pending: true}); err != nil {
		return err
	}
	label := editor.ImportLabel(filepath.Base(file))
	for _, st := range steps {
		if st.reviseID == "" {
			if _, err := in.Store.Create(ctx, st.item.Article, storage.Meta{Author: in.author(), Kind: storage.KindImport, Label: label}); err != nil {
				return fmt.Errorf("inbox: %s: %w", filepath.Base(file), err)
			}
			res.Created = append(res.Created, st.item.Article.ID)
		} else {
			m := storage.Meta{Author: in.author(), Kind: st.kind, Label: label, DraftVersion: st.draft.Version}
			if _, err := in.Store.SaveRevision(ctx, st.next, m); err != nil {
				return fmt.Errorf("inbox: %s: %w", filepath.Base(file), err)
			}
			res.Revised = append(res.Revised, st.reviseID)
		}
		if st.item.GUID != "" {
			id := st.reviseID
			if id == "" {
				id = st.item.Article.ID
			}
			if err := in.noteGUID(ctx, st.item.GUID, guidNote{ID: id, Version: st.item.Version}); err != nil {
				return err
			}
		}
	}
	return in.noteHash(ctx, hash, hashNote{IDs: ids})
}
