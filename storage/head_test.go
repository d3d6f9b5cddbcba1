package storage_test

import (
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/storetest"
)

// history is a valid one-revision history of a.
func history(a *editor.Article) storage.History {
	content := a.Encode()
	r := storage.NewRevision(a.ID, nil, content, a.Words(), storage.Meta{Author: "wire", Kind: storage.KindImport}, time.Date(2024, 3, 3, 9, 0, 0, 0, time.UTC))
	return storage.History{Draft: storage.Draft{Article: a.Clone(), Version: 1, Seq: 1}, Revisions: []storage.StoredRevision{{Revision: r, Article: a.Clone()}}}
}

// TestCheckHistory: a restore refuses what an import would (NUL and
// other control characters, a body over the limit) and any broken link.
func TestCheckHistory(t *testing.T) {
	cases := []struct {
		name string
		edit func(h *storage.History)
		want string // in a problem; "" for none
	}{
		{"intact", func(*storage.History) {}, ""},
		{"NUL in the draft", func(h *storage.History) { h.Draft.Article.Body += "\x00" }, "the draft"},
		{"NUL in a revision", func(h *storage.History) { h.Revisions[0].Article.Headline += "\x00" }, "revision 1"},
		{"body over the limit", func(h *storage.History) {
			h.Revisions[0].Article.Body = strings.Repeat("word ", editor.MaxBodyBytes/4)
		}, "over the limit"},
		{"content changed", func(h *storage.History) { h.Revisions[0].Article.Body += " more" }, "content hash mismatch"},
		{"control character in the author", func(h *storage.History) { h.Revisions[0].Revision.Author = "a\x1bb" }, "meta.author"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := history(storetest.Article("Checked story", 80, 1))
			c.edit(&h)
			got := strings.Join(storage.CheckHistory(h), "; ")
			if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
				t.Errorf("problems %q, want %q", got, c.want)
			}
		})
	}
}

// TestHeadOrderAndKey: the head does not depend on the order articles
// come in, and a keyed head differs from the plain one and between keys.
func TestHeadOrderAndKey(t *testing.T) {
	a := history(storetest.Article("One", 50, 1))
	b := history(storetest.Article("Two", 50, 2))
	head := func(key []byte, hs ...storage.History) storage.Head {
		hb := storage.NewHeadBuilder(key)
		for _, h := range hs {
			hb.Article(h)
		}
		return hb.Head()
	}
	if head(nil, a, b) != head(nil, b, a) {
		t.Error("the head depends on the order")
	}
	k1, _ := storage.HeadKey([]byte("0123456789abcdef0123456789abcdef"))
	k2, _ := storage.HeadKey([]byte("fedcba9876543210fedcba9876543210"))
	if p, x, y := head(nil, a), head(k1, a), head(k2, a); p.Hash == x.Hash || x.Hash == y.Hash || !x.Keyed {
		t.Errorf("keyed heads: plain %s, key 1 %s, key 2 %s", p.Fingerprint(), x.Fingerprint(), y.Fingerprint())
	}
	if fp := head(nil, a).Fingerprint(); len(fp) != 24 || strings.Count(fp, "-") != 4 {
		t.Errorf("fingerprint %q, want five groups of four", fp)
	}
}
