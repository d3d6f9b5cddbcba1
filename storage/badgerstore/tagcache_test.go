package badgerstore

import (
	"context"
	"slices"
	"testing"

	"copydesk/storage"
	"copydesk/storage/storetest"
)

// TestTagsKeptBetweenWrites: Tags walks the tag index again only after a
// write that changes its answer, and always answers what a walk would.
func TestTagsKeptBetweenWrites(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir(), Options{})
	var ids []string
	for i, tags := range [][]string{{"Russia", "Security"}, {"russia"}, {"Sport"}} {
		a := storetest.Article("Story", 50, uint64(i))
		a.Tags = tags
		if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	step := func(name string, wantScan bool) {
		t.Helper()
		before := s.tagScans.Load()
		got, err := s.Tags(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if scanned := s.tagScans.Load() > before; scanned != wantScan {
			t.Errorf("%s: walked the index %v, want %v", name, scanned, wantScan)
		}
		fresh, err := s.scanTags()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, fresh) {
			t.Errorf("%s: Tags says %v, the index %v", name, got, fresh)
		}
	}
	save := func(id string, edit func(tags []string) []string) {
		t.Helper()
		d, err := s.Draft(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		a := d.Article
		a.Body += "\n\nOne more paragraph."
		a.Tags = edit(a.Tags)
		if _, err := s.SaveDraft(ctx, a, d.Version); err != nil {
			t.Fatal(err)
		}
	}
	same := func(tags []string) []string { return tags }

	step("first call", true)
	step("second call", false)
	save(ids[2], same)
	step("after a save that keeps its tags", false)
	save(ids[2], func(tags []string) []string { return append(tags, "Football") })
	step("after a tag is added", true)
	// The answer spells the tag as the newest of its stories does: the
	// second story's "russia". Saving it again changes nothing; saving the
	// first, which spells it "Russia", makes that the newest spelling.
	save(ids[1], same)
	step("after a save of the spelling shown", false)
	save(ids[0], same)
	step("after a save of another spelling", true)
	if got, _ := s.Tags(ctx); !slices.Contains(got, storage.TagCount{Tag: "Russia", Count: 2}) {
		t.Errorf("tags %v: want Russia ×2, spelt as on the newest story", got)
	}
	save(ids[0], func(tags []string) []string { return tags[1:] })
	step("after a tag is removed", true)
}
