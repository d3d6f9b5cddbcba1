package inbox

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

// BenchmarkStories10k: the Inbox filter's cost on a Badger desk whose
// inbox took 10,000 files: Stories (every setting's name, then each file's
// note) and the List of the first page of them.
func BenchmarkStories10k(b *testing.B) {
	ctx := context.Background()
	s, err := badgerstore.Open(filepath.Join(b.TempDir(), "desk"), badgerstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	in := &Inbox{Store: s}
	for i := range 10000 {
		if err := in.noteHash(ctx, fmt.Sprintf("%064x", i), hashNote{IDs: []string{editor.NewID()}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		ids, err := Stories(ctx, s)
		if err != nil || len(ids) != 10000 {
			b.Fatalf("Stories: %d, %v", len(ids), err)
		}
		if _, _, err := s.List(ctx, storage.Query{IDs: ids, Limit: 500}); err != nil {
			b.Fatal(err)
		}
	}
}
