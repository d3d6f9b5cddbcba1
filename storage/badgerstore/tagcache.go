package badgerstore

// The answer of Tags, kept between the writes that change it. Tags walks
// every entry of the tag index, one for each tag of each story: with
// 100,000 stories that is 150–190 ms, and the window asks after every
// save. A write changes the answer only when it changes a story's tags, or
// writes a tag spelt otherwise than the answer spells it (the most
// recently changed story's spelling wins); any other write leaves it as
// it is. Like the library cache, it follows this process's commits: the
// store has one writer.

import (
	"slices"
	"sync"

	"copydesk/editor"
	"copydesk/storage"
)

type tagCache struct {
	mu    sync.Mutex
	gen   uint64             // counts the writes that changed the answer
	tags  []storage.TagCount // nil: not known
	spelt map[string]string  // tag key → its spelling in tags
}

// get returns the answer when it is known, and the generation to hand put
// when it is not.
func (c *tagCache) get() ([]storage.TagCount, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tags == nil {
		return nil, c.gen, false
	}
	return slices.Clone(c.tags), c.gen, true
}

// put keeps an answer read from the index, unless a write that changed it
// came after the read began (gen is get's).
func (c *tagCache) put(gen uint64, tags []storage.TagCount) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	c.tags = slices.Clone(tags)
	if c.tags == nil {
		c.tags = []storage.TagCount{}
	}
	c.spelt = make(map[string]string, len(tags))
	for _, t := range tags {
		c.spelt[editor.TagKey(t.Tag)] = t.Tag
	}
}

// wrote follows a committed write of sum; changed says its tags are not
// the ones it replaced.
func (c *tagCache) wrote(sum storage.Summary, changed bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !changed && c.tags != nil {
		for _, t := range sum.Tags {
			if k := editor.TagKey(t); k != "" && c.spelt[k] != t {
				changed = true
				break
			}
		}
	}
	if changed {
		c.gen++
		c.tags, c.spelt = nil, nil
	}
}

// tagsChanged says whether sum carries other tags than old (nil for a new
// story), in order and spelling.
func tagsChanged(old *storage.Summary, sum storage.Summary) bool {
	if old == nil {
		return len(sum.Tags) > 0
	}
	return !slices.Equal(old.Tags, sum.Tags)
}
