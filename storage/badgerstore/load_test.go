package badgerstore

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"copydesk/storage"
	"copydesk/storage/storetest"
)

// TestLoadAfterInterruptedLoad: a Load that stopped half-way leaves
// revisions without a draft. They keep the ID taken for Create, and a
// repeated Load replaces them — the surplus ones too — whether the
// history fits one transaction or goes in batches.
func TestLoadAfterInterruptedLoad(t *testing.T) {
	for _, n := range []int{3, 15} {
		t.Run(fmt.Sprintf("revisions=%d", n), func(t *testing.T) {
			ctx := context.Background()
			src := openStore(t, t.TempDir(), Options{})
			a := storetest.Article("Interrupted story", 8000, 3)
			if _, err := src.Create(ctx, a, storage.Meta{}); err != nil {
				t.Fatal(err)
			}
			for i := 1; i < n; i++ {
				b := a.Clone()
				b.Body += fmt.Sprintf("\n\nUpdate %d.", i)
				if _, err := src.SaveRevision(ctx, b, storage.Meta{}); err != nil {
					t.Fatal(err)
				}
			}
			var h storage.History
			if err := src.Dump(ctx, func(x storage.History) error { h = x; return nil }); err != nil {
				t.Fatal(err)
			}

			dst := openStore(t, t.TempDir(), Options{})
			// What the interrupted Load left: more revisions than the history has.
			err := dst.db.Update(func(txn *badger.Txn) error {
				for seq := uint64(1); seq <= uint64(n)+2; seq++ {
					r := storage.Revision{ArticleID: a.ID, Seq: seq, Hash: "left over"}
					if err := txn.Set(revKey(a.ID, seq), encodeRevision(r, []byte("{}"))); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := dst.Create(ctx, a, storage.Meta{}); !errors.Is(err, storage.ErrExists) {
				t.Errorf("Create over left-over revisions: %v, want ErrExists", err)
			}
			if err := dst.Load(ctx, h); err != nil {
				t.Fatal(err)
			}
			rep, err := dst.Verify(ctx, nil)
			if err != nil || !rep.OK() || rep.Revisions != n {
				t.Errorf("Verify after the repeated Load: %+v, %v; want %d good revisions", rep, err, n)
			}
		})
	}
}
