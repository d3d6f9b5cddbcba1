package metapanel

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor"
)

// embargoZones are the zones the embargo's zone list offers; any IANA
// name (Asia/Tokyo) or a fixed offset (UTC+03:00) can be typed too.
// "Local" is the zone the window shows times in.
var embargoZones = []string{localZone, "UTC", "Europe/Moscow", "Europe/London", "America/New_York"}

// localZone is "Local" as stored in the preferences; the zone box shows it
// in the window's language (shownZone) and reads either (storedZone).
const localZone = "Local"

// shownZone is a stored zone name as the zone box shows it.
func shownZone(name string) string {
	if strings.EqualFold(name, localZone) {
		return i18n.T(localZone)
	}
	return name
}

// storedZone is the zone typed in the box as the preferences keep it.
func storedZone(text string) string {
	text = strings.TrimSpace(text)
	if strings.EqualFold(text, i18n.T(localZone)) {
		return localZone
	}
	return text
}

// shownZones are embargoZones as the list offers them.
func shownZones() []string {
	out := make([]string, len(embargoZones))
	for i, z := range embargoZones {
		out[i] = shownZone(z)
	}
	return out
}

// embargoLayouts are the forms an embargo time may be typed in; the first
// is how it is shown.
var embargoLayouts = []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"}

// embargoField edits the embargo: a date and time and the zone they are
// in. Text that does not parse is shown with what is wrong and leaves the
// article's embargo as it was.
type embargoField struct {
	w       Window
	prefs   Settings
	When    *field.Entry
	Zone    *widget.SelectEntry
	Problem *widget.Label
	At      time.Time // the embargo as last typed correctly; zero: none
	changed func()
	content fyne.CanvasObject
}

func newEmbargoField(w Window, prefs Settings, changed func()) *embargoField {
	e := &embargoField{w: w, prefs: prefs, changed: changed, Problem: widget.NewLabel("")}
	e.When = w.NewEntry(false)
	e.When.SetPlaceHolder(i18n.T("YYYY-MM-DD HH:MM"))
	e.When.OnChanged = func(string) { e.edited() }
	e.Zone = widget.NewSelectEntry(shownZones())
	e.Zone.SetPlaceHolder(i18n.T("Time zone"))
	e.Zone.OnChanged = func(string) { e.edited() }
	e.Problem.Wrapping = fyne.TextWrapWord
	e.Problem.Importance = widget.DangerImportance
	e.Problem.Hide()
	e.content = container.NewVBox(
		widget.NewForm(widget.NewFormItem(i18n.T("Not before"), e.When), widget.NewFormItem(i18n.T("Zone"), e.Zone)),
		e.Problem)
	return e
}

// load shows the embargo t (zero: none).
func (e *embargoField) load(t time.Time) {
	e.At = t
	e.Problem.Hide()
	if t.IsZero() {
		e.When.SetText("")
		e.Zone.SetText(shownZone(e.prefs.EmbargoZone(localZone)))
		return
	}
	name, loc := e.zoneOf(t)
	layout := embargoLayouts[0]
	if t.Second() != 0 {
		layout = embargoLayouts[2]
	}
	e.Zone.SetText(shownZone(name))
	e.When.SetText(t.In(loc).Format(layout))
}

// zoneOf names the zone to show t in. The store keeps an embargo's
// offset, not its zone's name, so the first zone with t's offset at that
// instant is taken: the desk's usual one, t's own, then the list; failing
// those, the offset itself.
func (e *embargoField) zoneOf(t time.Time) (string, *time.Location) {
	_, off := t.Zone()
	names := []string{e.prefs.EmbargoZone(""), t.Location().String()}
	names = append(names, embargoZones...)
	for _, n := range names {
		if n == "" {
			continue
		}
		loc, err := e.Location(n)
		if err != nil {
			continue
		}
		if _, o := t.In(loc).Zone(); o == off {
			return n, loc
		}
	}
	n := fixedZoneName(off)
	return n, time.FixedZone(n, off)
}

// edited parses what is typed and, when it makes sense, takes it as the
// article's embargo.
func (e *embargoField) edited() {
	if e.w.Loading() {
		return
	}
	t, err := e.parse()
	if err != nil {
		msg := err.Error()
		e.Problem.SetText(editor.Capitalise(msg) + ".")
		e.Problem.Show()
		return
	}
	e.Problem.Hide()
	if strings.TrimSpace(e.When.Text) != "" {
		e.prefs.SetEmbargoZone(storedZone(e.Zone.Text))
	}
	if t.Format(time.RFC3339Nano) == e.At.Format(time.RFC3339Nano) && t.IsZero() == e.At.IsZero() {
		return
	}
	e.At = t
	e.changed()
}

// parse reads the embargo as typed; empty text is no embargo.
func (e *embargoField) parse() (time.Time, error) {
	text := strings.TrimSpace(e.When.Text)
	if text == "" {
		return time.Time{}, nil
	}
	loc, err := e.Location(e.Zone.Text)
	if err != nil {
		return time.Time{}, err
	}
	for _, l := range embargoLayouts {
		if t, err := time.ParseInLocation(l, text, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, i18n.Errorf("embargo: %q is not a date and time: write it as YYYY-MM-DD HH:MM, e.g. 2019-10-16 12:00, or leave it empty for no embargo (until then the story keeps its embargo)", text)
}

// Location reads a zone as typed: Local, UTC, an IANA name or a fixed
// offset such as UTC+03:00.
func (e *embargoField) Location(name string) (*time.Location, error) {
	name = storedZone(name)
	switch {
	case name == "" || strings.EqualFold(name, localZone):
		return e.w.Location(), nil
	case strings.EqualFold(name, "UTC") || strings.EqualFold(name, "GMT"):
		return time.UTC, nil
	}
	if off, ok := parseOffset(name); ok {
		return time.FixedZone(fixedZoneName(off), off), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || strings.Contains(name, "..") {
		return nil, i18n.Errorf("embargo zone: %q is not a time zone this computer knows: pick one from the list, or type an IANA name such as Europe/Moscow or Asia/Tokyo, or an offset such as UTC+03:00 (until then the story keeps its embargo)", name)
	}
	return loc, nil
}

// parseOffset reads "UTC+03:00", "UTC-5" or "+0330" as seconds east of UTC.
func parseOffset(s string) (int, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(strings.ToUpper(s), "UTC"), "GMT")
	if len(s) < 2 || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	hm := strings.ReplaceAll(s[1:], ":", "")
	var h, m int
	var err error
	switch len(hm) {
	case 1, 2:
		h, err = strconv.Atoi(hm)
	case 3, 4:
		h, err = strconv.Atoi(hm[:len(hm)-2])
		if err == nil {
			m, err = strconv.Atoi(hm[len(hm)-2:])
		}
	default:
		return 0, false
	}
	if err != nil || h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

func fixedZoneName(off int) string {
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("UTC%c%02d:%02d", sign, off/3600, off%3600/60)
}

func (e *embargoField) setEnabled(on bool) {
	if on {
		e.When.Enable()
		e.Zone.Enable()
	} else {
		e.When.Disable()
		e.Zone.Disable()
	}
}
