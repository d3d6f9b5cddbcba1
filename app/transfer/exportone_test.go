package transfer

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
	"copydesk/editor/formats"
)

// uriBuffer is what the save dialog hands over: a writer with its file.
type uriBuffer struct {
	closingBuffer
	uri fyne.URI
}

func (b *uriBuffer) URI() fyne.URI { return b.uri }

// Exporting one story says where the file went (it succeeded silently).
func TestExportToSaysWhere(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, widget.NewLabel(""))
	win.Resize(fyne.NewSize(800, 600))
	s, ids := deskWith(t, "ONE")
	path := "/home/desk/out/one.txt"
	w := &uriBuffer{uri: storage.NewFileURI(path)}
	finished := make(chan struct{})
	ExportTo(win, ids[0], formats.Text, StoreLoader(s, editor.StyleTASS), w, func(error) { close(finished) })
	wait(t, finished)
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("a successful export told nobody")
	}
	var text []string
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *canvas.Text:
			text = append(text, x.Text)
		case *widget.RichText:
			text = append(text, x.String())
		}
	}
	got := strings.Join(text, " ")
	if !strings.Contains(got, path) || !strings.Contains(got, "Plain text") {
		t.Errorf("the export notice %q does not name the file and format", got)
	}
}
