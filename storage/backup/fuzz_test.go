package backup_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"

	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/badgerstore"
)

// FuzzRestore feeds Restore damaged and made-up files: it must never
// panic, never allocate what a header merely claims, and never store
// anything from a file it refuses; a file it accepts backs up again to
// the same body. The seeds are a real backup (from the
// fixture and the hostile article) and its pieces; testdata/fuzz holds
// more.
func FuzzRestore(f *testing.F) {
	src := openStore(f)
	fill(f, src, 2, 2, 50)
	var good bytes.Buffer
	if _, err := backup.Write(context.Background(), src, &good, nil); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add(good.Bytes()[:len(backup.Magic)+40])
	f.Add([]byte(backup.Magic))
	base := f.TempDir()
	var dst storage.Store
	fresh := func() error {
		if dst != nil {
			_ = dst.Close()
		}
		var err error
		dst, err = badgerstore.Open(filepath.Join(base, strconv.Itoa(rand.Int())), badgerstore.Options{})
		return err
	}
	if err := fresh(); err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = dst.Close() })
	f.Fuzz(func(t *testing.T, file []byte) {
		sum, err := backup.Restore(context.Background(), bytes.NewReader(file), dst, nil)
		st, serr := dst.Stats(context.Background())
		if serr != nil {
			t.Fatal(serr)
		}
		if err != nil {
			if st.Articles != 0 || st.Revisions != 0 {
				t.Fatalf("a refused restore (%v) stored %d articles", err, st.Articles)
			}
			return
		}
		// What was restored backs up to the same body. (Fuzz workers fill
		// their own source, so the seed's store is not at hand to compare.)
		var again bytes.Buffer
		re, err := backup.Write(context.Background(), dst, &again, nil)
		if err != nil {
			t.Fatal(err)
		}
		if re.SHA256 != sum.SHA256 || re.Articles != sum.Articles || re.Revisions != sum.Revisions {
			t.Fatalf("a restore that succeeded does not back up to the same body: %d/%d articles, sha %s vs %s", re.Articles, sum.Articles, re.SHA256, sum.SHA256)
		}
		// An empty target again for the next input.
		if err := fresh(); err != nil {
			t.Fatal(err)
		}
	})
}
