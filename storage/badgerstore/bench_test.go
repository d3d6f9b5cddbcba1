package badgerstore

import (
	"context"
	"fmt"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/storetest"
)

// twoVersions is an article and a copy edited in one word, to alternate
// between so that every save changes something.
func twoVersions(words int) [2]*editor.Article {
	a := storetest.Article("Benchmark story", words, 1)
	b := a.Clone()
	b.Body = "Edited. " + a.Body
	return [2]*editor.Article{a, b}
}

// BenchmarkSaveRevision measures an explicit, durable save (db.Sync after
// the commit) onto a growing history.
func BenchmarkSaveRevision(b *testing.B) {
	for _, words := range []int{1500, 10000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			ctx := context.Background()
			s := openStore(b, b.TempDir(), Options{})
			arts := twoVersions(words)
			if _, err := s.Create(ctx, arts[0], storage.Meta{}); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(arts[0].Encode())))
			b.ReportAllocs()
			i := 1
			for b.Loop() {
				if _, err := s.SaveRevision(ctx, arts[i%2], storage.Meta{Kind: storage.KindSave}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkSaveDraft measures an autosave (not synced).
func BenchmarkSaveDraft(b *testing.B) {
	for _, words := range []int{1500, 10000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			ctx := context.Background()
			s := openStore(b, b.TempDir(), Options{})
			arts := twoVersions(words)
			if _, err := s.Create(ctx, arts[0], storage.Meta{}); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(arts[0].Encode())))
			b.ReportAllocs()
			version := uint64(1)
			for b.Loop() {
				v, err := s.SaveDraft(ctx, arts[version%2], version)
				if err != nil {
					b.Fatal(err)
				}
				version = v
			}
		})
	}
}

// BenchmarkRevision measures rebuilding an old revision of a long story.
func BenchmarkRevision(b *testing.B) {
	ctx := context.Background()
	s := openStore(b, b.TempDir(), Options{})
	arts := twoVersions(10000)
	if _, err := s.Create(ctx, arts[0], storage.Meta{}); err != nil {
		b.Fatal(err)
	}
	for i := range 20 {
		if _, err := s.SaveRevision(ctx, arts[(i+1)%2], storage.Meta{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := s.Revision(ctx, arts[0].ID, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkList measures the library's first page of 50 rows out of
// 10,000 stories, with each kind of filter.
func BenchmarkList(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	s := openStore(b, dir, Options{})
	s.noSync = true // filling only: the saves themselves are measured above
	tags := []string{"Russia", "Politics", "Sport", "Weather", "Economy", "Security", "Culture", "Science"}
	for i := range 10000 {
		a := storetest.Article(fmt.Sprintf("Story number %d from the wire", i), 200, uint64(i))
		a.Status = editor.Statuses[i%len(editor.Statuses)]
		a.Tags = []string{tags[i%len(tags)], tags[(i/3)%len(tags)]}
		if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
			b.Fatal(err)
		}
	}
	// Measure the store as the desk opens it, with the fill's compactions
	// finished rather than competing for the CPU.
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	s = openStore(b, dir, Options{})
	if err := s.db.Flatten(1); err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct {
		name string
		q    storage.Query
	}{
		{"all", storage.Query{Limit: 50}},
		{"status", storage.Query{Status: editor.StatusReady, Limit: 50}},
		{"tag", storage.Query{Tag: "russia", Limit: 50}},
		{"text", storage.Query{Text: "number 12", Limit: 50}},
		{"body text", storage.Query{Text: "railways hospitals", Limit: 50}},
		{"page 100", storage.Query{Offset: 5000, Limit: 50}},
	} {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rows, total, err := s.List(ctx, q.q)
				if err != nil || len(rows) == 0 || total < len(rows) {
					b.Fatalf("List: %d rows of %d, %v", len(rows), total, err)
				}
			}
		})
	}
}
