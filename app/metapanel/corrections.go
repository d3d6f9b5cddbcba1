package metapanel

import (
	"strings"

	"copydesk/editor"
)

// unfiledNotice is shown under the correction note while the draft holds
// changes that no correction has filed (a dictionary key).
const unfiledNotice = "The draft holds changes to the published copy that no correction has filed yet: save a correction (Ctrl+S) with a note for readers, or undo them."

// ShowCorrection shows the correction note once the story is published,
// or when it carries one.
func (m *Panel) ShowCorrection() {
	if m.StatusOf == editor.StatusPublished || strings.TrimSpace(m.Correction.Text) != "" {
		m.CorrBox.Show()
	} else {
		m.CorrBox.Hide()
	}
}

// SetCorrection puts the note given in the dialog in the panel, as an edit.
func (m *Panel) SetCorrection(note string) {
	m.Correction.SetText(note)
	m.ShowCorrection()
}
