package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"copydesk/storage"
	"copydesk/storage/storetest"
)

// distinctWords are n different words of letters only ("wba", "wca", …),
// each prefixed with prefix.
func distinctWords(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		b.WriteString(prefix)
		for v := i + 1; v > 0; v /= 26 {
			b.WriteByte(byte('a' + v%26))
		}
		out[i] = b.String()
	}
	return out
}

// paragraphs joins words into paragraphs of 100.
func paragraphs(words []string) string {
	var b strings.Builder
	for i := 0; i < len(words); i += 100 {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.Join(words[i:min(i+100, len(words))], " "))
		b.WriteString(".")
	}
	return b.String()
}

// TestHugeStories: stories whose postings cannot go in one Badger
// transaction, or whose one word made a key over Badger's 65,000-byte
// limit, are saved, indexed and found, and the desk stays usable: before,
// every Close failed ("Txn is too big", or an error quoting the key).
func TestHugeStories(t *testing.T) {
	many := distinctWords("w", 20000)
	swapped := append([]string(nil), many...)
	for i := range 3500 {
		swapped[i] = "z" + swapped[i]
	}
	long := strings.Repeat("x", 65000)
	hundredK := make([]string, 100000)
	vocab := distinctWords("v", 30000)
	for i := range hundredK {
		hundredK[i] = vocab[(i*7919)%len(vocab)]
	}
	tests := []struct {
		name      string
		body      string
		revision  string // "" for none
		find      []string
		notFound  string
		longWords bool
	}{
		{"20,000 distinct words", paragraphs(many), "", []string{many[0], many[19999]}, "zwb", false},
		{"a revision swapping 3,500 words", paragraphs(many), paragraphs(swapped), []string{swapped[0], many[3500], many[19999]}, many[0], false},
		{"100,000 words", paragraphs(hundredK), "", []string{vocab[0], vocab[29999]}, "", false},
		{"a 65,000-letter word", "The word is " + long + " and Bortnikov spoke.", "", []string{"Bortnikov", long[:1000]}, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			var logged bytes.Buffer
			opts := Options{Logger: slog.New(slog.NewTextHandler(&logged, nil))}
			s := openStore(t, dir, opts)
			small := storetest.Article("A small neighbour", 50, 3)
			if _, err := s.Create(ctx, small, storage.Meta{Author: "wire"}); err != nil {
				t.Fatal(err)
			}
			a := storetest.Article("The huge story", 10, 1)
			a.Body = tc.body
			if _, err := s.Create(ctx, a, storage.Meta{Author: "wire"}); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatalf("Close after the import: %v", err)
			}
			if tc.revision != "" {
				s = openStore(t, dir, opts)
				b := a.Clone()
				b.Body = tc.revision
				if _, err := s.SaveRevision(ctx, b, storage.Meta{Author: "desk"}); err != nil {
					t.Fatal(err)
				}
				if err := s.Close(); err != nil {
					t.Fatalf("Close after the revision: %v", err)
				}
			}
			s = openStore(t, dir, opts)
			for _, w := range tc.find {
				if got := searchIDs(t, s, w); len(got) != 1 || got[0] != a.ID {
					t.Errorf("search %.20q: %v, want the huge story", w, got)
				}
			}
			if tc.notFound != "" {
				if got := searchIDs(t, s, tc.notFound); len(got) != 0 {
					t.Errorf("search %q: %v, want nothing", tc.notFound, got)
				}
			}
			if got := searchIDs(t, s, "neighbour"); len(got) != 1 || got[0] != small.ID {
				t.Errorf("the small story is not found beside the huge one: %v", got)
			}
			rep, err := s.Verify(ctx, nil)
			if err != nil || !rep.OK() {
				t.Errorf("Verify: %v %v", err, rep.Problems)
			}
			if err := s.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
			if tc.longWords && strings.Contains(logged.String(), strings.Repeat("x", 100)) {
				t.Error("the log holds the long word: key bytes in clear")
			}
		})
	}
}

// searchIDs runs a full-text search and returns the IDs found.
func searchIDs(t *testing.T, s *Store, text string) []string {
	t.Helper()
	res, _, err := s.List(context.Background(), storage.Query{Text: text})
	if err != nil {
		t.Fatalf("List %.20q: %v", text, err)
	}
	var ids []string
	for _, r := range res {
		ids = append(ids, r.ID)
	}
	return ids
}

// TestIndexLargeResumes: a batched index run cut short after its first
// batch leaves the article queued and its term list uncertain; the next
// run, for a body saved in between, must leave exactly the new body's
// postings — none of the old body's that the cut run had written.
func TestIndexLargeResumes(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir(), Options{})
	s.cutIndex.Store(true)
	a := storetest.Article("Resumed", 10, 1)
	a.Body = paragraphs(distinctWords("p", 5000))
	if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
		t.Fatal(err)
	}
	if err := s.indexAll(ctx); !errors.Is(err, errIndexCut) {
		t.Fatalf("the cut run: %v", err)
	}
	rep, err := s.Verify(ctx, nil)
	if err != nil || !rep.OK() {
		t.Errorf("Verify while the article waits: %v %v", err, rep.Problems)
	}
	b := a.Clone()
	b.Body = paragraphs(distinctWords("q", 5000))
	d, err := s.Draft(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDraft(ctx, b, d.Version); err != nil {
		t.Fatal(err)
	}
	s.cutIndex.Store(false)
	if err := s.indexAll(ctx); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, s, "pb"); len(got) != 0 {
		t.Errorf("a word of the old body is found: %v", got)
	}
	if got := searchIDs(t, s, "qb"); len(got) != 1 {
		t.Errorf("a word of the new body: %v", got)
	}
	rep, err = s.Verify(ctx, nil)
	if err != nil || !rep.OK() {
		t.Errorf("Verify: %v %v", err, rep.Problems)
	}
}

// BenchmarkHugeStory: creating a story whose postings need batches, and
// closing the store (which finishes the index), in a fresh desk.
func BenchmarkHugeStory(b *testing.B) {
	for _, bc := range []struct {
		name string
		body string
	}{
		{"distinct20k", paragraphs(distinctWords("w", 20000))},
		{"words100k", func() string {
			vocab := distinctWords("v", 30000)
			ws := make([]string, 100000)
			for i := range ws {
				ws[i] = vocab[(i*7919)%len(vocab)]
			}
			return paragraphs(ws)
		}()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				s, err := Open(b.TempDir(), Options{})
				if err != nil {
					b.Fatal(err)
				}
				a := storetest.Article("Huge", 10, 1)
				a.Body = bc.body
				if _, err := s.Create(context.Background(), a, storage.Meta{}); err != nil {
					b.Fatal(err)
				}
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
