package checks

import (
	"slices"
	"strings"
	"testing"

	"copydesk/app/i18n"
	"copydesk/app/i18n/i18ntest"
	"copydesk/editor"
)

// Under Russian the Checks panel shows no English: neither the window's
// own nor the findings' messages, which the core gives as English formats.
func TestPanelInRussian(t *testing.T) {
	needEnglish(t)
	if _, err := i18n.Setup(i18n.Russian); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = i18n.Setup(i18n.English) })
	dict, err := i18n.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, openStore(t))
	a := fixture(t)
	a.Body = strings.ReplaceAll(a.Body, `"`, "")
	h.p.Check(a)
	h.wait(t)
	texts := i18ntest.CanvasTexts(h.w.Canvas(), nil)
	if left := i18ntest.Untranslated(texts, dict); len(left) > 0 {
		t.Errorf("English left in the Russian Checks panel: %q", left)
	}
	for _, want := range []string{"27 замечаний: орфография — 24, стиль — 3", "Добавить в словарь редакции", "Пропустить", "орфография", "alert: заголовок 87/55 — сверх", "Исправить: «IS» (все 2)", "11 раз", "Заголовок 87/90 зн.", "Текст 773/1500 сл.", "нет в словаре en_US: “Bortnikov”", "год в дейтлайне додуман при импорте:", "проверьте его", "пишите \"IS\", не \"ISIL\": the desk calls the group the"} {
		if !slices.Contains(texts, want) {
			t.Errorf("the panel does not show %q; it shows %q", want, texts)
		}
	}
}

// In English LimitText is the core's label, capitalised, word for word.
func TestLimitTextInEnglishIsTheCores(t *testing.T) {
	for _, l := range []editor.LimitCount{
		{Field: "headline", Used: 87, Max: 90, Unit: "chars"},
		{Field: "body", Used: 773, Max: 1500, Unit: "words"},
		{Field: "standfirst", Used: 3, Max: 2, Unit: "sentences"},
	} {
		if got, want := LimitText(l), editor.Capitalise(l.Label()); got != want {
			t.Errorf("LimitText(%+v) = %q, the core says %q", l, got, want)
		}
	}
}
