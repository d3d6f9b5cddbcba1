package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"copydesk/editor"
	"copydesk/editor/compare/compareload"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

// libraryWords is the body length of the library's stories: short news
// items, as a desk's archive mostly holds.
const libraryWords = 250

// buildLibrary fills dir with n articles unless a finished one is there.
// The newest, which the window opens first, has openWords words (0: like
// the rest).
func buildLibrary(dir string, n, openWords int) error {
	done := filepath.Join(filepath.Dir(dir), filepath.Base(dir)+".done")
	if _, err := os.Stat(done); err == nil {
		return nil
	}
	os.RemoveAll(dir)
	ctx := context.Background()
	s, err := badgerstore.Open(dir, badgerstore.Options{NoSync: true})
	if err != nil {
		return err
	}
	tags := []string{"Russia", "Politics", "Sport", "Weather", "Economy", "Security", "Culture", "Science"}
	for i := range n {
		words := libraryWords
		if i == n-1 && openWords > 0 {
			words = openWords
		}
		a := compareload.Article(uint64(i+1), words)
		a.Status = editor.Statuses[i%4] // no spiked stories
		a.Tags = []string{tags[i%len(tags)], tags[(i/3)%len(tags)]}
		if _, err := s.Create(ctx, a, storage.Meta{Kind: storage.KindImport}); err != nil {
			s.Close()
			return err
		}
		if i%10000 == 9999 {
			fmt.Fprintf(os.Stderr, "deskbench:   %d articles\n", i+1)
		}
	}
	// Close finishes the full-text index; GC compacts.
	if err := s.GC(ctx); err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	return os.WriteFile(done, nil, 0o644)
}

func measureLibrary(o options) ([]row, error) {
	dir := filepath.Join(o.work, fmt.Sprintf("library-%d", o.articles))
	t0 := time.Now()
	if err := buildLibrary(dir, o.articles, 0); err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "deskbench:   library ready in %v\n", time.Since(t0).Round(time.Second))
	ctx := context.Background()
	var (
		s         *badgerstore.Store
		firstPage time.Duration
	)
	open, err := median(o.runs, func() (time.Duration, error) {
		if s != nil {
			s.Close()
		}
		t0 := time.Now()
		var err error
		if s, err = badgerstore.Open(dir, badgerstore.Options{}); err != nil {
			return 0, err
		}
		d := time.Since(t0)
		t1 := time.Now()
		rows, _, err := s.List(ctx, storage.Query{Limit: 50})
		if err == nil && len(rows) != 50 {
			err = fmt.Errorf("first page has %d rows", len(rows))
		}
		firstPage = max(firstPage, time.Since(t1))
		return d, err
	})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	page, err := median(o.runs, func() (time.Duration, error) {
		t0 := time.Now()
		_, _, err := s.List(ctx, storage.Query{Limit: 50})
		return time.Since(t0), err
	})
	if err != nil {
		return nil, err
	}
	rows := []row{
		{what: fmt.Sprintf("library of %dk: open the store", o.articles/1000), ours: ms(open)},
		{what: fmt.Sprintf("library of %dk: first page of 50 (after open / warm)", o.articles/1000), ours: ms(firstPage) + " / " + ms(page),
			goal: "≤ 50 ms", met: verdict(firstPage <= 50*time.Millisecond)},
	}
	st, err := s.Stats(ctx)
	if err == nil {
		rows = append(rows, row{what: fmt.Sprintf("library of %dk: database on disk (with full-text postings)", o.articles/1000), ours: kib(st.Bytes),
			peers: "bleve v2.6.3 index alone, same stories: 527,064 KiB (measured apart: storage/badgerstore/fulltext.go)"})
	}
	for _, q := range []string{"Kazan", "couriers Kazan", "detained Vladivostok unprecedented", "Bortnikov"} {
		var total int
		d, err := median(o.runs, func() (time.Duration, error) {
			t0 := time.Now()
			_, n, err := s.List(ctx, storage.Query{Text: q, Limit: 50})
			total = n
			return time.Since(t0), err
		})
		if err != nil {
			return nil, err
		}
		rows = append(rows, row{what: fmt.Sprintf("library of %dk: search %q (headline, slug, tags, body)", o.articles/1000, q),
			ours: fmt.Sprintf("%s (%d hits)", ms(d), total), goal: "≤ 100 ms", met: verdict(d <= 100*time.Millisecond)})
	}
	return rows, nil
}
