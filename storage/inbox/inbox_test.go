package inbox_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/storage"
	"copydesk/storage/badgerstore"
	"copydesk/storage/inbox"
)

var testNow = time.Date(2024, 10, 16, 12, 0, 0, 0, time.UTC)

func openStore(t testing.TB, dir string) storage.Store {
	t.Helper()
	s, err := badgerstore.Open(dir, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newInbox is an inbox in a temp folder over a real Badger desk.
func newInbox(t testing.TB) (*inbox.Inbox, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "desk")
	in := &inbox.Inbox{Dir: filepath.Join(t.TempDir(), "inbox"), Store: openStore(t, db), Now: func() time.Time { return testNow }}
	t.Cleanup(func() { in.Store.Close() })
	if err := in.Prepare(); err != nil {
		t.Fatal(err)
	}
	return in, db
}

func drop(t testing.TB, in *inbox.Inbox, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(in.Dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// g2 is a NewsML-G2 item: guid, version, headline, a paragraph.
func g2(guid string, version int, headline, para string) string {
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="%s" version="%d" standard="NewsML-G2" standardversion="2.35">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="AP"/><versionCreated>2024-10-16T10:00:00Z</versionCreated></itemMeta>
  <contentMeta><urgency>3</urgency><slugline>Fed-Rates</slugline><headline>%s</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><p>%s</p></body></html></inlineXML></contentSet>
</newsItem>
`, guid, version, headline, para)
}

func list(t testing.TB, s storage.Store) []storage.Summary {
	t.Helper()
	got, _, err := s.List(context.Background(), storage.Query{})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// TestScan: good files become stories and move to imported/; the same
// bytes under another name are skipped; a bad file moves to rejected/
// with a note saying why, and imports nothing.
func TestScan(t *testing.T) {
	in, _ := newInbox(t)
	ctx := context.Background()
	drop(t, in, "fed.xml", g2("urn:ap:fed", 1, "Fed holds rates", "The Fed held."))
	drop(t, in, "ifo.txt", "\x01dpa0421 4 wi 0187 \r\n\x02Deutschland/Konjunktur/\r\nIfo steigt =\r\n  M\xfcnchen (dpa) - Die Stimmung stieg.\r\n\x03")
	drop(t, in, "copy-of-fed.xml", g2("urn:ap:fed", 1, "Fed holds rates", "The Fed held."))
	drop(t, in, "broken.xml", `<?xml version="1.0"?><nitf><body>`)
	drop(t, in, ".partial", "not yet")
	rs, err := in.Scan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var created, dup, rejected int
	for _, r := range rs {
		created += len(r.Created)
		if r.Duplicate {
			dup++
		}
		if r.Rejected != nil {
			rejected++
		}
	}
	if created != 2 || dup != 1 || rejected != 1 || len(rs) != 4 {
		t.Fatalf("results %v", rs)
	}
	if n := len(list(t, in.Store)); n != 2 {
		t.Errorf("%d stories on the desk, want 2", n)
	}
	for _, f := range []string{"imported/fed.xml", "imported/ifo.txt", "imported/copy-of-fed.xml", "rejected/broken.xml", ".partial"} {
		if !exists(filepath.Join(in.Dir, f)) {
			t.Errorf("%s missing", f)
		}
	}
	why, err := os.ReadFile(filepath.Join(in.Dir, "rejected", "broken.xml.why.txt"))
	if err != nil || !strings.Contains(string(why), "not well-formed XML") {
		t.Errorf("why note: %q %v", why, err)
	}
}

// TestNewVersion: a later version of the same agency item is a new
// revision of its story; an older one is rejected; a duplicate after a
// restart of the desk is still a duplicate.
func TestNewVersion(t *testing.T) {
	in, db := newInbox(t)
	ctx := context.Background()
	drop(t, in, "v1.xml", g2("urn:ap:fed", 1, "Fed holds rates", "The Fed held."))
	if _, err := in.Scan(ctx); err != nil {
		t.Fatal(err)
	}
	drop(t, in, "v2.xml", g2("urn:ap:fed", 2, "Fed holds rates, signals cuts", "The Fed held and signalled cuts."))
	rs, err := in.Scan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stories := list(t, in.Store)
	if len(stories) != 1 || len(rs) != 1 || len(rs[0].Revised) != 1 || rs[0].Revised[0] != stories[0].ID {
		t.Fatalf("results %v, stories %d", rs, len(stories))
	}
	revs, err := in.Store.Revisions(ctx, stories[0].ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("%d revisions (%v), want 2", len(revs), err)
	}
	d, err := in.Store.Draft(ctx, stories[0].ID)
	if err != nil || d.Article.Headline != "Fed holds rates, signals cuts" {
		t.Errorf("draft headline %q (%v)", d.Article.Headline, err)
	}
	drop(t, in, "old.xml", g2("urn:ap:fed", 1, "Fed holds rates (old)", "Old."))
	rs, _ = in.Scan(ctx)
	if len(rs) != 1 || rs[0].Rejected == nil || !strings.Contains(rs[0].Rejected.Error(), "not newer than version 2") {
		t.Errorf("an older version: %v", rs)
	}
	// Restart the desk: what was imported stays imported.
	if err := in.Store.Close(); err != nil {
		t.Fatal(err)
	}
	in.Store = openStore(t, db)
	drop(t, in, "again.xml", g2("urn:ap:fed", 2, "Fed holds rates, signals cuts", "The Fed held and signalled cuts."))
	rs, err = in.Scan(ctx)
	if err != nil || len(rs) != 1 || !rs[0].Duplicate {
		t.Errorf("after a restart: %v %v", rs, err)
	}
	if n := len(list(t, in.Store)); n != 1 {
		t.Errorf("%d stories, want 1", n)
	}
}

// TestMessageAllOrNothing: a news message whose second story the desk
// refuses imports neither.
func TestMessageAllOrNothing(t *testing.T) {
	in, _ := newInbox(t)
	long := strings.Repeat("x", 2000)
	msg := `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>` +
		strings.TrimPrefix(g2("urn:a", 1, "Good", "Fine."), `<?xml version="1.0" encoding="UTF-8"?>`) +
		strings.TrimPrefix(g2("urn:b", 1, long, "Headline too long."), `<?xml version="1.0" encoding="UTF-8"?>`) +
		`</itemSet></newsMessage>`
	drop(t, in, "msg.xml", msg)
	rs, err := in.Scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].Rejected == nil || !strings.Contains(rs[0].Rejected.Error(), "story 2 of 2") {
		t.Errorf("results %v", rs)
	}
	if n := len(list(t, in.Store)); n != 0 {
		t.Errorf("%d stories imported from a rejected file", n)
	}
}

// TestWatch: a file dropped while the inbox is watched is imported (the
// 10 s limit only keeps a broken watch from hanging the test).
func TestWatch(t *testing.T) {
	in, _ := newInbox(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan inbox.Result, 10)
	done := make(chan error, 1)
	go func() { done <- in.Watch(ctx, func(r inbox.Result) { got <- r }) }()
	time.Sleep(100 * time.Millisecond) // let the watch start before the drop
	tmp := filepath.Join(in.Dir, ".fed.xml.part")
	if err := os.WriteFile(tmp, []byte(g2("urn:ap:w", 1, "Watched", "Dropped.")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(in.Dir, "fed.xml")); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-got:
		if len(r.Created) != 1 {
			t.Errorf("result %v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the dropped file was not imported")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestWriteThrough: an ANPA write-through of a story on the desk (same
// source, keyword and filing day) is its new revision.
func TestWriteThrough(t *testing.T) {
	in, _ := newInbox(t)
	ctx := context.Background()
	anpa := func(version, text string) string {
		return "\x16\x16\x01a0123\x1fAP-WF\r\nu a\x13\x11 BC-Fed-Rates " + version + " TB06 10-16 0412\r\n\x02^Fed holds rates<\r\n\tWASHINGTON (AP) _ " + text + "\r\n\x03"
	}
	drop(t, in, "a.txt", anpa("", "The Fed held."))
	if _, err := in.Scan(ctx); err != nil {
		t.Fatal(err)
	}
	drop(t, in, "b.txt", anpa("1stLd-Writethru", "The Fed held rates and signalled cuts."))
	rs, err := in.Scan(ctx)
	if err != nil || len(rs) != 1 || len(rs[0].Revised) != 1 {
		t.Fatalf("write-through: %v %v", rs, err)
	}
	if n := len(list(t, in.Store)); n != 1 {
		t.Errorf("%d stories, want 1", n)
	}
}
