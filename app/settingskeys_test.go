package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSettingsKeepZoneAndFormat: the embargo zone and the export format go
// through the typed Settings, under the keys earlier versions wrote.
func TestSettingsKeepZoneAndFormat(t *testing.T) {
	p := test.NewTempApp(t).Preferences()
	s := NewSettings(p, "", "")
	if got := s.EmbargoZone("Local"); got != "Local" {
		t.Errorf("zone before any: %q", got)
	}
	if got := s.ExportFormat("html"); got != "html" {
		t.Errorf("format before any: %q", got)
	}
	s.SetEmbargoZone("Europe/Moscow")
	s.SetExportFormat("nitf")
	if p.String("embargo.zone") != "Europe/Moscow" || p.String("export.format") != "nitf" {
		t.Errorf("stored under %q, %q", p.String("embargo.zone"), p.String("export.format"))
	}
	if s.EmbargoZone("Local") != "Europe/Moscow" || s.ExportFormat("html") != "nitf" {
		t.Error("not read back")
	}
}
