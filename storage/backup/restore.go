package backup

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/klauspost/compress/zstd"

	"copydesk/editor"
	"copydesk/storage"
)

// ErrNotEmpty is returned by Restore when the target store holds articles.
var ErrNotEmpty = errors.New("the target database is not empty")

// File is a backup read into memory with its checksums checked and, if it
// was sealed, decrypted: nothing in it has been trusted yet beyond that.
type File struct {
	Header
	// DeskKey is the key of the desk an encrypted backup was made from
	// (nil for a plain backup): a desk restored from it keeps it.
	DeskKey []byte
	name    string
	body    []byte // compressed JSON lines
	headKey []byte
	size    int64
}

// Encrypted reports whether the backup was sealed.
func (f *File) Encrypted() bool { return f.Sealed != nil }

// Open reads a backup from r and checks its checksums; an encrypted one
// is decrypted with passphrase (ErrNeedPassphrase without one). name is
// the file's name for messages.
func Open(r io.Reader, name string, passphrase []byte) (*File, error) {
	br := bufio.NewReader(r)
	h, bodyStart, err := readHeader(br)
	if err != nil {
		return nil, err
	}
	body, err := readBody(br, h, bodyStart)
	if err != nil {
		return nil, err
	}
	f := &File{Header: h, name: name, body: body, size: bodyStart + h.Bytes}
	if h.Sealed == nil {
		return f, nil
	}
	sl, desk, err := openSealed(name, h, passphrase)
	if err != nil {
		return nil, err
	}
	if f.body, err = sl.open(body); err != nil {
		return nil, err
	}
	f.DeskKey, f.headKey = desk, sl.head
	return f, nil
}

// Check is what reading every record of a backup found.
type Check struct {
	Articles, Revisions, Settings int
	// Bad are the articles unfit to restore: damaged when the backup was
	// made, altered since, or refused by the checks an import makes.
	Bad []Damaged
	// HeadProblem says how the desk's head disagrees with the body ("" if
	// it agrees, or the backup is of format 1, which has none).
	HeadProblem string
}

// OK reports whether every article can be restored as it is.
func (c Check) OK() bool { return len(c.Bad) == 0 && c.HeadProblem == "" }

// records decodes the body's records one by one.
func (f *File) records(fn func(n int, rec record) error) error {
	zr, err := zstd.NewReader(bytes.NewReader(f.body), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		return err
	}
	defer zr.Close()
	dec := json.NewDecoder(zr)
	for n := 1; ; n++ {
		var rec record
		err := dec.Decode(&rec)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return &TamperError{What: fmt.Sprintf("record %d of the body cannot be read (%v), though the file's checksums match", n, err)}
		}
		if err := fn(n, rec); err != nil {
			return err
		}
	}
}

// Check reads every record and judges it as an import would, without
// touching any store. An error means the body itself cannot be read.
func (f *File) Check() (Check, error) {
	var c Check
	head := storage.NewHeadBuilder(f.headKey)
	bad := map[string]int{} // article ID → index in c.Bad
	mark := func(d Damaged) {
		if i, ok := bad[d.ID]; ok {
			c.Bad[i].Problem += "; " + d.Problem
			return
		}
		bad[d.ID] = len(c.Bad)
		c.Bad = append(c.Bad, d)
	}
	err := f.records(func(n int, rec record) error {
		switch {
		case rec.Setting != nil:
			c.Settings++
			if err := storage.CheckSetting(rec.Setting.Name, rec.Setting.Value); err != nil {
				return &TamperError{What: fmt.Sprintf("record %d, setting %q: %v", n, rec.Setting.Name, err)}
			}
			head.Setting(rec.Setting.Name, rec.Setting.Value)
		case rec.Damaged != nil:
			d := *rec.Damaged
			d.Problem = "damaged on the desk when the backup was made: " + d.Problem
			mark(d)
		case rec.History == nil || rec.History.Draft.Article == nil:
			return &TamperError{What: fmt.Sprintf("record %d of the body is no article, setting or damage note", n)}
		default:
			hist := *rec.History
			c.Articles++
			c.Revisions += len(hist.Revisions)
			head.Article(hist)
			d := Damaged{ID: hist.Draft.Article.ID, Headline: hist.Draft.Article.Headline}
			problems := storage.CheckHistory(hist)
			if f.Head != nil && rec.DraftHash != storage.DraftHash(hist.Draft, f.headKey) {
				problems = append(problems, "the draft (what show and export read, with its status) does not match the hash the backup recorded: it was changed after the backup was made")
			}
			if len(problems) > 0 {
				d.Problem = strings.Join(problems, "; ")
				mark(d)
			}
		}
		return nil
	})
	if err != nil {
		return c, err
	}
	if f.Head != nil {
		c.HeadProblem = headProblem(*f.Head, head.Head())
	}
	if c.HeadProblem == "" && (c.Articles != f.Articles || c.Revisions != f.Revisions || c.Settings != f.Settings) {
		c.HeadProblem = fmt.Sprintf("the header promises %d articles, %d revisions and %d settings; the body holds %d, %d and %d", f.Articles, f.Revisions, f.Settings, c.Articles, c.Revisions, c.Settings)
	}
	return c, nil
}

// headProblem says how got, the head of what the body holds, differs from
// want, the one written into the header.
func headProblem(want, got storage.Head) string {
	switch {
	case got.Articles != want.Articles:
		return fmt.Sprintf("the desk's head names %d articles, the body holds %d: articles were removed or added", want.Articles, got.Articles)
	case got.Revisions != want.Revisions:
		return fmt.Sprintf("the desk's head names %d revisions, the body holds %d: revisions were removed or added", want.Revisions, got.Revisions)
	case got.Settings != want.Settings:
		return fmt.Sprintf("the desk's head names %d settings, the body holds %d", want.Settings, got.Settings)
	case got.Keyed != want.Keyed:
		return "the desk's head is keyed and the body's is not, or the other way round"
	case got.Hash != want.Hash:
		return fmt.Sprintf("the desk's head (fingerprint %s) does not match the body's (%s): a draft, a status, a setting or the newest revisions were changed", want.Fingerprint(), got.Fingerprint())
	}
	return ""
}

// RefusedError is a backup restore would not store because some of it is
// damaged or altered. Nothing was stored.
type RefusedError struct {
	Check Check
}

func (e *RefusedError) Error() string {
	var b strings.Builder
	c := e.Check
	if c.HeadProblem != "" {
		fmt.Fprintf(&b, "the backup was altered or damaged after it was made: %s; ", c.HeadProblem)
	}
	if n := len(c.Bad); n > 0 {
		fmt.Fprintf(&b, "%d of %d articles cannot be restored: ", n, c.Articles)
		for i, d := range c.Bad {
			if i == 5 {
				fmt.Fprintf(&b, "… and %d more; ", n-5)
				break
			}
			b.WriteString(d.String() + "; ")
		}
	}
	fmt.Fprintf(&b, "nothing was restored: use another copy of the backup, or restore with --salvage to keep the %d intact articles", c.Articles-len(c.Bad))
	return b.String()
}

// Restore reads a backup from r into s, which must be empty, then runs
// Verify on s. The whole file is read and every article checked before
// the first is stored, so a damaged or altered file restores nothing. An
// error after that (the store refused an article, Verify found a fault)
// leaves a partly filled store: RestoreDir marks it incomplete.
func Restore(ctx context.Context, r io.Reader, s storage.Store, progress storage.Progress) (Summary, error) {
	f, err := Open(r, "the backup", nil)
	if err != nil {
		return Summary{}, err
	}
	c, err := f.Check()
	if err != nil {
		return Summary{}, err
	}
	if !c.OK() {
		return Summary{}, &RefusedError{Check: c}
	}
	return f.Load(ctx, s, c, progress)
}

// Load stores the settings and every article c did not find bad into s,
// which must be empty, then verifies s.
func (f *File) Load(ctx context.Context, s storage.Store, c Check, progress storage.Progress) (Summary, error) {
	start := time.Now()
	st, err := s.Stats(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("restore: reading the target's statistics: %w", err)
	}
	if st.Articles > 0 || st.Revisions > 0 {
		return Summary{}, fmt.Errorf("restore into %s: it holds %s and %s: %w; restore into a new directory", st.Location, editor.Plural(st.Articles, "article"), editor.Plural(st.Revisions, "revision"), ErrNotEmpty)
	}
	skip := map[string]bool{}
	for _, d := range c.Bad {
		skip[d.ID] = true
	}
	sum := Summary{Header: f.Header, FileBytes: f.size, Skipped: c.Bad, HeadProblem: c.HeadProblem}
	revs, want := 0, c.Articles-len(c.Bad)
	err = f.records(func(_ int, rec record) error {
		switch {
		case rec.Setting != nil:
			if err := s.SetSetting(ctx, rec.Setting.Name, rec.Setting.Value); err != nil {
				return fmt.Errorf("restore: setting %s: %w", rec.Setting.Name, err)
			}
		case rec.History != nil && !skip[rec.History.Draft.Article.ID]:
			if err := s.Load(ctx, *rec.History); err != nil {
				return fmt.Errorf("restore: article %s: %w", rec.History.Draft.Article.ID, err)
			}
			sum.Restored++
			revs += len(rec.History.Revisions)
			if progress != nil {
				progress(sum.Restored, max(want, sum.Restored))
			}
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	rep, err := s.Verify(ctx, nil)
	if err != nil {
		return sum, fmt.Errorf("restore: verifying: %w", err)
	}
	if !rep.OK() {
		return sum, fmt.Errorf("restore: verify found %d problems after restoring, the first: %s", len(rep.Problems), rep.Problems[0])
	}
	if rep.Articles != sum.Restored || rep.Revisions != revs {
		return sum, fmt.Errorf("restore: verify counted %d articles and %d revisions, %d and %d were restored", rep.Articles, rep.Revisions, sum.Restored, revs)
	}
	sum.RestoredRevisions = revs
	sum.Elapsed = time.Since(start)
	return sum, nil
}
