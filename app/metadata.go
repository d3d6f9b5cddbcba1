package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// metadataPanel is the right-hand Metadata tab: everything about the story
// but its copy.
type metadataPanel struct {
	w        *Window
	section  *fieldEntry
	slug     *fieldEntry
	place    *fieldEntry
	region   *fieldEntry
	date     *fieldEntry
	source   *fieldEntry
	style    *widget.Label // the desk's house style: shown, set in Settings
	preview  *widget.Label
	bylines  *bylineList
	caption  *fieldEntry
	credit   *fieldEntry
	rights   *fieldEntry
	tags     *tagChips
	status   *widget.Select
	urgency  *widget.Select
	ednote   *fieldEntry
	language *widget.Select
	embargo  *embargoField
	// correction is the public correction note, shown once the story is
	// published; unfiled says the draft holds changes to the published
	// copy that no correction has filed yet.
	correction *fieldEntry
	unfiled    *widget.Label
	corrBox    *fyne.Container
	entries    []*fieldEntry
	selects    []*widget.Select
	content    fyne.CanvasObject
	scroll     *container.Scroll // in content: the wheel scrolls it over the fields too
	statusOf   editor.Status     // the status the select shows
}

// urgencyNone is the urgency select's entry for "not set".
const urgencyNone = "—"

func newMetadataPanel(w *Window) *metadataPanel {
	m := &metadataPanel{w: w}
	heading := func(t string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	line := func(placeholder string) *fieldEntry {
		e := newFieldEntry(w, false)
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { m.changed() }
		m.entries = append(m.entries, e)
		return e
	}
	m.section = line("Section or desk")
	m.slug = line("e.g. WORLD-SYRIA")
	m.place = line("Place: SOCHI")
	m.region = line("Country or region: Russia")
	m.date = line("Date: YYYY-MM-DD")
	m.source = line("Source: TASS")
	m.preview = widget.NewLabel("")
	m.preview.Wrapping = fyne.TextWrapWord
	m.preview.TextStyle = fyne.TextStyle{Italic: true}
	// The house style is the desk's, not the story's: it shapes every
	// story's dateline, its length limits and its exports. A picker here
	// looked as if it set this story's style (issue 13), so the panel only
	// shows it, and File › Settings… changes it.
	m.style = widget.NewLabel(styleText(w.settings.Style()))
	m.style.Wrapping = fyne.TextWrapWord

	m.bylines = newBylineList(w, m.changed)
	m.caption = line("Photo caption")
	m.caption.MultiLine = true
	m.caption.Wrapping = fyne.TextWrapWord
	m.credit = line("Photo credit")
	m.rights = line("Copyright notice")
	m.tags = newTagChips(w, m.changed)

	var statuses []string
	for _, s := range editor.Statuses {
		statuses = append(statuses, s.Label())
	}
	m.status = widget.NewSelect(statuses, func(label string) {
		for _, s := range editor.Statuses {
			if s.Label() == label && s != m.statusOf && !w.loading {
				w.changeStatus(s)
			}
		}
	})
	urg := []string{urgencyNone}
	for i := 1; i <= 9; i++ {
		urg = append(urg, strconv.Itoa(i))
	}
	m.urgency = widget.NewSelect(urg, func(string) { m.changed() })
	m.language = widget.NewSelect(append([]string(nil), languages...), func(string) { m.changed() })
	m.selects = []*widget.Select{m.status, m.urgency, m.language}
	m.embargo = newEmbargoField(w, m.changed)
	m.correction = line("For readers: what was wrong, and what is right")
	m.correction.MultiLine = true
	m.correction.Wrapping = fyne.TextWrapWord
	m.unfiled = widget.NewLabel(unfiledNotice)
	m.unfiled.Wrapping = fyne.TextWrapWord
	m.unfiled.Importance = widget.WarningImportance
	m.unfiled.Hide()
	m.corrBox = container.NewVBox(heading("Correction"), m.correction, m.unfiled)
	m.corrBox.Hide()
	m.ednote = line("Note to editors: never published")
	m.ednote.MultiLine = true
	m.ednote.Wrapping = fyne.TextWrapWord

	form := container.NewVBox(
		heading("Story"),
		widget.NewForm(widget.NewFormItem("Section", m.section), widget.NewFormItem("Slug", m.slug),
			widget.NewFormItem("Status", m.status), widget.NewFormItem("Urgency", m.urgency),
			widget.NewFormItem("Language", m.language)),
		m.corrBox,
		heading("Embargo"),
		m.embargo.content,
		heading("Dateline"),
		widget.NewForm(widget.NewFormItem("Place", m.place), widget.NewFormItem("Region", m.region),
			widget.NewFormItem("Date", m.date), widget.NewFormItem("Source", m.source),
			widget.NewFormItem("Style", m.style)),
		m.preview,
		heading("Bylines and credits"),
		m.bylines.content,
		heading("Photo"),
		widget.NewForm(widget.NewFormItem("Caption", m.caption), widget.NewFormItem("Credit", m.credit),
			widget.NewFormItem("Copyright", m.rights)),
		heading("Tags"),
		m.tags.content,
		heading("Ednote"),
		m.ednote,
	)
	m.content, m.scroll = wheelScroll(container.NewPadded(form))
	return m
}

func (m *metadataPanel) changed() {
	if m.w.loading {
		return
	}
	m.updatePreview()
	m.w.pane.limits.update()
	m.w.edited()
}

// dateline is the dateline as typed.
func (m *metadataPanel) dateline(base editor.Dateline) editor.Dateline {
	d := editor.Dateline{
		Place:  strings.TrimSpace(m.place.Text),
		Region: strings.TrimSpace(m.region.Text),
		Date:   strings.TrimSpace(m.date.Text),
		Source: strings.TrimSpace(m.source.Text),
	}
	// An assumed year stays marked until someone touches the date.
	d.DateAssumed = base.DateAssumed && d.Date == base.Date
	return d
}

// styleText is the house style as the panel shows it, with where to
// change it. (It wraps; a form item's hint would not, and widened the panel.)
func styleText(s editor.Style) string {
	return s.Label() + " · the desk's house style, set in File › Settings…"
}

// styleChanged shows a new house style (set in Settings) in the panel,
// the dateline and the length limits.
func (m *metadataPanel) styleChanged() {
	m.style.SetText(styleText(m.w.settings.Style()))
	m.updatePreview()
	m.w.pane.limits.update() // a desk without rules of its own takes the style's
}

func (m *metadataPanel) updatePreview() {
	var base editor.Dateline
	if m.w.doc != nil {
		base = m.w.doc.Base.Dateline
	}
	d := m.dateline(base)
	text := d.Render(m.w.settings.Style())
	if m.w.pane != nil {
		m.w.pane.setDateline(text)
	}
	if text == "" {
		text = "No dateline"
	}
	if d.Date != "" {
		if _, ok := d.Day(); !ok {
			text += "   (the date is not YYYY-MM-DD)"
		}
	}
	if d.DateAssumed {
		text += "   (year assumed at import: check it)"
	}
	m.preview.SetText(text)
}

// load fills the panel from a.
func (m *metadataPanel) load(a *editor.Article) {
	m.section.SetText(a.Section)
	m.slug.SetText(a.Slug)
	m.place.SetText(a.Dateline.Place)
	m.region.SetText(a.Dateline.Region)
	m.date.SetText(a.Dateline.Date)
	m.source.SetText(a.Dateline.Source)
	m.bylines.load(a.Bylines)
	m.caption.SetText(a.Photo.Caption)
	m.credit.SetText(a.Photo.Credit)
	m.rights.SetText(a.Photo.Copyright)
	m.tags.load(a.Tags)
	m.setStatus(a.Status, a.SpikedFrom)
	if a.Urgency >= 1 && a.Urgency <= 9 {
		m.urgency.SetSelected(strconv.Itoa(a.Urgency))
	} else {
		m.urgency.SetSelected(urgencyNone)
	}
	m.ednote.SetText(a.EdNote)
	m.setLanguage(a.Language)
	m.embargo.load(a.Embargo)
	m.correction.SetText(a.Correction)
	m.unfiled.Hide()
	m.showCorrection()
	m.updatePreview()
	m.w.pane.limits.update()
	m.w.noteUnfiledChanges()
}

// setStatus shows s in the status select without treating it as a change,
// and offers only the moves the workflow allows from s (spikedFrom: where
// a spiked story returns), in the select and in Article › Status.
func (m *metadataPanel) setStatus(s, spikedFrom editor.Status) {
	m.statusOf = s
	if s == "" {
		m.status.ClearSelected()
		return
	}
	moves := editor.Moves(s, spikedFrom)
	opts := make([]string, len(moves))
	for i, to := range moves {
		opts[i] = to.Label()
	}
	m.status.SetOptions(opts)
	m.status.SetSelected(s.Label())
	m.w.enableStatusItems(moves)
	m.showCorrection()
}

// apply writes the panel's fields into a (not the status: the window
// changes that with a revision of its own).
func (m *metadataPanel) apply(a *editor.Article) {
	a.Section = strings.TrimSpace(m.section.Text)
	a.Slug = strings.TrimSpace(m.slug.Text)
	a.Dateline = m.dateline(a.Dateline)
	a.Bylines = m.bylines.bylines()
	a.Photo = editor.Photo{
		Caption:   strings.TrimSpace(m.caption.Text),
		Credit:    strings.TrimSpace(m.credit.Text),
		Copyright: strings.TrimSpace(m.rights.Text),
	}
	a.Tags = editor.NormalizeTags(m.tags.tags)
	a.Urgency, _ = strconv.Atoi(m.urgency.Selected) // urgencyNone gives 0
	a.EdNote = m.ednote.Text
	if m.language.Selected != "" {
		a.Language = m.language.Selected
	}
	a.Embargo = m.embargo.at
	a.Correction = strings.TrimSpace(m.correction.Text)
}

func (m *metadataPanel) setEnabled(on bool) {
	for _, e := range m.entries {
		if on {
			e.Enable()
		} else {
			e.Disable()
		}
	}
	for _, s := range m.selects {
		if on {
			s.Enable()
		} else {
			s.Disable()
		}
	}
	m.bylines.setEnabled(on)
	m.tags.setEnabled(on)
	m.embargo.setEnabled(on)
}

// languages are the BCP 47 tags the language list offers; the article's
// language picks the spelling dictionary. A story in another language
// keeps it (it is added to the list when shown).
var languages = []string{"en", "en-GB", "en-US", "ru", "uk", "de", "fr", "es", "it", "pt", "ar", "zh"}

// setLanguage shows the article's language, adding it to the list when
// it is not there.
func (m *metadataPanel) setLanguage(tag string) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		m.language.ClearSelected()
		return
	}
	known := false
	for _, o := range m.language.Options {
		known = known || o == tag
	}
	if !known {
		m.language.Options = append(append([]string(nil), languages...), tag)
		m.language.Refresh()
	}
	m.language.SetSelected(tag)
}
