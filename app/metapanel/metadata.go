package metapanel

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor"
)

// Panel is the right-hand Metadata tab: everything about the story
// but its copy.
type Panel struct {
	w        Window
	prefs    Settings
	Section  *field.Entry
	Slug     *field.Entry
	Place    *field.Entry
	Region   *field.Entry
	Date     *field.Entry
	Source   *field.Entry
	Style    *widget.Label // the desk's house style: shown, set in Settings
	Preview  *widget.Label
	Bylines  *bylineList
	Caption  *field.Entry
	Credit   *field.Entry
	Rights   *field.Entry
	Tags     *tagChips
	Status   *widget.Select
	Urgency  *widget.Select
	EdNote   *field.Entry
	Language *widget.Select
	Embargo  *embargoField
	// correction is the public correction note, shown once the story is
	// published; unfiled says the draft holds changes to the published
	// copy that no correction has filed yet.
	Correction *field.Entry
	Unfiled    *widget.Label
	CorrBox    *fyne.Container
	entries    []*field.Entry
	selects    []*widget.Select
	Content    fyne.CanvasObject
	Scroll     *container.Scroll // in content: the wheel scrolls it over the fields too
	StatusOf   editor.Status     // the status the select shows
}

// urgencyNone is the urgency select's entry for "not set".
const urgencyNone = "—"

// New builds the Metadata tab of w, with the person's settings prefs.
func New(w Window, prefs Settings) *Panel {
	m := &Panel{w: w, prefs: prefs}
	heading := func(t string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	line := func(placeholder string) *field.Entry {
		e := w.NewEntry(false)
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { m.changed() }
		m.entries = append(m.entries, e)
		return e
	}
	m.Section = line(i18n.T("Section or desk"))
	m.Slug = line(i18n.T("e.g. WORLD-SYRIA"))
	m.Place = line(i18n.T("Place: SOCHI"))
	m.Region = line(i18n.T("Country or region: Russia"))
	m.Date = line(i18n.T("Date: YYYY-MM-DD"))
	m.Source = line(i18n.T("Source: TASS"))
	m.Preview = widget.NewLabel("")
	m.Preview.Wrapping = fyne.TextWrapWord
	m.Preview.TextStyle = fyne.TextStyle{Italic: true}
	// The house style is the desk's, not the story's: it shapes every
	// story's dateline, its length limits and its exports. A picker here
	// looked as if it set this story's style (issue 13), so the panel only
	// shows it, and File › Settings… changes it.
	m.Style = widget.NewLabel(styleText(prefs.Style()))
	m.Style.Wrapping = fyne.TextWrapWord

	m.Bylines = newBylineList(w, prefs, m.changed)
	m.Caption = line(i18n.T("Photo caption"))
	m.Caption.MultiLine = true
	m.Caption.Wrapping = fyne.TextWrapWord
	m.Credit = line(i18n.T("Photo credit"))
	m.Rights = line(i18n.T("Copyright notice"))
	m.Tags = newTagChips(w, m.changed)

	var statuses []string
	for _, s := range editor.Statuses {
		statuses = append(statuses, i18n.T(s.Label()))
	}
	m.Status = widget.NewSelect(statuses, func(label string) {
		for _, s := range editor.Statuses {
			if i18n.T(s.Label()) == label && s != m.StatusOf && !w.Loading() {
				w.ChangeStatus(s)
			}
		}
	})
	urg := []string{urgencyNone}
	for i := 1; i <= 9; i++ {
		urg = append(urg, strconv.Itoa(i))
	}
	m.Urgency = widget.NewSelect(urg, func(string) { m.changed() })
	m.Language = widget.NewSelect(append([]string(nil), languages...), func(string) { m.changed() })
	m.selects = []*widget.Select{m.Status, m.Urgency, m.Language}
	m.Embargo = newEmbargoField(w, prefs, m.changed)
	m.Correction = line(i18n.T("For readers: what was wrong, and what is right"))
	m.Correction.MultiLine = true
	m.Correction.Wrapping = fyne.TextWrapWord
	m.Unfiled = widget.NewLabel(i18n.T(unfiledNotice))
	m.Unfiled.Wrapping = fyne.TextWrapWord
	m.Unfiled.Importance = widget.WarningImportance
	m.Unfiled.Hide()
	m.CorrBox = container.NewVBox(heading(i18n.T("Correction")), m.Correction, m.Unfiled)
	m.CorrBox.Hide()
	m.EdNote = line(i18n.T("Note to editors: never published"))
	m.EdNote.MultiLine = true
	m.EdNote.Wrapping = fyne.TextWrapWord

	form := container.NewVBox(
		heading(i18n.T("Story")),
		widget.NewForm(widget.NewFormItem(i18n.T("Section"), m.Section), widget.NewFormItem(i18n.T("Slug"), m.Slug),
			widget.NewFormItem(i18n.T("Status"), m.Status), widget.NewFormItem(i18n.T("Urgency"), m.Urgency),
			widget.NewFormItem(i18n.T("Language"), m.Language)),
		m.CorrBox,
		heading(i18n.T("Embargo")),
		m.Embargo.content,
		heading(i18n.T("Dateline")),
		widget.NewForm(widget.NewFormItem(i18n.T("Place"), m.Place), widget.NewFormItem(i18n.T("Region"), m.Region),
			widget.NewFormItem(i18n.T("Date"), m.Date), widget.NewFormItem(i18n.T("Source"), m.Source),
			widget.NewFormItem(i18n.T("Style"), m.Style)),
		m.Preview,
		heading(i18n.T("Bylines and credits")),
		m.Bylines.content,
		heading(i18n.T("Photo")),
		widget.NewForm(widget.NewFormItem(i18n.T("Caption"), m.Caption), widget.NewFormItem(i18n.T("Credit"), m.Credit),
			widget.NewFormItem(i18n.T("Copyright"), m.Rights)),
		heading(i18n.T("Tags")),
		m.Tags.content,
		heading(i18n.T("Ednote")),
		m.EdNote,
	)
	m.Content, m.Scroll = field.WheelScroll(container.NewPadded(form))
	return m
}

func (m *Panel) changed() {
	if m.w.Loading() {
		return
	}
	m.updatePreview()
	m.w.UpdateLimits()
	m.w.Edited()
}

// dateline is the dateline as typed.
func (m *Panel) dateline(base editor.Dateline) editor.Dateline {
	d := editor.Dateline{
		Place:  strings.TrimSpace(m.Place.Text),
		Region: strings.TrimSpace(m.Region.Text),
		Date:   strings.TrimSpace(m.Date.Text),
		Source: strings.TrimSpace(m.Source.Text),
	}
	// An assumed year stays marked until someone touches the date.
	d.DateAssumed = base.DateAssumed && d.Date == base.Date
	return d
}

// styleText is the house style as the panel shows it, with where to
// change it. (It wraps; a form item's hint would not, and widened the panel.)
func styleText(s editor.Style) string {
	return s.Label() + i18n.T(" · the desk's house style, set in File › Settings…")
}

// StyleChanged shows a new house style (set in Settings) in the panel,
// the dateline and the length limits.
func (m *Panel) StyleChanged() {
	m.Style.SetText(styleText(m.prefs.Style()))
	m.updatePreview()
	m.w.UpdateLimits() // a desk without rules of its own takes the style's
}

func (m *Panel) updatePreview() {
	d := m.dateline(m.w.OpenDateline())
	text := d.Render(m.prefs.Style())
	m.w.SetDateline(text)
	if text == "" {
		text = i18n.T("No dateline")
	}
	if d.Date != "" {
		if _, ok := d.Day(); !ok {
			text += i18n.T("   (the date is not YYYY-MM-DD)")
		}
	}
	if d.DateAssumed {
		text += i18n.T("   (year assumed at import: check it)")
	}
	m.Preview.SetText(text)
}

// Load fills the panel from a.
func (m *Panel) Load(a *editor.Article) {
	m.Section.SetText(a.Section)
	m.Slug.SetText(a.Slug)
	m.Place.SetText(a.Dateline.Place)
	m.Region.SetText(a.Dateline.Region)
	m.Date.SetText(a.Dateline.Date)
	m.Source.SetText(a.Dateline.Source)
	m.Bylines.load(a.Bylines)
	m.Caption.SetText(a.Photo.Caption)
	m.Credit.SetText(a.Photo.Credit)
	m.Rights.SetText(a.Photo.Copyright)
	m.Tags.load(a.Tags)
	m.SetStatus(a.Status, a.SpikedFrom)
	if a.Urgency >= 1 && a.Urgency <= 9 {
		m.Urgency.SetSelected(strconv.Itoa(a.Urgency))
	} else {
		m.Urgency.SetSelected(urgencyNone)
	}
	m.EdNote.SetText(a.EdNote)
	m.setLanguage(a.Language)
	m.Embargo.load(a.Embargo)
	m.Correction.SetText(a.Correction)
	m.Unfiled.Hide()
	m.ShowCorrection()
	m.updatePreview()
	m.w.UpdateLimits()
	m.w.NoteUnfiledChanges()
}

// SetStatus shows s in the status select without treating it as a change,
// and offers only the moves the workflow allows from s (spikedFrom: where
// a spiked story returns), in the select and in Article › Status.
func (m *Panel) SetStatus(s, spikedFrom editor.Status) {
	m.StatusOf = s
	if s == "" {
		m.Status.ClearSelected()
		return
	}
	moves := editor.Moves(s, spikedFrom)
	opts := make([]string, len(moves))
	for i, to := range moves {
		opts[i] = i18n.T(to.Label())
	}
	m.Status.SetOptions(opts)
	m.Status.SetSelected(i18n.T(s.Label()))
	m.w.EnableStatusItems(moves)
	m.ShowCorrection()
}

// Apply writes the panel's fields into a (not the status: the window
// changes that with a revision of its own).
func (m *Panel) Apply(a *editor.Article) {
	a.Section = strings.TrimSpace(m.Section.Text)
	a.Slug = strings.TrimSpace(m.Slug.Text)
	a.Dateline = m.dateline(a.Dateline)
	a.Bylines = m.Bylines.Bylines()
	a.Photo = editor.Photo{
		Caption:   strings.TrimSpace(m.Caption.Text),
		Credit:    strings.TrimSpace(m.Credit.Text),
		Copyright: strings.TrimSpace(m.Rights.Text),
	}
	a.Tags = editor.NormalizeTags(m.Tags.Tags)
	a.Urgency, _ = strconv.Atoi(m.Urgency.Selected) // urgencyNone gives 0
	a.EdNote = m.EdNote.Text
	if m.Language.Selected != "" {
		a.Language = m.Language.Selected
	}
	a.Embargo = m.Embargo.At
	a.Correction = strings.TrimSpace(m.Correction.Text)
}

// SetEnabled lets the fields be edited, or not (a story another desk
// holds, or none open).
func (m *Panel) SetEnabled(on bool) {
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
	m.Bylines.setEnabled(on)
	m.Tags.setEnabled(on)
	m.Embargo.setEnabled(on)
}

// languages are the BCP 47 tags the language list offers; the article's
// language picks the spelling dictionary. A story in another language
// keeps it (it is added to the list when shown).
var languages = []string{"en", "en-GB", "en-US", "ru", "uk", "de", "fr", "es", "it", "pt", "ar", "zh"}

// setLanguage shows the article's language, adding it to the list when
// it is not there.
func (m *Panel) setLanguage(tag string) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		m.Language.ClearSelected()
		return
	}
	known := false
	for _, o := range m.Language.Options {
		known = known || o == tag
	}
	if !known {
		m.Language.Options = append(append([]string(nil), languages...), tag)
		m.Language.Refresh()
	}
	m.Language.SetSelected(tag)
}
