package compareload

import (
	"strings"
	"testing"

	"copydesk/editor"
)

func TestArticleIsDeterministicAndSized(t *testing.T) {
	for _, words := range []int{100, 2000, 10000} {
		a, again := Article(3, words), Article(3, words)
		if a.Body != again.Body || a.Headline != again.Headline {
			t.Fatalf("%d words: the same seed gave two articles", words)
		}
		if n := editor.CountWords(editor.PlainBody(a.Body)); n < words || n > words+150 {
			t.Errorf("asked for %d words, got %d", words, n)
		}
		if err := a.Validate(); err != nil {
			t.Errorf("%d words: generated article is invalid: %v", words, err)
		}
	}
	if Article(3, 500).Body == Article(4, 500).Body {
		t.Error("two seeds gave the same text")
	}
}

func TestArticleLooksLikeNews(t *testing.T) {
	a := Article(5, 3000)
	var subheads, quotes, figures int
	for _, b := range editor.ParseBody(a.Body) {
		if b.Kind == editor.Subhead {
			subheads++
		}
		if strings.ContainsAny(b.Text, "\"“") {
			quotes++
		}
		if strings.ContainsAny(b.Text, "0123456789") {
			figures++
		}
	}
	if subheads < 5 || quotes < 20 || figures < 20 {
		t.Errorf("%d subheads, %d paragraphs with quotes, %d with figures", subheads, quotes, figures)
	}
}

func TestEdit(t *testing.T) {
	a := Article(7, 3000)
	b := Edit(a, 8, 50)
	if b.Body == a.Body || b.ID != a.ID {
		t.Fatal("Edit changed nothing, or changed the ID")
	}
	if Edit(a, 8, 50).Body != b.Body {
		t.Error("Edit is not deterministic")
	}
	ba, bb := editor.ParseBody(a.Body), editor.ParseBody(b.Body)
	if len(bb) != len(ba) {
		t.Errorf("one inserted, one deleted: want %d blocks, got %d", len(ba), len(bb))
	}
	// Too few paragraphs to insert, delete and move: left as it is.
	tiny := Article(1, 20)
	if len(editor.ParseBody(tiny.Body)) >= 4 {
		t.Fatal("the tiny article is not tiny")
	}
	if Edit(tiny, 1, 50).Body != tiny.Body {
		t.Error("a story with fewer than four paragraphs was edited")
	}
}

func TestHistory(t *testing.T) {
	h := History(3, 1500, 30)
	if len(h) != 30 {
		t.Fatalf("%d revisions, want 30", len(h))
	}
	for i := 1; i < len(h); i++ {
		if h[i].Body == h[i-1].Body {
			t.Errorf("revision %d leaves the body as it was", i+1)
		}
		if err := h[i].Validate(); err != nil {
			t.Errorf("revision %d is invalid: %v", i+1, err)
		}
	}
	if h[7].Headline == h[6].Headline || len(h[7].Tags) != len(h[6].Tags)+1 {
		t.Error("revision 8 changes no metadata")
	}
	if History(3, 1500, 30)[29].Body != h[29].Body {
		t.Error("History is not deterministic")
	}
}
