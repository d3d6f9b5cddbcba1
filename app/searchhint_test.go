package app

import (
	"strings"
	"testing"
)

// The search box finds a word of the body, and its hint says so (it
// named only headline, slug and tags).
func TestSearchHintNamesTheBody(t *testing.T) {
	h := newHarness(t)
	a := fixtureArticle(t)
	h.put(t, a)
	w := h.w
	if !strings.Contains(w.lib.Search.PlaceHolder, "body") {
		t.Errorf("search hint %q does not name the body", w.lib.Search.PlaceHolder)
	}
	w.lib.Search.SetText("hawala") // a word of the body only
	settle(w)
	if len(w.lib.Rows) != 1 || w.lib.Rows[0].ID != a.ID {
		t.Errorf("a body word finds %d stories", len(w.lib.Rows))
	}
}
