package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"copydesk/app/library"
	"copydesk/editor/testfixture"
	"copydesk/storage/inbox"
)

// The library's Inbox filter lists the stories the wire inbox brought,
// and not one written or imported at the desk; the count says how many.
func TestLibraryInboxFilter(t *testing.T) {
	h := newHarness(t)
	byHand := fixtureArticle(t)
	byHand.Headline = "Written at the desk"
	h.put(t, byHand)

	in := &inbox.Inbox{Dir: filepath.Join(t.TempDir(), "wire"), Store: h.store}
	if err := in.Prepare(); err != nil {
		t.Fatal(err)
	}
	tass := string(testfixture.Read(t, testfixture.TASS))
	const tassHeadline = "IS terrorists defeated in Syria and Iraq still running global offshoots, says FSB chief"
	for i, headline := range []string{"Wire one", "Wire two"} {
		// Another headline, so the files differ and each becomes a story.
		body := strings.Replace(tass, tassHeadline, headline, 1)
		if err := os.WriteFile(filepath.Join(in.Dir, []string{"a.txt", "b.txt"}[i]), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rs, err := in.Scan(context.Background())
	if err != nil || len(rs) != 2 || len(rs[0].Created)+len(rs[1].Created) != 2 {
		t.Fatalf("the inbox imported %v, %v; want two stories", rs, err)
	}
	wired := append(slices.Clone(rs[0].Created), rs[1].Created...)

	w := h.w
	if !slices.Contains(w.lib.Status.Options, library.InboxStories) {
		t.Fatalf("the library's filter %q has no %q", w.lib.Status.Options, library.InboxStories)
	}
	w.lib.Status.SetSelected(library.InboxStories)
	settle(w)
	got := libraryIDs(w)
	slices.Sort(got)
	slices.Sort(wired)
	if !slices.Equal(got, wired) {
		t.Errorf("%q lists %v, want the inbox's %v (not %s, made at the desk)", library.InboxStories, got, wired, byHand.ID)
	}
	if w.lib.Count.Text != "2 stories" {
		t.Errorf("count %q, want 2 stories", w.lib.Count.Text)
	}
	w.lib.Status.SetSelected(library.AllStatuses)
	settle(w)
	if got := libraryIDs(w); len(got) != 3 {
		t.Errorf("%q lists %d stories, want 3", library.AllStatuses, len(got))
	}
}
