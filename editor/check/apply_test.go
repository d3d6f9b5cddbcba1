package check_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/check"
)

func TestApplyFixture(t *testing.T) {
	a := fixture(t)
	// Both of the fixture's ISILs are in direct quotes, which the term
	// rules leave alone: as reported speech, without the marks, they are
	// the desk's words and get fixed.
	a.Body = strings.ReplaceAll(a.Body, `"`, "")
	orig := a.Clone()
	r := check.ForStyle(editor.StyleTASS)
	var isil []check.Finding
	for _, f := range r.Style(a) {
		if f.Text == "ISIL" {
			isil = append(isil, f)
		}
	}
	if len(isil) != 2 {
		t.Fatalf("want 2 ISIL findings, got %d", len(isil))
	}
	b, err := check.Apply(a, isil[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if string(a.Encode()) != string(orig.Encode()) {
		t.Fatal("Apply changed the article it was given")
	}
	if !strings.Contains(b.Body, "decentralizing IS\u00a0[formerly the IS] activity") {
		t.Errorf("the fix is not in the body:\n%s", b.Body)
	}
	if got := strings.Count(b.Body, "ISIL"); got != 1 {
		t.Errorf("%d ISIL left after one fix, want 1", got)
	}
	// The same finding again: the copy there has changed.
	if _, err := check.Apply(b, isil[0], nil); err == nil || !strings.Contains(err.Error(), "check again") {
		t.Errorf("a stale fix: %v", err)
	}
	// Only the one block changed: the body round-trips through blocks.
	ba, bb := editor.ParseBody(a.Body), editor.ParseBody(b.Body)
	changed := 0
	for i := range ba {
		if ba[i] != bb[i] {
			changed++
		}
	}
	if len(ba) != len(bb) || changed != 1 {
		t.Errorf("%d blocks of %d/%d changed, want 1", changed, len(ba), len(bb))
	}

	all, n, err := check.ApplyAll(a, r.Style(a))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || strings.Contains(all.Body, "ISIL") {
		t.Errorf("ApplyAll made %d fixes; ISIL left: %v", n, strings.Contains(all.Body, "ISIL"))
	}
	for _, f := range r.Style(all) {
		if f.Fix != nil {
			t.Errorf("a fixable finding after ApplyAll: %v", f)
		}
	}
}

func TestApplyCases(t *testing.T) {
	r := rules(t, "terms:\n  - avoid: ISIL\n    use: IS\n  - avoid: Daesh\nnumbers: {spell_out: 9}\nquotes: curly\ndateline: {style: tass, source: TASS}\n")
	a := &editor.Article{
		Headline:   `ISIL "wins" 3 seats`,
		Standfirst: "5 of ISIL’s men",
		Body:       "Daesh said.\n\n## ISIL and 4 others\n\n> ISIL \"said\" it",
		Dateline:   editor.Dateline{Place: "Sochi", Date: "2019-10-16"},
		Correction: "An earlier version said ISIL.",
	}
	out, n, err := check.ApplyAll(a, r.Style(a))
	if err != nil {
		t.Fatal(err)
	}
	want := &editor.Article{
		Headline:   `IS “wins” 3 seats`, // headlines keep figures
		Standfirst: "Five of IS’s men",
		Body:       "Daesh said.\n\n## IS and four others\n\n> IS “said” it",
		Dateline:   editor.Dateline{Place: "Sochi", Date: "2019-10-16", Source: "TASS"},
		Correction: "An earlier version said IS.",
	}
	if string(out.Encode()) != string(want.Encode()) {
		t.Errorf("after %d fixes:\n%s\nwant\n%s", n, out.Encode(), want.Encode())
	}
	// A banned term has no fix; a suggestion can still be applied.
	var daesh check.Finding
	for _, f := range r.Style(a) {
		if f.Text == "Daesh" {
			daesh = f
		}
	}
	if _, err := check.Apply(a, daesh, nil); err == nil {
		t.Error("a finding without a fix was applied")
	}
	use := "IS"
	b, err := check.Apply(a, daesh, &use)
	if err != nil || !strings.HasPrefix(b.Body, "IS said.") {
		t.Errorf("replacement: %v %q", err, b.Body)
	}
	bad := daesh
	bad.Place.Block = 9
	if _, err := check.Apply(a, bad, &use); err == nil {
		t.Error("a place past the body was accepted")
	}
}

func TestLimits(t *testing.T) {
	a := fixture(t)
	counts := check.ForStyle(editor.StyleTASS).Counts(a)
	var got []string
	for _, c := range counts {
		got = append(got, c.Field+" "+c.String())
	}
	want := []string{
		"headline " + strconv.Itoa(editor.CountChars(a.Headline)) + "/90",
		"standfirst " + strconv.Itoa(editor.CountWords(a.Standfirst)) + "/50",
		"body " + strconv.Itoa(a.Words()) + "/1500",
	}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("got %v, want %v", got, want)
	}
	if len(editor.OverLimits(counts)) != 0 {
		t.Errorf("the fixture is over a limit: %v", counts)
	}
	r := rules(t, "limits:\n  default: {headline_chars: 60}\n")
	over := editor.OverLimits(r.Counts(a))
	if len(over) != 1 || over[0].Field != "headline" || over[0].Max != 60 {
		t.Errorf("a 60-character limit: %v", over)
	}
}

func TestEmbargo(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	a := fixture(t)
	a.Embargo = time.Date(2019, 10, 16, 12, 0, 0, 0, msk)
	tests := []struct {
		now  time.Time
		want string // "" for no refusal
	}{
		{time.Date(2019, 10, 16, 7, 5, 0, 0, time.UTC), "the story is embargoed until Wed 16 Oct 2019 12:00 +0300 (MSK) (1h55m to go; it is 10:05 MSK there now): hold it, or force the export"},
		{time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC), ""},
		{time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC).Add(-time.Nanosecond), "the story is embargoed until Wed 16 Oct 2019 12:00 +0300 (MSK) (1m to go; it is 11:59 MSK there now): hold it, or force the export"},
	}
	for _, tc := range tests {
		err := check.EmbargoBlocks(a, tc.now)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("at %v:\n got %q\nwant %q", tc.now, got, tc.want)
		}
	}
	a.Embargo = time.Time{}
	if err := check.EmbargoBlocks(a, time.Time{}); err != nil {
		t.Errorf("no embargo: %v", err)
	}
	a.Embargo = time.Date(2019, 10, 16, 12, 0, 0, 0, msk)
	note := check.ForcedExportNote(a, time.Date(2019, 10, 16, 7, 5, 0, 0, time.UTC), "nitf")
	if note != "forced nitf export at 2019-10-16T10:05:00+03:00 before the embargo of 2019-10-16T12:00:00+03:00" {
		t.Errorf("note %q", note)
	}
}
