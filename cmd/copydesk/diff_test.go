package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"copydesk/editor/testfixture"
)

// writeUpdate writes the fixture with one edit applied, as an agency
// update would arrive, and returns its path.
func writeUpdate(t *testing.T, old, new string) string {
	t.Helper()
	fixture := testfixture.Read(t, testfixture.TASS)
	if !bytes.Contains(fixture, []byte(old)) {
		t.Fatalf("fixture lacks %q", old)
	}
	file := filepath.Join(t.TempDir(), "update.txt")
	if err := os.WriteFile(file, bytes.Replace(fixture, []byte(old), []byte(new), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestDiffRevisions(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	d.ok("revise", id, writeUpdate(t, "43,500 persons", "45,300 persons"), "--label", "agency update", "--year", "2019")

	tests := []struct {
		name string
		args []string
		want []string
		not  []string
	}{
		{"text", []string{"diff", id, "1", "2"},
			[]string{"From:    #1", "To:      #2 “agency update”", "[-43,500-]{+45,300+}", "number [-43,500-] → {+45,300+}", "1 word added, 1 removed"}, nil},
		{"reversed", []string{"diff", id, "2", "1"}, []string{"[-45,300-]{+43,500+}"}, nil},
		{"same revision", []string{"diff", id, "2", "2"},
			[]string{"0 words added, 0 removed", "No metadata changed.", "No numbers or quoted passages changed."}, []string{"[-", "{+"}},
		{"draft", []string{"diff", id, "#1", "draft"}, []string{"To:      “draft”", "[-43,500-]{+45,300+}"}, nil},
		{"html", []string{"diff", id, "1", "2", "--format", "html"}, []string{"<!DOCTYPE html>", "<del>43,500</del><ins>45,300</ins>"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := d.ok(tc.args...)
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(out, n) {
					t.Errorf("output has %q:\n%s", n, out)
				}
			}
		})
	}
}

func TestDiffWritesRedlineFile(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	d.ok("revise", id, writeUpdate(t, "43,500 persons", "45,300 persons"), "--year", "2019")
	file := filepath.Join(t.TempDir(), "redline.html")
	if out := d.ok("diff", id, "1", "2", "--format", "html", "-o", file); out != "" {
		t.Errorf("diff -o printed %q", out)
	}
	page, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var dels, inss []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
			switch n.Data {
			case "del":
				dels = append(dels, n.FirstChild.Data)
			case "ins":
				inss = append(inss, n.FirstChild.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	// The legend's sample, the number and the quote in the numbers-and-quotes
	// list, the number in the text; no metadata change.
	const quote = "includes data on 116 terrorist organizations and %s persons."
	wantDel := []string{"deleted text", "43,500", fmt.Sprintf(quote, "43,500"), "43,500"}
	wantIns := []string{"inserted text", "45,300", fmt.Sprintf(quote, "45,300"), "45,300"}
	if !slices.Equal(dels, wantDel) || !slices.Equal(inss, wantIns) {
		t.Errorf("redline marks: del %q, ins %q", dels, inss)
	}
}

func TestDiffFilesNeedsNoDatabase(t *testing.T) {
	d := newDesk(t)
	ours := testfixture.Path(t, testfixture.TASS)
	update := writeUpdate(t, `"Nearly a third of them are foreign terrorist militants,"`, `"Nearly half of them are foreign terrorist fighters,"`)
	out := d.ok("diff", "--files", ours, update)
	for _, w := range []string{
		"From:    “wire-tass-2019-10-16.txt”", "To:      “update.txt”",
		"quote  [-Nearly a third of them are foreign terrorist militants-] → {+Nearly half of them are foreign terrorist fighters+}",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if _, err := os.Stat(d.db); !os.IsNotExist(err) {
		t.Errorf("diff --files touched the database directory: %v", err)
	}
	// Markdown against wire copy: the same story in two formats differs
	// only where the formats carry different things, never in the body.
	md := filepath.Join(t.TempDir(), "ours.md")
	id := strings.TrimSpace(d.ok("import", "--year", "2019", ours))
	d.ok("export", id, "--format", "md", "-o", md)
	out = d.ok("diff", "--files", "--year", "2019", ours, md)
	text := out[strings.Index(out, "\nTEXT\n"):]
	if strings.Contains(text, "[-") || strings.Contains(text, "{+") {
		t.Errorf("wire copy and its Markdown export differ in the text:\n%s", out)
	}
}

func TestDiffErrors(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	missing := filepath.Join(t.TempDir(), "nope.txt")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no args", []string{"diff"}, 2, "missing ID"},
		{"one revision", []string{"diff", id, "1"}, 2, "missing ID"},
		{"bad revision", []string{"diff", id, "1", "latest"}, 2, `"latest" is not a revision`},
		{"revision zero", []string{"diff", id, "0", "1"}, 2, "is not a revision"},
		{"unknown revision", []string{"diff", id, "1", "9"}, 1, "not found"},
		{"bad id", []string{"diff", "42", "1", "2"}, 1, "not an article ID"},
		{"bad format", []string{"diff", id, "1", "1", "--format", "pdf"}, 2, "use text or html"},
		{"one file", []string{"diff", "--files", testfixture.Path(t, testfixture.TASS)}, 2, "missing the two FILEs"},
		{"missing file", []string{"diff", "--files", testfixture.Path(t, testfixture.TASS), missing}, 1, "nope.txt"},
		{"year without files", []string{"diff", id, "1", "1", "--year", "2019"}, 2, "--year goes with --files"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := d.run(tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tc.code, tc.want)
			}
		})
	}
}
