package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"copydesk/app/i18n"
	"copydesk/editor"
)

// Preference keys. Fyne keeps them in preferences.json under the app ID.
const (
	prefName        = "author.name"
	prefStyle       = "dateline.style"
	prefTheme       = "view.theme"
	prefWidth       = "window.width"
	prefHeight      = "window.height"
	prefSplitLeft   = "window.split.library"
	prefSplitCentre = "window.split.metadata"
	prefEmbargoZone = "embargo.zone"
	prefExport      = "export.format"
	prefInbox       = "inbox.dir" // the wire inbox folder (inboxsettings.go)
)

// The themes a person can choose in View › Theme.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// DefaultWindowSize is the main window's size until the person resizes it.
var DefaultWindowSize = fyne.NewSize(1280, 800)

// Settings is a typed view of the desk's Fyne preferences: what a person
// sets once and expects the window to remember.
type Settings struct {
	p fyne.Preferences
	// fallbackName and fallbackStyle come from the command line's
	// environment (--author, $COPYDESK_AUTHOR …) until the person sets
	// their own in Settings.
	fallbackName  string
	fallbackStyle editor.Style
}

// NewSettings wraps p; name and style are the defaults when p has none.
func NewSettings(p fyne.Preferences, name string, style editor.Style) *Settings {
	return &Settings{p: p, fallbackName: name, fallbackStyle: style}
}

// Name is the person's name: the author of revisions and the default
// byline of a new story.
func (s *Settings) Name() string { return s.p.StringWithFallback(prefName, s.fallbackName) }

// SetName changes the person's name.
func (s *Settings) SetName(n string) { s.p.SetString(prefName, n) }

// Style is the house style datelines are shown in.
func (s *Settings) Style() editor.Style {
	st, err := editor.ParseStyle(s.p.String(prefStyle))
	if err != nil {
		if s.fallbackStyle != "" {
			return s.fallbackStyle
		}
		return editor.StyleTASS
	}
	return st
}

// SetStyle changes the house style.
func (s *Settings) SetStyle(st editor.Style) { s.p.SetString(prefStyle, string(st)) }

// themes are the themes in the order the menu and Settings list them.
var themes = []string{ThemeSystem, ThemeLight, ThemeDark}

// themeLabel is a theme as the window names it: "System", in the window's
// language.
func themeLabel(t string) string { return i18n.T(editor.Capitalise(t)) }

// Theme is ThemeSystem, ThemeLight or ThemeDark.
func (s *Settings) Theme() string {
	switch t := s.p.String(prefTheme); t {
	case ThemeLight, ThemeDark:
		return t
	}
	return ThemeSystem
}

// SetTheme changes the theme setting; ApplyTheme makes it visible.
func (s *Settings) SetTheme(t string) { s.p.SetString(prefTheme, t) }

// WindowSize is the size the window had when it was last closed.
func (s *Settings) WindowSize() fyne.Size {
	w := s.p.FloatWithFallback(prefWidth, float64(DefaultWindowSize.Width))
	h := s.p.FloatWithFallback(prefHeight, float64(DefaultWindowSize.Height))
	if w < 640 || h < 400 {
		return DefaultWindowSize
	}
	return fyne.NewSize(float32(w), float32(h))
}

// screen tells the size of the screen the window is on, when it can
// (screen.go); tests stand in a screen of their own.
var screen = screenSize

// fitScreen is sz made no larger than the screen: a size remembered on a
// larger screen, or one a too-wide layout forced on the window, would
// otherwise open the window past the screen's edges.
func fitScreen(sz fyne.Size, c fyne.Canvas) fyne.Size {
	if s, ok := screen(c); ok {
		return sz.Min(s)
	}
	return sz
}

// SetWindowSize remembers the window's size.
func (s *Settings) SetWindowSize(sz fyne.Size) {
	s.p.SetFloat(prefWidth, float64(sz.Width))
	s.p.SetFloat(prefHeight, float64(sz.Height))
}

// Splits are the offsets (0–1) of the library | editor divider and of the
// editor | metadata divider.
func (s *Settings) Splits() (library, metadata float64) {
	return clampSplit(s.p.FloatWithFallback(prefSplitLeft, 0.24), 0.24),
		clampSplit(s.p.FloatWithFallback(prefSplitCentre, 0.68), 0.68)
}

// SetSplits remembers the divider positions.
func (s *Settings) SetSplits(library, metadata float64) {
	s.p.SetFloat(prefSplitLeft, library)
	s.p.SetFloat(prefSplitCentre, metadata)
}

// EmbargoZone is the zone last chosen for an embargo, fallback before
// any: the desk's usual zone is offered for the next embargo and preferred
// when an embargo read back from the store (which keeps its offset, not
// its zone's name) is shown.
func (s *Settings) EmbargoZone(fallback string) string {
	return s.p.StringWithFallback(prefEmbargoZone, fallback)
}

// SetEmbargoZone remembers the zone chosen for an embargo.
func (s *Settings) SetEmbargoZone(zone string) { s.p.SetString(prefEmbargoZone, zone) }

// ExportFormat is the format of the last export, fallback before any.
func (s *Settings) ExportFormat(fallback string) string {
	return s.p.StringWithFallback(prefExport, fallback)
}

// SetExportFormat remembers the format of an export.
func (s *Settings) SetExportFormat(format string) { s.p.SetString(prefExport, format) }

// clampSplit keeps a remembered divider where every pane stays usable.
func clampSplit(v, def float64) float64 {
	if v < 0.1 || v > 0.9 {
		return def
	}
	return v
}

// ApplyTheme sets the app's theme from the setting.
func (s *Settings) ApplyTheme(a fyne.App) {
	switch s.Theme() {
	case ThemeLight:
		a.Settings().SetTheme(&deskTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight, fixed: true})
	case ThemeDark:
		a.Settings().SetTheme(&deskTheme{Theme: theme.DefaultTheme(), variant: theme.VariantDark, fixed: true})
	default:
		a.Settings().SetTheme(&deskTheme{Theme: theme.DefaultTheme()})
	}
}

// colorNamePageText is the text colour of a reader's page in File ›
// Preview: dark on its light page whatever the desk's theme. It is a colour
// name of the desk's theme, not a theme override around the page: Fyne opens a new theme scope for each override
// it renders and parses the theme's fonts again for each, never freeing
// them (10 previews kept 46 MB).
const colorNamePageText fyne.ThemeColorName = "copydeskPageText"

// deskTheme is the default theme, held to one variant when fixed: Fyne 2.8
// has no light or dark theme of its own, only the variant the system asks
// for. It also knows the preview page's text colour.
type deskTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	fixed   bool
}

func (t *deskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == colorNamePageText {
		return t.Theme.Color(theme.ColorNameForeground, theme.VariantLight)
	}
	if t.fixed {
		v = t.variant
	}
	return t.Theme.Color(n, v)
}
