package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The library marks a story under embargo; one whose embargo has passed,
// or that has none, is not marked (#13: "no embargo mark").
func TestLibraryMarksEmbargoedStories(t *testing.T) {
	for _, tc := range []struct {
		name    string
		embargo time.Time
		want    string // in the row's detail line; "" : no mark
	}{
		{"under embargo", testNow.Add(2 * time.Hour), "Embargo till " + testNow.Add(2*time.Hour).Format("15:04") + " · "},
		{"under embargo next year", testNow.AddDate(1, 0, 0), "Embargo till " + testNow.AddDate(1, 0, 0).Format("2 Jan 2006 15:04") + " · "},
		{"embargo passed", testNow.Add(-2 * time.Hour), ""},
		{"no embargo", time.Time{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			a := fixtureArticle(t)
			a.Headline = "Embargo row"
			a.Embargo = tc.embargo
			h.put(t, a)
			settle(h.w)
			h.w.lib.List.Refresh()
			settle(h.w)
			detail := libraryDetail(t, h.w, "Embargo row")
			if tc.want == "" {
				if strings.Contains(detail, "Embargo") {
					t.Errorf("the row is marked: %q", detail)
				}
				return
			}
			if !strings.HasPrefix(detail, tc.want) {
				t.Errorf("the row's detail is %q, want it to begin %q", detail, tc.want)
			}
		})
	}
}

// An embargo set on the open story shows in the library after it is saved.
func TestLibraryEmbargoMarkFollowsTheStory(t *testing.T) {
	h := newHarness(t)
	id := h.openFixture(t)
	settle(h.w)
	a := h.w.Article()
	if strings.Contains(libraryDetail(t, h.w, a.Headline), "Embargo") {
		t.Fatal("marked before an embargo is set")
	}
	d := h.draft(t, id)
	d.Article.Embargo = testNow.Add(time.Hour)
	d.Article.Modified = testNow.Add(time.Minute)
	if _, err := h.store.SaveDraft(t.Context(), d.Article, d.Version); err != nil {
		t.Fatal(err)
	}
	h.w.lib.Reload()
	settle(h.w)
	if got := libraryDetail(t, h.w, a.Headline); !strings.HasPrefix(got, "Embargo till") {
		t.Errorf("the row's detail after the embargo is saved: %q", got)
	}
}

// libraryDetail is the detail line of the library row whose headline is
// headline, as drawn.
func libraryDetail(t *testing.T, w *Window, headline string) string {
	t.Helper()
	var labels []string
	walk(w.lib.List, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			labels = append(labels, l.Text)
		}
	})
	for i, l := range labels {
		if l == headline && i+1 < len(labels) {
			return labels[i+1]
		}
	}
	t.Fatalf("no row %q among %q", headline, labels)
	return ""
}
