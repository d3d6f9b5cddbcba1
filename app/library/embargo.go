package library

import (
	"time"

	"copydesk/app/i18n"
	"copydesk/storage"
)

// The library marks a story still under embargo ("Embargo till 15:00")
// at the head of its row's detail line. A summary does not carry the
// embargo, so the library reads the draft of each row it shows, once per
// change of the story (the summary's Modified), off the UI goroutine:
// only the rows on screen are read, however long the list.

// embargoRead is what the library knows of a story's embargo.
type embargoRead struct {
	modified time.Time // the change of the story it was read at
	until    time.Time // zero: none
	reading  bool
}

// embargoMark is the mark for row s, "" when it has none (or when its
// embargo is not read yet: the read is started and the list refreshed
// when it ends).
func (l *Library) embargoMark(s storage.Summary) string {
	e, ok := l.embargo[s.ID]
	if !ok || !e.modified.Equal(s.Modified) {
		if !ok || !e.reading {
			l.readEmbargo(s)
		}
		return ""
	}
	if e.until.IsZero() || !e.until.After(l.w.Now()) {
		return ""
	}
	return i18n.Tf("Embargo till %s", l.embargoTime(e.until))
}

// embargoTime is when an embargo ends as the mark says it: always with
// the time, which is what the desk waits for.
func (l *Library) embargoTime(t time.Time) string {
	t = t.In(l.w.Location())
	now := l.w.Now().In(l.w.Location())
	switch {
	case t.Year() == now.Year() && t.YearDay() == now.YearDay():
		return t.Format("15:04")
	case t.Year() == now.Year():
		return i18n.FormatTime(t, "2 Jan 15:04")
	}
	return i18n.FormatTime(t, "2 Jan 2006 15:04")
}

// readEmbargo reads the embargo of s's draft off the UI goroutine.
func (l *Library) readEmbargo(s storage.Summary) {
	if l.embargo == nil {
		l.embargo = map[string]embargoRead{}
	}
	st := l.w.Store()
	if st == nil {
		return
	}
	prev := l.embargo[s.ID]
	prev.reading = true
	l.embargo[s.ID] = prev
	id, modified, ctx := s.ID, s.Modified, l.w.Context()
	l.w.Go(func() {
		var until time.Time
		d, err := st.Draft(ctx, id)
		if err == nil && d.Article != nil {
			until = d.Article.Embargo
		}
		l.w.Do(func() {
			if l.w.Closing() {
				return
			}
			// A failed read leaves no mark; the next change reads again.
			l.embargo[id] = embargoRead{modified: modified, until: until}
			if !until.IsZero() && l.List != nil {
				l.List.Refresh()
			}
		})
	})
}
