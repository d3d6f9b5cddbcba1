package review

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/app/i18n"
	"copydesk/app/i18n/i18ntest"
	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/storetest"
)

// Under Russian the review dialog shows no English of the window's own.
func TestReviewDialogInRussian(t *testing.T) {
	if _, err := i18n.Setup(i18n.Russian); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = i18n.Setup(i18n.English) })
	dict, err := i18n.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	ctx, s := newStore(t)
	a := storetest.Article("Совет закрыл завод", 100, 2)
	a.Body = editor.FormatBody([]editor.Block{{Kind: editor.Paragraph, Text: "Совет проголосовал 12 против 3 в понедельник."}})
	file(t, s, a)
	b := a.Clone()
	b.Body = editor.FormatBody([]editor.Block{{Kind: editor.Paragraph, Text: "Совет проголосовал 12 против 4 во вторник."}})
	if _, err := s.SaveRevision(ctx, b, storage.Meta{Author: "sub"}); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1000, 700))
	revs, _ := s.Revisions(ctx, a.ID)
	v := New(w, Options{Ctx: ctx, Store: s, Article: b, Author: "chief"}, revs)
	v.d.Show()
	texts := i18ntest.CanvasTexts(w.Canvas(), nil)
	// Everything with letters here is Russian: the story is, and the
	// revision picker names the kind ("#1 rep сохранение").
	if latin := i18ntest.LatinOnly(texts, nil); len(latin) > 0 {
		t.Errorf("English-only text in the Russian review dialog: %q", latin)
	}
	if left := i18ntest.Untranslated(texts, dict); len(left) > 0 {
		t.Errorf("English left in the Russian review dialog: %q", left)
	}
	for _, want := range []string{"Просмотр правок", "Принять (a)", "Отклонить (r)", "Готово (Ctrl+Enter)", "Было:", "Стало:"} {
		if !slices.Contains(texts, want) {
			t.Errorf("the dialog does not show %q; it shows %q", want, texts)
		}
	}
	if got := v.status.Text; got != "Правок: 1; принято: 0, отклонено: 0, ожидают: 1 (примутся по «Готово»)" {
		t.Errorf("status %q", got)
	}
}
