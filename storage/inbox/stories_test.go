package inbox_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/inbox"
)

// TestStories: the inbox's stories are those it created or revised, each
// once; a story made by hand is not among them, and the library's query
// on them (storage.Query.IDs) lists exactly those.
func TestStories(t *testing.T) {
	in, _ := newInbox(t)
	ctx := context.Background()
	byHand := editor.New(testNow)
	byHand.Headline = "Written at the desk"
	byHand.Body = "A paragraph."
	if _, err := in.Store.Create(ctx, byHand, storage.Meta{Kind: storage.KindSave}); err != nil {
		t.Fatal(err)
	}
	if got, err := inbox.Stories(ctx, in.Store); err != nil || len(got) != 0 {
		t.Fatalf("Stories of an inbox that took nothing = %v, %v; want none", got, err)
	}
	drop(t, in, "fed.xml", g2("urn:ap:fed", 1, "Fed holds rates", "The Fed held."))
	drop(t, in, "ecb.xml", g2("urn:ap:ecb", 1, "ECB cuts", "The ECB cut."))
	scan(t, in)
	drop(t, in, "fed2.xml", g2("urn:ap:fed", 2, "Fed holds rates again", "The Fed held again."))
	scan(t, in)

	got, err := inbox.Stories(ctx, in.Store)
	if err != nil {
		t.Fatal(err)
	}
	rows, total, err := in.Store.List(ctx, storage.Query{IDs: got})
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	for _, r := range rows {
		heads = append(heads, r.Headline)
	}
	slices.Sort(heads)
	want := []string{"ECB cuts", "Fed holds rates again"}
	if len(got) != 2 || total != 2 || !slices.Equal(heads, want) {
		t.Errorf("Stories = %v; listed %v of %d, want %v (each once, not %q)", got, heads, total, want, byHand.Headline)
	}
}

func scan(t *testing.T, in *inbox.Inbox) {
	t.Helper()
	rs, err := in.Scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Rejected != nil {
			t.Fatalf("%s rejected: %v", filepath.Base(r.File), r.Rejected)
		}
	}
}
