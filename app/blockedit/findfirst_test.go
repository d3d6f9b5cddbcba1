package blockedit

import "testing"

// Typing a query shows the first match at or after the caret at once
// (Find counted "1 match" and highlighted nothing until Next); typing on
// keeps the same match while it still matches.
func TestFindFirstHighlightsAsTheQueryGrows(t *testing.T) {
	ed, _ := newTestEditor(t, "a cat\n\nno\n\ncatalogue and cat")
	ed.FocusBlock(0, 3) // after "a c": the first "cat" starts before the caret
	steps := []struct {
		query string
		want  Match
		ok    bool
	}{
		{"c", Match{2, 0, 1, "c"}, true},
		{"ca", Match{2, 0, 2, "ca"}, true},
		{"cata", Match{2, 0, 4, "cata"}, true},
		{"catx", Match{}, false},
	}
	for _, s := range steps {
		m, ok := ed.FindFirst(s.query, FindOptions{})
		if ok != s.ok || m != s.want {
			t.Errorf("FindFirst(%q) = %+v %v, want %+v %v", s.query, m, ok, s.want, s.ok)
		}
		r := rowOf(t, ed, 2)
		if lit := r.foundRange != nil; lit != s.ok {
			t.Errorf("FindFirst(%q): highlight shown %v, want %v", s.query, lit, s.ok)
		}
	}
}
