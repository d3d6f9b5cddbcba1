package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileFilesCLI: files no desk should take — binary, not UTF-8,
// too large, a 1 MB headline, a 5 MB body, 100k tags — are refused by
// import and revise with a message naming the file and what is wrong
// (the byte offset where there is one), exit status 1, no panic, and the
// database unchanged.
func TestHostileFilesCLI(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tags := make([]string, 100000)
	for i := range tags {
		tags[i] = fmt.Sprintf("tag%d", i)
	}
	ninjsTags, _ := json.Marshal(map[string]any{"uri": "http://example.com/1", "type": "text", "headline": "Many tags", "body_text": "Copy.", "keywords": tags})
	cases := []struct {
		name string
		data []byte
		want []string
	}{
		{"nul.txt", []byte("SOCHI, October 16. /TASS/. The FSB\x00 said."), []string{"nul.txt", "NUL byte at offset 34"}},
		// Neither Western nor Cyrillic by its bytes (see formats.Decode).
		{"8bit.txt", []byte("Headline\n\nBody in \x81\xcf\xf0 x \xe8 win."), []string{"8bit.txt", "not UTF-8", "0x81 at offset 18", "--charset"}},
		{"paste.txt", bytes.Repeat([]byte("ten MB of pasted copy. "), 10<<20/23+1), []string{"paste.txt", "over the import limit"}},
		{"long-headline.md", []byte("# " + strings.Repeat("Headline ", 1<<20/9) + "\n\nBody.\n"), []string{"long-headline.md", "headline"}},
		{"long-body.md", []byte("# Headline\n\n" + strings.Repeat("A sentence of the body copy.\n\n", 5<<20/30)), []string{"long-body.md", "body"}},
		{"tags.json", ninjsTags, []string{"tags.json", "tags"}},
		{"empty.txt", nil, []string{"empty.txt", "empty"}},
	}
	before := d.ok("list", "--json")
	history := d.ok("history", id, "--json")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(c.name, c.data)
			for _, args := range [][]string{{"import", "--year", "2019", p}, {"revise", id, p, "--year", "2019"}} {
				code, out, errs := d.run(args...)
				if code != 1 {
					t.Errorf("%s: exit %d, want 1\nstdout %q\nstderr %q", args[0], code, clip(out, 200), clip(errs, 400))
					continue
				}
				for i, w := range c.want {
					// revise names the field the store refused, not always
					// the file it came from (see the report of issue 6).
					if i == 0 && args[0] == "revise" {
						continue
					}
					if !strings.Contains(errs, w) {
						t.Errorf("%s: stderr %q lacks %q", args[0], clip(errs, 400), w)
					}
				}
				if len(errs) > 2000 {
					t.Errorf("%s: a %d-byte error message: it should name the problem, not repeat the input", args[0], len(errs))
				}
			}
		})
	}
	if after := d.ok("list", "--json"); after != before {
		t.Errorf("the library changed:\n%s\n%s", before, after)
	}
	if after := d.ok("history", id, "--json"); after != history {
		t.Error("the article's history changed")
	}
	if out := d.ok("verify"); !strings.HasPrefix(out, "OK: 1 article,") {
		t.Errorf("verify: %s", out)
	}
}
