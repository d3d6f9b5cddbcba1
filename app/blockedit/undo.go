package blockedit

import (
	"unicode"

	"copydesk/editor"
)

// maxUndo bounds the history. A step holds only the blocks it changed, so
// even a thousand steps of a long story stay small.
const maxUndo = 1000

// caret is a place in the body: a block index and a rune offset in it.
type caret struct{ block, off int }

// step is one undoable edit: blocks [at, at+len(old)) were replaced by new.
// Splits, merges, kind changes, pastes and replace-all are one step each;
// consecutive typing in one block is folded into one step per word.
type step struct {
	at            int
	old, new      []editor.Block
	before, after caret

	typing int  // +1 a typing burst, -1 a deleting burst, 0 anything else
	end    int  // where the burst's next keystroke must land to join it
	last   rune // the last rune typed in the burst
	sealed bool // undone or redone since: typing starts a new step
}

type undoStack struct {
	steps []*step
	n     int // steps[:n] can be undone, steps[n:] redone
}

func (u *undoStack) clear() { u.steps, u.n = nil, 0 }

func (u *undoStack) push(s *step) {
	u.steps = append(u.steps[:u.n], s)
	if len(u.steps) > maxUndo {
		u.steps = append(u.steps[:0], u.steps[len(u.steps)-maxUndo:]...)
	}
	u.n = len(u.steps)
}

// pop removes the newest step (used to fold an erase into the edit that
// caused it).
func (u *undoStack) pop() *step {
	if u.n == 0 || u.n != len(u.steps) {
		return nil
	}
	u.n--
	s := u.steps[u.n]
	u.steps = u.steps[:u.n]
	return s
}

// top is the newest step if typing may still join it.
func (u *undoStack) top() *step {
	if u.n == 0 || u.n != len(u.steps) || u.steps[u.n-1].sealed {
		return nil
	}
	return u.steps[u.n-1]
}

func (u *undoStack) seal() {
	if u.n > 0 {
		u.steps[u.n-1].sealed = true
	}
}

func (u *undoStack) undo() *step {
	if u.n == 0 {
		return nil
	}
	u.n--
	s := u.steps[u.n]
	s.sealed = true
	return s
}

func (u *undoStack) redo() *step {
	if u.n == len(u.steps) {
		return nil
	}
	s := u.steps[u.n]
	u.n++
	s.sealed = true
	return s
}

// recordTyping adds a change of one block's text made inside its entry,
// joining it to the burst on top of the stack when it continues it: an
// insertion right where the last one ended (a space after a word starts a
// new step), or a deletion next to the last one.
func (u *undoStack) recordTyping(i int, kind editor.BlockKind, oldText, newText string) {
	o, n := []rune(oldText), []rune(newText)
	p := 0
	for p < len(o) && p < len(n) && o[p] == n[p] {
		p++
	}
	s := 0
	for s < len(o)-p && s < len(n)-p && o[len(o)-1-s] == n[len(n)-1-s] {
		s++
	}
	removed, inserted := o[p:len(o)-s], n[p:len(n)-s]

	if t := u.top(); t != nil && t.at == i && len(t.old) == 1 && len(t.new) == 1 {
		switch {
		case len(removed) == 0 && len(inserted) > 0 && t.typing == 1 && p == t.end &&
			!(unicode.IsSpace(inserted[0]) && !unicode.IsSpace(t.last)):
			t.new[0].Text = newText
			t.end = p + len(inserted)
			t.last = inserted[len(inserted)-1]
			t.after = caret{i, t.end}
			return
		case len(inserted) == 0 && len(removed) > 0 && t.typing == -1 && (p+len(removed) == t.end || p == t.end):
			t.new[0].Text = newText
			t.end = p
			t.after = caret{i, p}
			return
		}
	}
	st := &step{
		at:     i,
		old:    []editor.Block{{Kind: kind, Text: oldText}},
		new:    []editor.Block{{Kind: kind, Text: newText}},
		before: caret{i, p + len(removed)},
		after:  caret{i, p + len(inserted)},
	}
	switch {
	case len(removed) == 0 && len(inserted) > 0:
		st.typing, st.end, st.last = 1, p+len(inserted), inserted[len(inserted)-1]
	case len(inserted) == 0 && len(removed) > 0:
		st.typing, st.end = -1, p
	}
	u.push(st)
}
