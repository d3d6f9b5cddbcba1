package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor/formats"
	"copydesk/editor/review"
	"copydesk/storage"
	"copydesk/storage/pgstore"
	"copydesk/storage/pgtest"
)

// reviewed imports the fixture and files an update with two edits in one
// paragraph and one elsewhere, returning the article ID and the review's
// changes from revision 1 to the draft.
func reviewed(t *testing.T, d *desk) (string, []review.Change) {
	t.Helper()
	id := d.importFixture()
	d.ok("revise", id, writeUpdate(t, "116 terrorist organizations and 43,500 persons", "118 terrorist groups and 45,300 persons"), "--year", "2019")
	var list reviewList
	if err := json.Unmarshal([]byte(d.ok("review", id, "1", "draft", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if list.ArticleID != id || len(list.Changes) == 0 {
		t.Fatalf("review --json: %+v", list)
	}
	return id, list.Changes
}

func changeOf(t *testing.T, cs []review.Change, old string) review.Change {
	t.Helper()
	for _, c := range cs {
		if strings.TrimSpace(c.Old) == old {
			return c
		}
	}
	t.Fatalf("no change from %q in %+v", old, cs)
	return review.Change{}
}

func TestReviewListAndReject(t *testing.T) {
	d := newDesk(t)
	id, cs := reviewed(t, d)
	num := changeOf(t, cs, "43,500")
	if num.Kind != review.Words || !num.Numbers {
		t.Errorf("the figure's change: %+v, want a words change flagged as a number", num)
	}
	text := d.ok("review", id, "1", "draft")
	for _, want := range []string{"Review of " + id + " from 1 to draft: ", num.ID + "  words  [number"} {
		if !strings.Contains(text, want) {
			t.Errorf("review lacks %q:\n%s", want, text)
		}
	}
	if again := d.ok("review", id, "1", "draft"); again != text {
		t.Errorf("the same review listed twice differs:\n%s\n%s", text, again)
	}

	out := d.ok("review", id, "1", "draft", "--reject", num.ID, "--reason", "the FSB said 43,500", "--label", "checked", "--author", "Chief Sub")
	if !strings.HasPrefix(out, id+" revision 3 (review: ") || !strings.Contains(out, "1 rejected)") {
		t.Errorf("review --reject printed %q", out)
	}
	body := d.ok("show", id)
	if !strings.Contains(body, "118 terrorist groups and 43,500 persons") {
		t.Errorf("the reviewed copy should keep 43,500 and the accepted edits:\n%s", body)
	}
	hist := d.ok("history", id, "--json")
	for _, want := range []string{`"kind": "review"`, `"label": "checked"`, `"author": "Chief Sub"`, "1 rejected (" + num.ID + ")"} {
		if !strings.Contains(hist, want) {
			t.Errorf("history lacks %s:\n%s", want, hist)
		}
	}
	dec := d.ok("decisions", id, "3")
	for _, want := range []string{"1 rejected", num.ID + "  rejected  words", "(the FSB said 43,500)", "accepted"} {
		if !strings.Contains(dec, want) {
			t.Errorf("decisions lack %q:\n%s", want, dec)
		}
	}
	if code, _, errs := d.run("decisions", id, "2"); code != 1 || !strings.Contains(errs, "not a review") {
		t.Errorf("decisions of a save: exit %d, %s", code, errs)
	}
	if out := d.ok("verify"); !strings.HasPrefix(out, "OK") {
		t.Errorf("verify: %s", out)
	}
}

func TestReviewRefusals(t *testing.T) {
	d := newDesk(t)
	id, _ := reviewed(t, d)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown change", []string{"review", id, "1", "draft", "--reject", "C1,C999"}, 1, "C999"},
		{"not the copy as it stands", []string{"review", id, "1", "1", "--finish"}, 1, "not the story as it stands"},
		{"reason without reject", []string{"review", id, "1", "2", "--reason", "x"}, 2, "--reason"},
		{"json with reject", []string{"review", id, "1", "2", "--json", "--reject", "C1"}, 2, "--json"},
		{"bad revision", []string{"review", id, "one", "2"}, 2, "not a revision"},
		{"too few args", []string{"review", id, "1"}, 2, "ID and the two revisions"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := d.run(tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.want) || out != "" {
				t.Errorf("exit %d (want %d), stdout %q, stderr %q (want %q)", code, tc.code, out, errs, tc.want)
			}
		})
	}
	if h := d.ok("history", id); strings.Contains(h, " review ") {
		t.Errorf("a refused review wrote a revision:\n%s", h)
	}
}

func TestReviewAcceptAllAndNothing(t *testing.T) {
	d := newDesk(t)
	id, _ := reviewed(t, d)
	before := d.ok("show", id, "--json")
	out := d.ok("review", id, "1", "draft", "--finish")
	if !strings.Contains(out, " 0 rejected)") {
		t.Errorf("--finish printed %q", out)
	}
	if after := d.ok("show", id, "--json"); strings.Count(after, "45,300") != strings.Count(before, "45,300") {
		t.Errorf("accepting every change changed the copy")
	}
	if out := d.ok("review", id, "3", "draft", "--finish"); !strings.Contains(out, "nothing to review: no revision made") {
		t.Errorf("an empty review printed %q", out)
	}
}

func TestComments(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	out := d.ok("comment", id, "--quote", "43,500 persons", "--note", "Check the figure with the FSB")
	cid := strings.Fields(out)[2]
	if !strings.HasPrefix(out, id+" comment ") || len(cid) != 8 {
		t.Fatalf("comment printed %q", out)
	}
	d.ok("comment", id, "--reply", cid, "--note", "Confirmed by phone")
	// An update inserts words before the quote and moves nothing: the
	// comment still points at the same words.
	d.ok("revise", id, writeUpdate(t, "116 terrorist organizations and 43,500 persons", "116 terrorist organisations and some 43,500 persons"), "--year", "2019")
	list := d.ok("comments", id)
	for _, want := range []string{cid, "open", "«43,500 persons»", "Check the figure with the FSB", "↳ Confirmed by phone"} {
		if !strings.Contains(list, want) {
			t.Errorf("comments lack %q:\n%s", want, list)
		}
	}
	d.ok("comment", id, "--resolve", cid[:5])
	var rows []struct {
		ID, State, Quote string
		Anchor           struct{ Field string }
		Events           []struct{ What string }
	}
	if err := json.Unmarshal([]byte(d.ok("comments", id, "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].State != "resolved" || rows[0].Anchor.Field != "body" || len(rows[0].Events) != 3 {
		t.Errorf("comments --json: %+v", rows)
	}
	d.ok("comment", id, "--reopen", cid)
	// The words go: orphaned, keeping the last quote.
	d.ok("revise", id, writeUpdate(t, "and 43,500 persons", "and many people"), "--year", "2019")
	if list := d.ok("comments", id); !strings.Contains(list, "orphaned") || !strings.Contains(list, "«43,500 persons»") {
		t.Errorf("after the words were deleted:\n%s", list)
	}
	// Comments make no revision and never reach an export.
	if h := d.ok("history", id); strings.Count(h, "\n") != 4 {
		t.Errorf("comments made revisions:\n%s", h)
	}
	for _, f := range formats.ExportFormats {
		if exp := d.ok("export", id, "--format", string(f)); strings.Contains(exp, "Check the figure") || strings.Contains(exp, "Confirmed by phone") {
			t.Errorf("the %s export carries a comment", f)
		}
	}
	// The desk copy, and only it, carries them, as margin notes.
	desk := d.ok("export", id, "--format", "html", "--desk-copy")
	for _, want := range []string{`<aside class="comment orphaned"`, "Check the figure", "Confirmed by phone", "43,500 persons", "not for publication"} {
		if !strings.Contains(desk, want) {
			t.Errorf("the desk copy lacks %q", want)
		}
	}
	for _, bad := range [][]string{{"--format", "md", "--desk-copy"}, {"--all", "--dir", t.TempDir(), "--format", "html", "--desk-copy"}} {
		if code, _, errs := d.run(append([]string{"export", id}, bad...)...); code != exitUsage || !strings.Contains(errs, "--desk-copy") {
			t.Errorf("export %v: exit %d %q", bad, code, errs)
		}
	}
}

func TestCommentRefusals(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"comment", id, "--quote", "no such words", "--note", "n"}, 1, "is not in the headline, standfirst or body"},
		{[]string{"comment", id, "--quote", "43,500", "--note", "n", "--field", "headline"}, 1, "is not in the headline"},
		{[]string{"comment", id, "--quote", "43,500"}, 2, "--note"},
		{[]string{"comment", id}, 2, "give one of"},
		{[]string{"comment", id, "--resolve", "abc", "--reopen", "abc"}, 2, "give one of"},
		{[]string{"comment", id, "--resolve", "deadbeef"}, 1, "no such comment"},
		{[]string{"comment", id, "--quote", "x", "--note", "n", "--field", "caption"}, 2, "--field"},
		{[]string{"comments", "not-an-id"}, 1, "not an article ID"},
	}
	for _, tc := range tests {
		code, out, errs := d.run(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) || out != "" {
			t.Errorf("%v: exit %d (want %d), stdout %q, stderr %q (want %q)", tc.args, code, tc.code, out, errs, tc.want)
		}
	}
}

// TestNotesMigrate: comments and review decisions move with the desk.
func TestNotesMigrate(t *testing.T) {
	pg := pgtest.Database(t)
	d := newDesk(t)
	id, cs := reviewed(t, d)
	d.ok("review", id, "1", "draft", "--reject", cs[0].ID, "--reason", "keep")
	d.ok("comment", id, "--quote", "45,300", "--note", "Which is right?")
	want := d.ok("comments", id, "--json")
	d.ok("migrate", "--from", d.db, "--to", pg)
	back := filepath.Join(t.TempDir(), "back")
	okAt(t, d.env, nil, "migrate", "--from", pg, "--to", back)
	for _, at := range [][]string{{"--store", pg}, {"--db", back}} {
		if got := okAt(t, d.env, at, "comments", id, "--json"); got != want {
			t.Errorf("%v: comments differ:\n%s\nwant\n%s", at, got, want)
		}
	}
}

// TestReviewOfPublishedStory: a review that changes a published story's
// copy is a correction and needs its public note, as any change does.
func TestReviewOfPublishedStory(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	for _, st := range []string{"in_edit", "ready", "published"} {
		d.ok("status", id, st, "--override", "test")
	}
	d.ok("revise", id, writeUpdate(t, "43,500 persons", "45,300 persons"), "--year", "2019", "--correction", "An earlier version gave the wrong figure.")
	var list reviewList
	if err := json.Unmarshal([]byte(d.ok("review", id, "4", "draft", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	num := changeOf(t, list.Changes, "43,500")
	code, _, errs := d.run("review", id, "4", "draft", "--reject", num.ID)
	if code != 1 || !strings.Contains(errs, "--correction NOTE") {
		t.Fatalf("a review of a published story without a correction note: exit %d, %s", code, errs)
	}
	out := d.ok("review", id, "4", "draft", "--reject", num.ID, "--correction", "The figure is 43,500 after all.")
	if !strings.Contains(out, "(correction: ") {
		t.Errorf("review printed %q, want a correction", out)
	}
}

// TestReviewTakesTheLock: on a shared store a CLI review writes under the
// story's lock, and refuses, naming the holder, while another desk edits.
func TestReviewTakesTheLock(t *testing.T) {
	pg := pgtest.Database(t)
	d := newDesk(t)
	id, cs := reviewed(t, d)
	d.ok("migrate", "--from", d.db, "--to", pg)
	global := []string{"--store", pg}
	ctx := context.Background()
	s, err := pgstore.Open(ctx, pg, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	boris := storage.Holder{Name: "Boris Ivanov", Desk: storage.NewDeskID()}
	if _, err := s.Acquire(ctx, id, boris); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runAt(t, d.env, global, "review", id, "1", "draft", "--reject", cs[0].ID)
	if code != exitUser || out != "" || !strings.Contains(errs, "Boris Ivanov") || !strings.Contains(errs, "no review written") {
		t.Errorf("review of a story held elsewhere: exit %d, out %q, err %q", code, out, errs)
	}
	if revs, err := s.Revisions(ctx, id); err != nil || len(revs) != 2 {
		t.Fatalf("after the refusal: %d revisions (%v), want 2", len(revs), err)
	}
	if err := s.Release(ctx, id, boris); err != nil {
		t.Fatal(err)
	}
	if out := okAt(t, d.env, global, "review", id, "1", "draft", "--reject", cs[0].ID, "--author", "Chief Sub"); !strings.HasPrefix(out, id+" revision 3 (review") {
		t.Errorf("review once free: %q", out)
	}
	// The review gave the lock back: Boris can take it again.
	if l, held, err := s.LockOf(ctx, id); err != nil || held {
		t.Errorf("after the review the story is still held: %+v %v", l, err)
	}
}
