package backup

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/klauspost/compress/zstd"

	"copydesk/storage"
	"copydesk/storage/keyfile"
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

// record is one line of the body: an article's history with the hash of
// its draft, a setting, or an article the desk's verify found damaged.
type record struct {
	*storage.History
	DraftHash string   `json:"draft_hash,omitempty"`
	Setting   *setting `json:"setting,omitempty"`
	Damaged   *Damaged `json:"damaged,omitempty"`
}

type setting struct {
	Name  string `json:"name"`
	Value []byte `json:"value"`
}

// Damaged is an article a backup holds as it was but that is not fit to
// restore (or that the desk's verify found damaged when it was written).
type Damaged struct {
	ID       string `json:"id"`
	Headline string `json:"headline,omitempty"`
	Problem  string `json:"problem"`
}

func (d Damaged) String() string {
	if d.Headline == "" {
		return fmt.Sprintf("%s: %s", d.ID, d.Problem)
	}
	return fmt.Sprintf("%s «%s»: %s", d.ID, d.Headline, d.Problem)
}

// Damage verifies s and names each damaged article, with its headline
// where the draft can still be read: what a backup checks first.
func Damage(ctx context.Context, s storage.Store, progress storage.Progress) ([]Damaged, error) {
	rep, err := s.Verify(ctx, progress)
	if err != nil {
		return nil, fmt.Errorf("verifying before the backup: %w", err)
	}
	var out []Damaged
	at := map[string]int{}
	for _, p := range rep.Problems {
		if i, ok := at[p.ArticleID]; ok {
			out[i].Problem += "; " + p.String()
			continue
		}
		d := Damaged{ID: p.ArticleID, Problem: p.String()}
		if dr, err := s.Draft(ctx, p.ArticleID); err == nil && dr.Article != nil {
			d.Headline = dr.Article.Headline
		}
		at[p.ArticleID] = len(out)
		out = append(out, d)
	}
	return out, nil
}

// DamagedDeskError is a backup refused because the desk's verify found
// damaged articles. Nothing was written.
type DamagedDeskError struct{ Damaged []Damaged }

func (e *DamagedDeskError) Error() string {
	return fmt.Sprintf("the desk has %d damaged articles (%s); no backup was written: keep your older backups, run copydesk verify for the details, and copydesk backup --damaged-ok to write one with the intact articles (restore --salvage then restores them)",
		len(e.Damaged), ListDamaged(e.Damaged, 5))
}

// ListDamaged names at most most of ds, by ID and headline.
func ListDamaged(ds []Damaged, most int) string {
	var parts []string
	for i, d := range ds {
		if i == most {
			parts = append(parts, fmt.Sprintf("… and %d more", len(ds)-most))
			break
		}
		if d.Headline != "" {
			parts = append(parts, fmt.Sprintf("%s «%s»", d.ID, d.Headline))
		} else {
			parts = append(parts, d.ID)
		}
	}
	return strings.Join(parts, ", ")
}

// Summary is what a backup or a restore did.
type Summary struct {
	Header
	// FileBytes is the size of the whole backup file.
	FileBytes int64
	Elapsed   time.Duration
	// Restored is how many articles a restore stored; Skipped the ones it
	// left out (--salvage), with why.
	Restored, RestoredRevisions int
	Skipped                     []Damaged
	// HeadProblem says how the desk's head disagreed with the body, when
	// a salvage restored anyway.
	HeadProblem string
}

// WriteOptions are the choices of a backup.
type WriteOptions struct {
	// Progress, if not nil, is told after each article.
	Progress storage.Progress
	// Damaged are the articles the desk's verify found damaged: the backup
	// holds them as they are and names them, and a restore leaves them out
	// unless asked to salvage.
	Damaged []Damaged
	// Key seals the backup; nil takes it from the store when it is an
	// encrypted desk (KeyedStore), else the backup is plain.
	Key *Key
}

// KeyedStore is a store that knows the key it was opened with: a backup of
// it is sealed under that key.
type KeyedStore interface {
	EncryptionKey() []byte
	Dir() string
}

// StoreKey is the key to seal a backup of s with, nil for a plain desk.
func StoreKey(s storage.Store) (*Key, error) {
	ks, ok := s.(KeyedStore)
	if !ok || len(ks.EncryptionKey()) == 0 {
		return nil, nil
	}
	hdr, err := keyfile.ReadHeader(ks.Dir())
	if err != nil {
		return nil, fmt.Errorf("backup: the desk is encrypted but its key header cannot be read, so the backup could not be encrypted: %w", err)
	}
	return &Key{Desk: ks.EncryptionKey(), Header: hdr}, nil
}

// Write writes every article's history in s to w as one backup file; a
// backup of an encrypted desk is sealed (seal.go). progress, if not nil,
// is told after each article (total is the count Stats gave before the
// dump, so it may be off if the store is written to meanwhile).
//
// The compressed body is built in memory before anything is written: the
// header that carries its checksums comes first, and spooling to a
// temporary file would leave a plain copy of an encrypted desk on disk.
func Write(ctx context.Context, s storage.Store, w io.Writer, progress storage.Progress) (Summary, error) {
	return WriteWith(ctx, s, w, WriteOptions{Progress: progress})
}

// WriteWith is Write with options.
func WriteWith(ctx context.Context, s storage.Store, w io.Writer, o WriteOptions) (Summary, error) {
	start := time.Now()
	st, err := s.Stats(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("backup: reading the store's statistics: %w", err)
	}
	key := o.Key
	if key == nil {
		if key, err = StoreKey(s); err != nil {
			return Summary{}, err
		}
	}
	var sl *sealer
	var headKey []byte
	if key != nil {
		if sl, err = newSealed(*key); err != nil {
			return Summary{}, fmt.Errorf("backup: %w", err)
		}
		headKey = sl.head
	}
	h := Header{Format: FormatVersion, Schema: st.Schema, Created: time.Now().UTC().Round(0), Source: st.Location, Damaged: len(o.Damaged)}
	var body bytes.Buffer
	zw, err := zstd.NewWriter(&body, zstd.WithEncoderLevel(zstd.SpeedBetterCompression))
	if err != nil {
		return Summary{}, err
	}
	plain := &countingWriter{w: zw}
	enc := json.NewEncoder(plain)
	enc.SetEscapeHTML(false)
	head := storage.NewHeadBuilder(headKey)
	if h.Settings, err = writeSettings(ctx, s, enc, head); err != nil {
		zw.Close()
		return Summary{}, fmt.Errorf("backup: %w", err)
	}
	err = s.Dump(ctx, func(hist storage.History) error {
		rec := record{History: &hist}
		if hist.Draft.Article != nil {
			rec.DraftHash = storage.DraftHash(hist.Draft, headKey)
		}
		if err := enc.Encode(rec); err != nil {
			return fmt.Errorf("article %s: %w", hist.Draft.Article.ID, err)
		}
		head.Article(hist)
		h.Articles++
		h.Revisions += len(hist.Revisions)
		if o.Progress != nil {
			o.Progress(h.Articles, max(st.Articles, h.Articles))
		}
		return nil
	})
	for i := 0; err == nil && i < len(o.Damaged); i++ {
		err = enc.Encode(record{Damaged: &o.Damaged[i]})
	}
	if err != nil {
		zw.Close()
		return Summary{}, fmt.Errorf("backup: %w", err)
	}
	if err := zw.Close(); err != nil {
		return Summary{}, fmt.Errorf("backup: compressing: %w", err)
	}
	hd := head.Head()
	h.Head = &hd
	data := body.Bytes()
	if sl != nil {
		data = sl.seal(data)
		h.Sealed = sl.s
	}
	sum := sha256.Sum256(data)
	h.Plain = plain.n
	h.Bytes = int64(len(data))
	h.SHA256 = hex.EncodeToString(sum[:])
	h.Blocks = blockCRCs(data)
	if sl != nil {
		sl.s.MAC = sl.headerMAC(h)
	}
	n, err := writeHeader(w, h)
	if err != nil {
		return Summary{}, fmt.Errorf("backup: writing the header: %w", err)
	}
	m, err := w.Write(data)
	if err != nil {
		return Summary{}, fmt.Errorf("backup: writing the body: %w", err)
	}
	return Summary{Header: h, FileBytes: int64(n + m), Elapsed: time.Since(start)}, nil
}

// writeSettings writes the store's settings first in the body, so that a
// restore has the desk dictionary before the first story.
func writeSettings(ctx context.Context, s storage.Store, enc *json.Encoder, head *storage.HeadBuilder) (int, error) {
	names, err := SettingNames(ctx, s)
	if err != nil {
		return 0, err
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
		head.Setting(name, v)
		n++
	}
	return n, nil
}

// SettingNames are the settings of s a backup carries: every one a
// SettingLister names, else Settings.
func SettingNames(ctx context.Context, s storage.Store) ([]string, error) {
	l, ok := s.(SettingLister)
	if !ok {
		return Settings, nil
	}
	names, err := l.SettingNames(ctx)
	if err != nil {
		return nil, fmt.Errorf("listing settings: %w", err)
	}
	// The incomplete mark belongs to the store it is in, not to the desk.
	return slices.DeleteFunc(names, func(n string) bool { return n == IncompleteSetting }), nil
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
