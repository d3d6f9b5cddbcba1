package editor

import (
	"strings"
	"testing"
)

// TestSlugAndLanguage: the slug and the language are checked on every
// write (Validate): a path-like slug and a tag that is no language were
// stored as typed and reached file names and exporters.
func TestSlugAndLanguage(t *testing.T) {
	tests := []struct {
		slug, lang string
		field      string // "" when valid
		want       string
	}{
		{"RUSSIA-SECURITY/FSB", "en", "", ""},
		{`Q&A: what next — «quotes», 'single', "double"`, "pt-BR", "", ""},
		{"МИР/ФСБ 2019", "sr-Latn-RS", "", ""},
		{"", "", "", ""},
		{"X", "xx", "", ""}, // well-formed, not (yet) registered
		{"../../etc/passwd", "en", "slug", `".." part`},
		{"/etc/passwd", "en", "slug", "empty"},
		{"WORLD//IS", "en", "slug", "empty"},
		{"WORLD/.", "en", "slug", `"."`},
		{`C:\Windows`, "en", "slug", `'\\'`},
		{"<b>slug</b>", "en", "slug", `'<'`},
		{"a$(rm -rf)", "en", "slug", `'$'`},
		{"RUSSIA", `en" onmouseover="x`, "language", "not a BCP 47 language tag"},
		{"RUSSIA", "english", "language", "not a BCP 47 language tag"},
		{"RUSSIA", "en_US", "language", "not a BCP 47 language tag"},
		{"RUSSIA", "en-", "language", "not a BCP 47 language tag"},
	}
	for _, tc := range tests {
		a := sample()
		a.Slug, a.Language = tc.slug, tc.lang
		err := a.Validate()
		if tc.field == "" {
			if err != nil {
				t.Errorf("slug %q, language %q: %v", tc.slug, tc.lang, err)
			}
			continue
		}
		v, ok := AsValidation(err)
		if !ok || v.Field(tc.field) == nil || !strings.Contains(v.Field(tc.field).Error(), tc.want) {
			t.Errorf("slug %q, language %q: %v; want %s: …%s…", tc.slug, tc.lang, err, tc.field, tc.want)
		}
	}
}
