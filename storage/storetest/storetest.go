// Package storetest is the behaviour every storage.Store must show,
// written against the interface alone so that each implementation (the
// embedded Badger store now, a shared PostgreSQL store later) runs the
// same suite: call Run from the implementation's tests. It also makes the
// sample articles those tests and benchmarks use.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// Opener returns a new, empty store for one test. Run closes it when the
// test ends (a second Close may return ErrClosed; Run ignores it).
type Opener func(t *testing.T) storage.Store

// suiteTest is one behaviour; more opens a further empty store.
type suiteTest struct {
	name string
	run  func(t *testing.T, s storage.Store, more func() storage.Store)
}

var suite = []suiteTest{
	{"Create", testCreate},
	{"CreateRefused", testCreateRefused},
	{"SaveDraft", testSaveDraft},
	{"RevisionChain", testRevisionChain},
	{"Stale", testStale},
	{"NotFound", testNotFound},
	{"Labels", testLabels},
	{"ConcurrentRevisions", testConcurrentRevisions},
	{"ConcurrentDrafts", testConcurrentDrafts},
	{"List", testList},
	{"ListFollowsChanges", testListFollowsChanges},
	{"ListIDs", testListIDs},
	{"ListRefusesBadQuery", testListRefusesBadQuery},
	{"Tags", testTags},
	{"DumpLoad", testDumpLoad},
	{"Head", testHead},
	{"LoadRefused", testLoadRefused},
	{"LoadLongHistory", testLoadLongHistory},
	{"LargeArticle", testLargeArticle},
	{"Settings", testSettings},
	{"SettingNames", testSettingNames},
	{"Notes", testNotes},
	{"Stats", testStats},
	{"VerifyProgress", testVerifyProgress},
	{"Canceled", testCanceled},
	{"Closed", testClosed},
}

// Run runs the whole suite, each behaviour on a fresh store from open.
func Run(t *testing.T, open Opener) {
	for _, st := range suite {
		t.Run(st.name, func(t *testing.T) {
			fresh := func() storage.Store {
				s := open(t)
				t.Cleanup(func() { _ = s.Close() })
				return s
			}
			st.run(t, fresh(), fresh)
		})
	}
}

// base is the time sample articles are stamped with.
var base = time.Date(2019, 10, 16, 9, 30, 0, 0, time.UTC)

// Article returns a valid article with the given headline and a body of
// about words words, made from seed: paragraphs, ## subheads, > quotes,
// numbers, and NBSPs inside dates and figures as wire copy has them.
func Article(headline string, words int, seed uint64) *editor.Article {
	a := editor.New(base)
	a.Headline = headline
	a.Slug = strings.ToLower(strings.Join(strings.Fields(headline), "-"))
	a.Section = "All news"
	a.Standfirst = "A standfirst for " + headline + "."
	a.Body = Body(words, seed)
	a.Dateline = editor.Dateline{Place: "SOCHI", Region: "Russia", Date: "2019-10-16", Source: "TASS"}
	a.Bylines = []editor.Byline{{Name: "Desk Writer", Role: editor.RoleWriter}}
	a.Photo = editor.Photo{Caption: "FSB Director Alexander Bortnikov", Credit: "Peter Kovalev/TASS"}
	return a
}

var vocabulary = strings.Fields(`the security service said on Wednesday that its officers had
	prevented attacks in several regions after months of work with foreign partners while
	experts warned about new threats from abroad and officials promised more funding for
	border guards ports railways airports schools hospitals markets stations`)

// Body returns CommonMark copy of about words words, the same for the
// same seed.
func Body(words int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 0x636f70796465736b))
	var b strings.Builder
	for n, para := 0, 0; n < words; para++ {
		if para > 0 {
			b.WriteString("\n\n")
		}
		switch {
		case para%9 == 4:
			fmt.Fprintf(&b, "## Subhead number %d", para)
			n += 3
			continue
		case para%5 == 3:
			b.WriteString("> “")
		}
		for i := 0; i < 40 && n < words; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			switch r.IntN(12) {
			case 0:
				fmt.Fprintf(&b, "%d\u00a0October", 1+r.IntN(30))
				n++
			case 1:
				fmt.Fprintf(&b, "%d,%03d", r.IntN(100), r.IntN(1000))
			default:
				b.WriteString(vocabulary[r.IntN(len(vocabulary))])
			}
			n++
		}
		if para%5 == 3 {
			b.WriteString("”")
		}
		b.WriteByte('.')
	}
	return b.String()
}

// edited returns a copy of a with its body changed in one place, as a
// save after a small edit would.
func edited(a *editor.Article, n int) *editor.Article {
	c := a.Clone()
	c.Body = strings.Replace(c.Body, "the", fmt.Sprintf("edit%d", n), 1)
	if c.Body == a.Body {
		c.Body += fmt.Sprintf(" Edit %d.", n)
	}
	c.Modified = c.Modified.Add(time.Duration(n) * time.Second)
	return c
}

func mustCreate(t *testing.T, s storage.Store, a *editor.Article) storage.Revision {
	t.Helper()
	rev, err := s.Create(context.Background(), a, storage.Meta{Author: "desk", Kind: storage.KindImport})
	if err != nil {
		t.Fatalf("Create(%q): %v", a.Headline, err)
	}
	return rev
}

func mustSave(t *testing.T, s storage.Store, a *editor.Article, m storage.Meta) storage.Revision {
	t.Helper()
	rev, err := s.SaveRevision(context.Background(), a, m)
	if err != nil {
		t.Fatalf("SaveRevision(%q): %v", a.Headline, err)
	}
	return rev
}

func mustDraft(t *testing.T, s storage.Store, id string) storage.Draft {
	t.Helper()
	d, err := s.Draft(context.Background(), id)
	if err != nil {
		t.Fatalf("Draft(%s): %v", id, err)
	}
	return d
}

func mustRevisions(t *testing.T, s storage.Store, id string) []storage.Revision {
	t.Helper()
	revs, err := s.Revisions(context.Background(), id)
	if err != nil {
		t.Fatalf("Revisions(%s): %v", id, err)
	}
	return revs
}

// mustVerify fails the test unless Verify finds nothing wrong.
func mustVerify(t *testing.T, s storage.Store) storage.Report {
	t.Helper()
	rep, err := s.Verify(context.Background(), nil)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	for _, p := range rep.Problems {
		t.Errorf("Verify: %s", p)
	}
	return rep
}

// sameArticle reports a difference between two articles' canonical forms.
func sameArticle(t *testing.T, what string, got, want *editor.Article) {
	t.Helper()
	if got == nil || want == nil {
		t.Errorf("%s: got %v, want %v", what, got, want)
		return
	}
	if g, w := got.Encode(), want.Encode(); !bytes.Equal(g, w) {
		t.Errorf("%s: the article differs:\n got %.300s\nwant %.300s", what, g, w)
	}
}

// sameRevision compares two revision records field by field (times with
// Equal: stores may hand back another time zone value).
func sameRevision(t *testing.T, what string, got, want storage.Revision) {
	t.Helper()
	g, w := got, want
	if !g.Time.Equal(w.Time) {
		t.Errorf("%s: time %v, want %v", what, g.Time, w.Time)
	}
	g.Time, w.Time = time.Time{}, time.Time{}
	if g != w {
		t.Errorf("%s:\n got %+v\nwant %+v", what, g, w)
	}
}

// checkLink checks a revision as the store returned it against the rules
// of the chain.
func checkLink(t *testing.T, rev storage.Revision, a *editor.Article, prev *storage.Revision) {
	t.Helper()
	for _, bad := range storage.CheckRevision(a.ID, prev, rev, a.Encode()) {
		t.Errorf("revision %d: %s", rev.Seq, bad)
	}
	if rev.Words != a.Words() {
		t.Errorf("revision %d: words %d, want %d", rev.Seq, rev.Words, a.Words())
	}
}

// wantErr fails unless err matches target under errors.Is.
func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Errorf("%s: error %v, want %v", what, err, target)
	}
}
