package blockedit

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestUndoRedoAcrossBlocks(t *testing.T) {
	const body = "One two.\n\nThree four."
	tests := []struct {
		name  string
		edit  func(t *testing.T, ed *Editor, w fyne.Window)
		after string
	}{
		{"a split", func(t *testing.T, ed *Editor, w fyne.Window) {
			ed.FocusBlock(0, 3)
			press(t, w, fyne.KeyReturn, false)
		}, "One\n\ntwo.\n\nThree four."},
		{"a merge", func(t *testing.T, ed *Editor, w fyne.Window) {
			ed.FocusBlock(1, 0)
			press(t, w, fyne.KeyBackspace, false)
		}, "One two.Three four."},
		{"a merge forward", func(t *testing.T, ed *Editor, w fyne.Window) {
			ed.FocusBlock(0, 8)
			press(t, w, fyne.KeyDelete, false)
		}, "One two.Three four."},
		{"a typed word", func(t *testing.T, ed *Editor, w fyne.Window) {
			ed.FocusBlock(1, 5)
			typeText(t, w, "teen")
		}, "One two.\n\nThreeteen four."},
		{"a deleted word", func(t *testing.T, ed *Editor, w fyne.Window) {
			ed.FocusBlock(1, 5)
			for i := 0; i < 5; i++ {
				press(t, w, fyne.KeyBackspace, false)
			}
		}, "One two.\n\nfour."},
		{"a replace-all", func(t *testing.T, ed *Editor, w fyne.Window) {
			ed.FocusBlock(0, 0)
			ed.ReplaceAll("o", "0", FindOptions{})
		}, "0ne tw0.\n\nThree f0ur."},
		{"a kind change", func(t *testing.T, ed *Editor, w fyne.Window) {
			ed.FocusBlock(1, 2)
			shortcut(t, w, ctrl(fyne.KeyQ))
		}, "One two.\n\n> Three four."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, w := newTestEditor(t, body)
			tt.edit(t, ed, w)
			if got := ed.Body(); got != tt.after {
				t.Fatalf("after the edit: %q, want %q", got, tt.after)
			}
			shortcut(t, w, &fyne.ShortcutUndo{})
			if got := ed.Body(); got != body {
				t.Errorf("one Ctrl+Z left %q, want %q", got, body)
			}
			shortcut(t, w, &fyne.ShortcutRedo{})
			if got := ed.Body(); got != tt.after {
				t.Errorf("Ctrl+Y gave %q, want %q", got, tt.after)
			}
			shortcut(t, w, &fyne.ShortcutUndo{})
			shortcut(t, w, &fyne.ShortcutUndo{})
			if got := ed.Body(); got != body {
				t.Errorf("undo past the start of history changed the body to %q", got)
			}
		})
	}
}

func TestTypingUndoesWordByWord(t *testing.T) {
	ed, w := newTestEditor(t, "Start")
	ed.FocusBlock(0, 5)
	typeText(t, w, " said the FSB")
	for _, want := range []string{"Start said the", "Start said", "Start", "Start"} {
		ed.Undo()
		if got := ed.Body(); got != want {
			t.Errorf("undo gave %q, want %q", got, want)
		}
	}
	for _, want := range []string{"Start said", "Start said the", "Start said the FSB"} {
		ed.Redo()
		if got := ed.Body(); got != want {
			t.Errorf("redo gave %q, want %q", got, want)
		}
	}
}

func TestUndoRestoresTheCaret(t *testing.T) {
	ed, w := newTestEditor(t, "One two.\n\nThree.")
	ed.FocusBlock(0, 3)
	press(t, w, fyne.KeyReturn, false)
	typeText(t, w, "x")
	ed.Undo() // the x
	ed.Undo() // the split
	if b, off := ed.Caret(); b != 0 || off != 3 {
		t.Errorf("caret at %d:%d after undoing the split, want 0:3", b, off)
	}
	if en, ok := focused(t, w).(*blockEntry); !ok || en.row.id != ed.blocks[0].id {
		t.Error("keyboard not back in the first block")
	}
}

func TestEditAfterUndoDropsRedo(t *testing.T) {
	ed, w := newTestEditor(t, "A")
	ed.FocusBlock(0, 1)
	typeText(t, w, "b")
	ed.Undo()
	typeText(t, w, "c")
	ed.Redo()
	if got := ed.Body(); got != "Ac" {
		t.Errorf("Body() = %q: a new edit must drop the undone one", got)
	}
	if ed.CanRedo() {
		t.Error("CanRedo after a new edit")
	}
}

func TestSetBodyClearsUndo(t *testing.T) {
	ed, w := newTestEditor(t, "A")
	ed.FocusBlock(0, 1)
	typeText(t, w, "b")
	ed.SetBody("Fresh.")
	ed.Undo()
	if got := ed.Body(); got != "Fresh." || ed.CanUndo() {
		t.Errorf("undo after SetBody gave %q", got)
	}
}
