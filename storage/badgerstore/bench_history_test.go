package badgerstore

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"
	"time"
)

// dirBytes is what the files under dir occupy on disk, like du.
func dirBytes(tb testing.TB, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += diskBytes(info)
			}
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// BenchmarkKeyframes chooses keyframeEvery: 200 revisions of a 1,500-word
// story with realistic edits, then the database directory's size after
// Close and the time to rebuild the revision farthest from a whole one.
func BenchmarkKeyframes(b *testing.B) {
	for _, n := range []uint64{1, 8, 16, 32, 64, 256} {
		b.Run(fmt.Sprint("every=", n), func(b *testing.B) {
			ctx := context.Background()
			dir := b.TempDir()
			s := openStore(b, dir, Options{})
			s.keyframes = n
			versions := saveHistory(b, s, 1500, 200)
			if err := s.Close(); err != nil {
				b.Fatal(err)
			}
			size := dirBytes(b, dir)
			s = openStore(b, dir, Options{})
			s.keyframes = n
			// The farthest from a whole revision: just above a keyframe,
			// or the oldest when there is none below the newest.
			seq := uint64(1)
			if n > 1 && n < 200 {
				seq = n + 1
			}
			id := versions[0].ID
			var worst time.Duration
			for b.Loop() {
				t0 := time.Now()
				if _, _, err := s.Revision(ctx, id, seq); err != nil {
					b.Fatal(err)
				}
				worst = max(worst, time.Since(t0))
			}
			b.ReportMetric(float64(size)/1024, "dirKiB")
		})
	}
}

// BenchmarkRebuildLong rebuilds the revision farthest from a whole one in
// the history of a 10,000-word story.
func BenchmarkRebuildLong(b *testing.B) {
	ctx := context.Background()
	s := openStore(b, b.TempDir(), Options{})
	versions := saveHistory(b, s, 10000, keyframeEvery+2)
	if err := s.compactAll(ctx); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := s.Revision(ctx, versions[0].ID, 1); err != nil {
			b.Fatal(err)
		}
	}
}
