package backup

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/klauspost/compress/zstd"

	"copydesk/editor"
	"copydesk/storage"
)

// Settings are the per-desk settings a backup carries when the store
// cannot list its own (see SettingLister): the desk dictionary and the
// house-style rules of editor/check. A test checks the names against
// that package.
var Settings = []string{"check.desk-dictionary", "check.house-style"}

// SettingLister is what a store offers if it can name every setting it
// holds; a backup then carries all of them, not only Settings.
type SettingLister interface {
	SettingNames(ctx context.Context) ([]string, error)
}

// record is one line of the body: an article's history, or a setting.
type record struct {
	*storage.History
	Setting *setting `json:"setting,omitempty"`
}

type setting struct {
	Name  string `json:"name"`
	Value []byte `json:"value"`
}

// Summary is what a backup or a restore did.
type Summary struct {
	Header
	// FileBytes is the size of the whole backup file.
	FileBytes int64
	Elapsed   time.Duration
}

// Write writes every article's history in s to w as one backup file.
// progress, if not nil, is told after each article (total is the count
// Stats gave before the dump, so it may be off if the store is written to
// meanwhile).
//
// The compressed body is built in memory before anything is written: the
// header that carries its checksums comes first, and spooling to a
// temporary file would leave a plain copy of an encrypted desk on disk.
func Write(ctx context.Context, s storage.Store, w io.Writer, progress storage.Progress) (Summary, error) {
	start := time.Now()
	st, err := s.Stats(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("backup: reading the store's statistics: %w", err)
	}
	h := Header{Format: FormatVersion, Schema: st.Schema, Created: time.Now().UTC().Round(0), Source: st.Location}
	var body bytes.Buffer
	zw, err := zstd.NewWriter(&body, zstd.WithEncoderLevel(zstd.SpeedBetterCompression))
	if err != nil {
		return Summary{}, err
	}
	plain := &countingWriter{w: zw}
	enc := json.NewEncoder(plain)
	enc.SetEscapeHTML(false)
	if h.Settings, err = writeSettings(ctx, s, enc); err != nil {
		zw.Close()
		return Summary{}, fmt.Errorf("backup: %w", err)
	}
	err = s.Dump(ctx, func(hist storage.History) error {
		if err := enc.Encode(record{History: &hist}); err != nil {
			return fmt.Errorf("article %s: %w", hist.Draft.Article.ID, err)
		}
		h.Articles++
		h.Revisions += len(hist.Revisions)
		if progress != nil {
			progress(h.Articles, max(st.Articles, h.Articles))
		}
		return nil
	})
	if err != nil {
		zw.Close()
		return Summary{}, fmt.Errorf("backup: %w", err)
	}
	if err := zw.Close(); err != nil {
		return Summary{}, fmt.Errorf("backup: compressing: %w", err)
	}
	sum := sha256.Sum256(body.Bytes())
	h.Plain = plain.n
	h.Bytes = int64(body.Len())
	h.SHA256 = hex.EncodeToString(sum[:])
	h.Blocks = blockCRCs(body.Bytes())
	n, err := writeHeader(w, h)
	if err != nil {
		return Summary{}, fmt.Errorf("backup: writing the header: %w", err)
	}
	m, err := w.Write(body.Bytes())
	if err != nil {
		return Summary{}, fmt.Errorf("backup: writing the body: %w", err)
	}
	return Summary{Header: h, FileBytes: int64(n + m), Elapsed: time.Since(start)}, nil
}

// writeSettings writes the store's settings first in the body, so that a
// restore has the desk dictionary before the first story.
func writeSettings(ctx context.Context, s storage.Store, enc *json.Encoder) (int, error) {
	names := Settings
	if l, ok := s.(SettingLister); ok {
		var err error
		if names, err = l.SettingNames(ctx); err != nil {
			return 0, fmt.Errorf("listing settings: %w", err)
		}
	}
	n := 0
	for _, name := range names {
		v, err := s.Setting(ctx, name)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err != nil {
			return n, fmt.Errorf("setting %s: %w", name, err)
		}
		if err := enc.Encode(record{Setting: &setting{name, v}}); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ErrNotEmpty is returned by Restore when the target store holds articles.
var ErrNotEmpty = errors.New("the target database is not empty")

// Restore reads a backup from r into s, which must be empty, then runs
// Verify on s. The whole file is read and its checksums checked before
// the first article is stored, so a damaged file restores nothing. An
// error after that (the store refused an article, Verify found a fault)
// leaves a partly filled store: restore into a new directory and remove
// it on failure (the CLI does).
func Restore(ctx context.Context, r io.Reader, s storage.Store, progress storage.Progress) (Summary, error) {
	start := time.Now()
	st, err := s.Stats(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("restore: reading the target's statistics: %w", err)
	}
	if st.Articles > 0 || st.Revisions > 0 {
		return Summary{}, fmt.Errorf("restore into %s: it holds %s and %s: %w; restore into a new directory", st.Location, editor.Plural(st.Articles, "article"), editor.Plural(st.Revisions, "revision"), ErrNotEmpty)
	}
	br := bufio.NewReader(r)
	h, bodyStart, err := readHeader(br)
	if err != nil {
		return Summary{}, err
	}
	body, err := readBody(br, h, bodyStart)
	if err != nil {
		return Summary{}, err
	}
	zr, err := zstd.NewReader(bytes.NewReader(body))
	if err != nil {
		return Summary{}, err
	}
	defer zr.Close()
	dec := json.NewDecoder(zr)
	done, revs, settings := 0, 0, 0
	for {
		var rec record
		err := dec.Decode(&rec)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Summary{}, fmt.Errorf("restore: record %d of the backup cannot be read (its checksums matched, so it was written wrong): %w", done+settings+1, err)
		}
		if rec.Setting != nil {
			if err := s.SetSetting(ctx, rec.Setting.Name, rec.Setting.Value); err != nil {
				return Summary{}, fmt.Errorf("restore: setting %s: %w", rec.Setting.Name, err)
			}
			settings++
			continue
		}
		hist := rec.History
		if hist == nil || hist.Draft.Article == nil {
			return Summary{}, fmt.Errorf("restore: article %d of the backup has no draft", done+1)
		}
		if err := s.Load(ctx, *hist); err != nil {
			return Summary{}, fmt.Errorf("restore: article %s: %w", hist.Draft.Article.ID, err)
		}
		done++
		revs += len(hist.Revisions)
		if progress != nil {
			progress(done, max(h.Articles, done))
		}
	}
	if done != h.Articles || revs != h.Revisions || settings != h.Settings {
		return Summary{}, fmt.Errorf("restore: the header promises %d articles, %d revisions and %d settings; the body held %d, %d and %d", h.Articles, h.Revisions, h.Settings, done, revs, settings)
	}
	rep, err := s.Verify(ctx, nil)
	if err != nil {
		return Summary{}, fmt.Errorf("restore: verifying: %w", err)
	}
	if !rep.OK() {
		return Summary{}, fmt.Errorf("restore: verify found %s after restoring, the first: %s", editor.Plural(len(rep.Problems), "problem"), rep.Problems[0])
	}
	if rep.Articles != h.Articles || rep.Revisions != h.Revisions {
		return Summary{}, fmt.Errorf("restore: verify counted %d articles and %d revisions, the backup holds %d and %d", rep.Articles, rep.Revisions, h.Articles, h.Revisions)
	}
	return Summary{Header: h, FileBytes: bodyStart + h.Bytes, Elapsed: time.Since(start)}, nil
}

// readBody reads the compressed body and checks it block by block, so
// that the error names the first damaged span.
func readBody(r io.Reader, h Header, bodyStart int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, h.Bytes))
	if err != nil {
		return nil, fmt.Errorf("restore: reading the backup: %w", err)
	}
	if n < h.Bytes {
		at := bodyStart + n
		return nil, &DamageError{Offset: at, End: at, What: fmt.Sprintf("the file ends %d bytes early: it should be %d bytes long (truncated)", h.Bytes-n, bodyStart+h.Bytes)}
	}
	if extra, _ := io.Copy(io.Discard, r); extra > 0 {
		end := bodyStart + h.Bytes
		return nil, &DamageError{Offset: end, End: end + extra, What: fmt.Sprintf("%d bytes follow the end of the backup", extra)}
	}
	body := buf.Bytes()
	for i, got := range blockCRCs(body) {
		if got != h.Blocks[i] {
			off := bodyStart + int64(i)*blockSize
			return nil, &DamageError{Offset: off, End: min(off+blockSize, bodyStart+h.Bytes), What: fmt.Sprintf("block %d of %d of the body does not match its checksum", i+1, len(h.Blocks))}
		}
	}
	if sum := sha256.Sum256(body); hex.EncodeToString(sum[:]) != h.SHA256 {
		return nil, &DamageError{Offset: bodyStart, End: bodyStart + h.Bytes, What: "the body does not match its SHA-256"}
	}
	return body, nil
}

// ReadHeader reads and checks a backup's header without its body, for
// showing what a file holds before restoring it.
func ReadHeader(r io.Reader) (Header, error) {
	h, _, err := readHeader(r)
	return h, err
}
