package inbox_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"copydesk/storage/inbox"
)

// dropMany writes n distinct agency items into the inbox the way feed
// software does: each under a hidden name, then renamed into place.
func dropMany(tb testing.TB, in *inbox.Inbox, n int, prefix string) {
	tb.Helper()
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("%s-%04d.xml", prefix, i)
		tmp := filepath.Join(in.Dir, "."+name)
		body := g2(fmt.Sprintf("urn:bench:%d", i), 1, fmt.Sprintf("Story number %d", i), fmt.Sprintf("Paragraph of story %d.", i))
		if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(in.Dir, name)); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkWatch1000 drops 1,000 files at once into a watched inbox and
// waits until every one is on the desk; then restarts the desk, drops the
// same 1,000 again, and checks that none is imported twice. Reported:
// seconds from the first drop to the last story stored, and stories.
func BenchmarkWatch1000(b *testing.B) {
	const n = 1000
	for b.Loop() {
		in, db := newInbox(b)
		ctx, cancel := context.WithCancel(context.Background())
		created := make(chan int, n)
		done := make(chan error, 1)
		go func() {
			done <- in.Watch(ctx, func(r inbox.Result) { created <- len(r.Created) })
		}()
		time.Sleep(100 * time.Millisecond)
		start := time.Now()
		dropMany(b, in, n, "wire")
		for got := 0; got < n; {
			select {
			case k := <-created:
				got += k
			case <-time.After(60 * time.Second):
				b.Fatalf("only %d of %d files imported after a minute without progress", got, n)
			}
		}
		elapsed := time.Since(start)
		cancel()
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		if k := len(list(b, in.Store)); k != n {
			b.Fatalf("%d stories on the desk, want %d", k, n)
		}
		// Restart and drop the same content again: nothing new.
		if err := in.Store.Close(); err != nil {
			b.Fatal(err)
		}
		in.Store = openStore(b, db)
		dropMany(b, in, n, "again")
		restart := time.Now()
		rs, err := in.Scan(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		dups := 0
		for _, r := range rs {
			if r.Duplicate {
				dups++
			}
		}
		if k := len(list(b, in.Store)); k != n || dups != n {
			b.Fatalf("after a restart: %d stories, %d duplicates; want %d and %d", k, dups, n, n)
		}
		b.ReportMetric(elapsed.Seconds(), "s/1000files")
		b.ReportMetric(time.Since(restart).Seconds(), "s/1000dups")
	}
}
