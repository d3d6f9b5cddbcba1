package scan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copySrc puts the test source in a temp folder as a .go file.
func copySrc(t *testing.T) (dir, file string) {
	t.Helper()
	src, err := os.ReadFile("testdata/src/ui.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	file = filepath.Join(dir, "ui.go")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

func TestDirFindsWindowText(t *testing.T) {
	dir, _ := copySrc(t)
	res, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	type found struct {
		sink            string
		wrapped, plural bool
		via             string
	}
	got := map[string]found{}
	for _, l := range res.Literals {
		got[l.Text] = found{l.Sink, l.Wrapped, l.Plural, l.Via}
	}
	want := map[string]found{
		"Save revision":             {"widget.NewButton", false, false, ""},
		"Revision %d saved":         {"widget.NewLabel", false, false, "fmt.Sprintf"},
		"Spike the story?":          {"dialog.ShowConfirm", false, false, ""},
		"“%s” is killed":            {"dialog.ShowConfirm", false, false, "fmt.Sprintf"},
		"Headline":                  {".SetPlaceHolder", false, false, ""},
		"Standfirst":                {".PlaceHolder", false, false, ""},
		"Slug":                      {".Text", false, false, ""},
		"e.g. WORLD-SYRIA":          {".HintText", false, false, ""},
		"System":                    {"widget.NewRadioGroup", false, false, ""},
		"Light":                     {"widget.NewRadioGroup", false, false, ""},
		"Desk copy":                 {"escape.NewCheck", false, false, ""},
		"cannot open the story: %w": {".showError", false, false, "fmt.Errorf"},
		"Cannot list: ":             {".setText", false, false, ""},
		"Already wrapped":           {"i18n.T", true, false, ""},
		"%d words":                  {"i18n.N", true, true, ""},
	}
	for text, w := range want {
		if g, ok := got[text]; !ok {
			t.Errorf("%q not found", text)
		} else if g != w {
			t.Errorf("%q: got %+v, want %+v", text, g, w)
		}
	}
	for text := range got {
		if _, ok := want[text]; !ok {
			t.Errorf("%q found, but it is not window text", text)
		}
	}
	var others []string
	for _, o := range res.Others {
		others = append(others, o.Text)
	}
	if s := strings.Join(others, "|"); !strings.Contains(s, "not shown") || !strings.Contains(s, "view.theme") {
		t.Errorf("others = %q, want the literals outside sinks", others)
	}
}

func TestWrapRewritesTheMechanicalCases(t *testing.T) {
	dir, file := copySrc(t)
	res, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	dict := map[string]any{
		"Save revision": "x", "Revision %d saved": "x", "Spike the story?": "x", "“%s” is killed": "x",
		"Headline": "x", "Standfirst": "x", "Slug": "x", "e.g. WORLD-SYRIA": "x", "System": "x",
		"Desk copy": "x", "cannot open the story: %w": "x", "Cannot list: ": "x", "Already wrapped": "x",
		"%d words": map[string]any{"one": "x", "other": "x"},
	}
	notes, err := Wrap(file, res.Literals, dict, map[string]bool{})
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], `"Light" is not in the dictionary`) {
		t.Errorf("notes = %q, want one about Light", notes)
	}
	out, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`widget.NewButton(i18n.T("Save revision"), nil)`,
		`widget.NewLabel(i18n.Tf("Revision %d saved", n))`,
		`dialog.ShowConfirm(i18n.T("Spike the story?"), i18n.Tf("“%s” is killed", name), nil, w)`,
		`e.PlaceHolder = i18n.T("Standfirst")`,
		`HintText: i18n.T("e.g. WORLD-SYRIA")`,
		`[]string{i18n.T("System"), "Light"}`,
		`escape.NewCheck(w.Canvas(), i18n.T("Desk copy"), nil)`,
		`w.showError(i18n.Errorf("cannot open the story: %w", errors.New("x")))`,
		`status.setText(i18n.T("Cannot list: ") + name)`,
		`widget.NewLabel(i18n.T("Already wrapped"))`,
		`widget.NewLabel(i18n.N("%d words", n))`,
		"\t\"fyne.io/fyne/v2/widget\"\n\t\"" + ImportPath + "\"",
		`_ = "not shown"`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("rewritten file lacks %s", want)
		}
	}
	// fmt is still used by nothing: Sprintf and Errorf became i18n's.
	if strings.Contains(string(out), "\t\"fmt\"\n") {
		t.Error("the unused fmt import was kept")
	}
}
