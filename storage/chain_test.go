package storage

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func sampleChain(t *testing.T) (a *editor.Article, content []byte, first, second Revision) {
	t.Helper()
	a = editor.New(time.Date(2019, 10, 16, 9, 30, 0, 0, time.UTC))
	a.ID = "0190f3c2-7a4e-7b8c-9d0e-1f2a3b4c5d6e"
	a.Headline = "FSB chief speaks in Sochi"
	a.Body = "SOCHI, October 16. /TASS/. The head of the FSB said…"
	content = a.Encode()
	at := time.Date(2019, 10, 16, 10, 0, 0, 5, time.FixedZone("MSK", 3*3600))
	first = NewRevision(a.ID, nil, content, a.Words(), Meta{Author: "wire", Kind: KindImport}, at)
	second = NewRevision(a.ID, &first, content, a.Words(), Meta{Author: "desk", Label: "subbed", Note: "checked"}, at.Add(time.Minute))
	return a, content, first, second
}

// TestChainHashGolden pins the chain hash: every stored history depends
// on it, so a change here breaks every existing chain.
func TestChainHashGolden(t *testing.T) {
	_, _, first, second := sampleChain(t)
	got := fmt.Sprintf("%s\n%s\n", first.Hash, second.Hash)
	path := filepath.Join("testdata", "chainhash.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("chain hashes changed:\n got %s\nwant %s", got, want)
	}
}

func TestNewRevision(t *testing.T) {
	a, content, first, second := sampleChain(t)
	if first.Seq != 1 || first.ParentHash != "" || first.Kind != KindImport || first.Time.Location() != time.UTC {
		t.Errorf("first revision: %+v", first)
	}
	if second.Seq != 2 || second.ParentHash != first.Hash || second.Kind != KindSave || second.ContentHash != a.ContentHash() {
		t.Errorf("second revision: %+v", second)
	}
	for _, r := range []Revision{first, second} {
		prev := &first
		if r.Seq == 1 {
			prev = nil
		}
		if bad := CheckRevision(a.ID, prev, r, content); len(bad) > 0 {
			t.Errorf("revision %d: %v", r.Seq, bad)
		}
	}
}

// TestCheckRevision tampers with one thing at a time and expects the
// check to say so.
func TestCheckRevision(t *testing.T) {
	a, content, first, second := sampleChain(t)
	tests := []struct {
		name    string
		edit    func(r *Revision, content *[]byte, prev *Revision)
		problem string // "" when the link must hold
	}{
		{"untouched", func(*Revision, *[]byte, *Revision) {}, ""},
		{"label changed", func(r *Revision, _ *[]byte, _ *Revision) { r.Label = "legal ok" }, ""},
		{"words changed", func(r *Revision, _ *[]byte, _ *Revision) { r.Words++ }, ""},
		{"author changed", func(r *Revision, _ *[]byte, _ *Revision) { r.Author = "someone" }, "chain hash"},
		{"note changed", func(r *Revision, _ *[]byte, _ *Revision) { r.Note = "" }, "chain hash"},
		{"time changed", func(r *Revision, _ *[]byte, _ *Revision) { r.Time = r.Time.Add(time.Nanosecond) }, "chain hash"},
		{"kind changed", func(r *Revision, _ *[]byte, _ *Revision) { r.Kind = KindRestore }, "chain hash"},
		{"content changed", func(_ *Revision, c *[]byte, _ *Revision) {
			*c = []byte(strings.Replace(string(*c), "FSB", "FSO", 1))
		}, "content hash"},
		{"parent rewritten", func(_ *Revision, _ *[]byte, p *Revision) { p.Hash = strings.Repeat("0", 64) }, "parent hash"},
		{"sequence skipped", func(r *Revision, _ *[]byte, _ *Revision) { r.Seq = 3; r.Hash = ChainHash(*r) }, "sequence number 3"},
		{"other article", func(r *Revision, _ *[]byte, _ *Revision) {
			r.ArticleID = editor.NewID()
			r.Hash = ChainHash(*r)
		}, "belongs to article"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, c, p := second, append([]byte(nil), content...), first
			tc.edit(&r, &c, &p)
			bad := strings.Join(CheckRevision(a.ID, &p, r, c), "; ")
			if tc.problem == "" && bad != "" {
				t.Errorf("reported %q", bad)
			}
			if tc.problem != "" && !strings.Contains(bad, tc.problem) {
				t.Errorf("reported %q, want %q", bad, tc.problem)
			}
		})
	}
}

func TestValidateDraft(t *testing.T) {
	base := editor.New(time.Date(2019, 10, 16, 9, 30, 0, 0, time.UTC))
	base.Headline = "Headline"
	tests := []struct {
		name  string
		edit  func(a *editor.Article)
		field string // "" when accepted
	}{
		{"valid", func(*editor.Article) {}, ""},
		{"no headline", func(a *editor.Article) { a.Headline = "" }, ""},
		{"tab headline", func(a *editor.Article) { a.Headline = "\t" }, ""},
		{"vertical tab headline", func(a *editor.Article) { a.Headline = "\v" }, "headline"},
		{"no headline, bad urgency", func(a *editor.Article) { a.Headline = ""; a.Urgency = 12 }, "urgency"},
		{"no headline, bad language", func(a *editor.Article) { a.Headline = ""; a.Language = strings.Repeat("x", 40) }, "language"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := base.Clone()
			tc.edit(a)
			err := ValidateDraft(a)
			if tc.field == "" {
				if err != nil {
					t.Errorf("refused: %v", err)
				}
				return
			}
			if v, ok := editor.AsValidation(err); !ok || v.Field(tc.field) == nil {
				t.Errorf("error %v, want one naming %s", err, tc.field)
			}
		})
	}
	if ValidateDraft(nil) == nil {
		t.Error("a nil draft was accepted")
	}
}
