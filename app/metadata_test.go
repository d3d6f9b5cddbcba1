package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"copydesk/editor"
)

func TestEmbargoRoundTripsWithZone(t *testing.T) {
	tests := []struct {
		zone string
		want string // the zone shown when the story is opened again
	}{
		{"Europe/Moscow", "Europe/Moscow"},
		{"America/New_York", "America/New_York"},
		{"Asia/Tokyo", "Asia/Tokyo"},
		{"UTC+05:30", "UTC+05:30"},
		{"UTC", "UTC"},
	}
	for _, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			h := newHarness(t)
			other := fixtureArticle(t)
			other.ID = editor.NewID()
			h.put(t, other)
			id := h.openFixture(t)
			w := h.w
			w.meta.Embargo.Zone.SetText(tt.zone) // picked from the list, or typed over "Local"
			test.Type(w.meta.Embargo.When, "2019-10-16 12:00")
			if w.meta.Embargo.Problem.Visible() {
				t.Fatalf("problem shown: %s", w.meta.Embargo.Problem.Text)
			}
			h.timer.fire(t, w)
			loc, err := w.meta.Embargo.Location(tt.zone)
			if err != nil {
				t.Fatal(err)
			}
			want := time.Date(2019, 10, 16, 12, 0, 0, 0, loc)
			got := h.draft(t, id).Article.Embargo
			_, wantOff := want.Zone()
			if _, off := got.Zone(); !got.Equal(want) || off != wantOff {
				t.Errorf("stored embargo %v, want %v", got, want)
			}
			if err := w.Open(other.ID); err != nil {
				t.Fatal(err)
			}
			if err := w.Open(id); err != nil {
				t.Fatal(err)
			}
			if w.meta.Embargo.When.Text != "2019-10-16 12:00" || w.meta.Embargo.Zone.Text != tt.want {
				t.Errorf("shown again as %q %q", w.meta.Embargo.When.Text, w.meta.Embargo.Zone.Text)
			}
			if !w.Article().Embargo.Equal(want) || w.dirty {
				t.Errorf("reopened embargo %v, dirty %v", w.Article().Embargo, w.dirty)
			}
			// Emptied: no embargo.
			w.meta.Embargo.When.SetText("")
			h.timer.fire(t, w)
			if e := h.draft(t, id).Article.Embargo; !e.IsZero() {
				t.Errorf("embargo %v after emptying the field", e)
			}
		})
	}
}

func TestEmbargoInvalidTextKeepsTheStory(t *testing.T) {
	tests := []struct {
		when, zone string
		problem    string
	}{
		{"16 Oct 2019 12:00", "UTC", "YYYY-MM-DD HH:MM"},
		{"2019-10-16 25:00", "UTC", "is not a date and time"},
		{"2019-10-16 12:00", "Mars/Olympus", "\"Mars/Olympus\" is not a time zone"},
		{"2019-10-16 12:00", "UTC+25", "is not a time zone"},
		{"2019-10-16 12:00", "../../etc/passwd", "is not a time zone"},
	}
	for _, tt := range tests {
		t.Run(tt.when+" "+tt.zone, func(t *testing.T) {
			h := newHarness(t)
			a := fixtureArticle(t)
			a.Embargo = time.Date(2019, 10, 16, 9, 0, 0, 0, time.UTC)
			h.openFixtureArticle(t, a)
			w := h.w
			before := w.Article().Encode()
			w.meta.Embargo.Zone.SetText(tt.zone)
			w.meta.Embargo.When.SetText(tt.when)
			p := w.meta.Embargo.Problem
			if !p.Visible() || !strings.Contains(p.Text, tt.problem) {
				t.Errorf("problem %q (shown %v), want it to say %q", p.Text, p.Visible(), tt.problem)
			}
			if got := w.Article(); string(got.Encode()) != string(before) {
				t.Errorf("the article changed: embargo %v", got.Embargo)
			}
			if h.timer.pending != nil {
				h.timer.fire(t, w)
			}
			if got := h.draft(t, a.ID).Article.Embargo; !got.Equal(a.Embargo) {
				t.Errorf("stored embargo %v, want %v", got, a.Embargo)
			}
			w.meta.Embargo.Zone.SetText("UTC")
			w.meta.Embargo.When.SetText("2019-10-16 10:00")
			if p.Visible() || !w.Article().Embargo.Equal(a.Embargo.Add(time.Hour)) {
				t.Errorf("corrected text: problem %v, embargo %v", p.Visible(), w.Article().Embargo)
			}
		})
	}
}

func TestLanguageAndBylineTitleAreKept(t *testing.T) {
	h := newHarness(t)
	a := fixtureArticle(t)
	a.Language = "sr-Latn"
	a.Bylines = []editor.Byline{{Name: "Anna Petrova", Role: editor.RoleWriter, Title: "Moscow correspondent"}}
	h.openFixtureArticle(t, a)
	w := h.w
	if w.meta.Language.Selected != "sr-Latn" || w.meta.Bylines.Rows[0].Title.Text != "Moscow correspondent" {
		t.Fatalf("shown: language %q, title %q", w.meta.Language.Selected, w.meta.Bylines.Rows[0].Title.Text)
	}
	w.meta.Language.SetSelected("ru")
	w.meta.Bylines.Rows[0].Title.SetText("  Chief   correspondent ")
	h.timer.fire(t, w)
	got := h.draft(t, a.ID).Article
	if got.Language != "ru" || got.Bylines[0].Title != "Chief correspondent" {
		t.Errorf("stored: language %q, bylines %+v", got.Language, got.Bylines)
	}
}
