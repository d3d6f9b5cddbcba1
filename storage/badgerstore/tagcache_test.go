package badgerstore

import (
	"context"
	"slices"
	"testing"
	"time"

	"copydesk/editor"
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

// TestTagsFollowAStoryMovedBack: a revision dated before the other stories
// (Meta.Time) makes another story the newest to spell a tag, and Tags
// spells it as that one does.
func TestTagsFollowAStoryMovedBack(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir(), Options{})
	var last *editor.Article
	for i, tag := range []string{"Syria", "syria"} {
		a := storetest.Article("Story", 50, uint64(i))
		a.Tags = []string{tag}
		if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
			t.Fatal(err)
		}
		last = a
	}
	if got, _ := s.Tags(ctx); !slices.Equal(got, []storage.TagCount{{Tag: "syria", Count: 2}}) {
		t.Fatalf("tags %v, want syria ×2 (the newest story's spelling)", got)
	}
	last.Body += "\n\nA late paragraph."
	if _, err := s.SaveRevision(ctx, last, storage.Meta{Time: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Tags(ctx)
	fresh, _ := s.scanTags()
	if !slices.Equal(got, fresh) || !slices.Equal(got, []storage.TagCount{{Tag: "Syria", Count: 2}}) {
		t.Errorf("after the story moved back: Tags %v, the index %v, want Syria ×2", got, fresh)
	}
}
