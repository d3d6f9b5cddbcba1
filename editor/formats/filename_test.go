package formats

import (
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor"
)

func TestBaseNameStaysInsideTheFolder(t *testing.T) {
	tests := []struct {
		slug, headline, want string
	}{
		{"RUSSIA-SECURITY/FSB", "", "russia-security-fsb"},
		{"../../etc/passwd", "", "etc-passwd"},
		{"..", "Headline wins", "headline-wins"},
		{"", "IS terrorists defeated in Syria", "is-terrorists-defeated-in-syria"},
		{"", "", "article-0190a1b2"},
		{"ФСБ/Бортников", "", "фсб-бортников"},
		{"a\x00b", "", "a-b"},
		{"  --  ", "«»", "article-0190a1b2"},
		{strings.Repeat("long", 40), "", strings.Repeat("long", 15)},
	}
	for _, tt := range tests {
		a := &editor.Article{ID: "0190a1b2-0000-7000-8000-000000000000", Slug: tt.slug, Headline: tt.headline}
		got := BaseName(a)
		if got != tt.want {
			t.Errorf("BaseName(slug %q, headline %q) = %q, want %q", tt.slug, tt.headline, got, tt.want)
		}
		if filepath.Base(got) != got || strings.HasPrefix(got, ".") || got == "" {
			t.Errorf("BaseName %q could leave the folder", got)
		}
	}
}

func TestNamerKeepsNamesDistinct(t *testing.T) {
	var n Namer
	a := &editor.Article{ID: "x", Slug: "FSB"}
	got := []string{n.Name(a, HTML), n.Name(a, HTML), n.Name(a, HTML), n.Name(a, NITF)}
	want := []string{"fsb.html", "fsb-2.html", "fsb-3.html", "fsb.xml"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d = %q, want %q", i, got[i], want[i])
		}
	}
}
