package history

import (
	"slices"
	"testing"
	"time"

	"copydesk/app/i18n"
	"copydesk/app/i18n/i18ntest"
	"copydesk/editor"
	"copydesk/editor/compare"
)

// Under Russian the History pane shows no English of the window's own:
// every text that matches a dictionary key has been translated (the
// story's text stays as filed).
func TestHistoryInRussian(t *testing.T) {
	if _, err := i18n.Setup(i18n.Russian); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = i18n.Setup(i18n.English) })
	dict, err := i18n.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	d := newDesk(t)
	latest := d.draft()
	v, w := newView(t, d, Options{}, func() *editor.Article { return latest })
	var texts []string
	onUI(v, func() {
		v.mode.SetSelected(i18n.T(modeSideBySide))
		texts = i18ntest.CanvasTexts(w.Canvas(), nil)
	})
	v.bg.Wait()
	if left := i18ntest.Untranslated(texts, dict); len(left) > 0 {
		t.Errorf("English left in the Russian History pane: %q", left)
	}
	for _, want := range []string{"Версии", "Рядом", "К следующей", "Стало: #3 «quote checked»", "1 слово добавлено, 2 удалено; абзацы: изменено: 1", "цитата  "} {
		if !slices.Contains(texts, want) {
			t.Errorf("the pane does not show %q; it shows %q", want, texts)
		}
	}
	if got := v.revisionWhen(v.revs[1]); got != "2 ч назад · 16 окт 2019 10:12" {
		t.Errorf("row of #2 says %q", got)
	}
	if got := relativeTime(t0.Add(5*24*time.Hour), t0); got != "5 дней назад" {
		t.Errorf("5 days ago reads %q", got)
	}
}

// A person's byline fields are named in the window's language, with the
// name as filed; in English the label is the core's.
func TestPersonFieldLabels(t *testing.T) {
	t.Cleanup(func() { _, _ = i18n.Setup(i18n.English) })
	changes := compare.Compare(
		&editor.Article{Bylines: []editor.Byline{{Name: "Anna Petrova", Role: editor.RoleWriter, Title: "Reporter"}}},
		&editor.Article{Bylines: []editor.Byline{{Name: "Anna Petrova", Role: editor.RolePhotographer, Title: "Correspondent"}}},
		compare.Options{}).Fields
	want := map[string][]string{
		i18n.English: {"Role of Anna Petrova", "Title of Anna Petrova"},
		i18n.Russian: {"Роль (Anna Petrova)", "Должность (Anna Petrova)"},
	}
	for lang, labels := range want {
		if _, err := i18n.Setup(lang); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range changes {
			if f.Person != "" {
				got = append(got, fieldLabel(f))
			}
		}
		if !slices.Equal(got, labels) {
			t.Errorf("%v: person fields read %q, want %q", lang, got, labels)
		}
	}
}

// In English the window's stats line is the core's, word for word.
func TestStatsLineInEnglishIsTheCores(t *testing.T) {
	for _, s := range []compare.Stats{
		{}, {WordsAdded: 1, WordsRemoved: 2, ParagraphsChanged: 1},
		{WordsAdded: 5, ParagraphsInserted: 2, ParagraphsDeleted: 1, ParagraphsMoved: 3},
	} {
		if got, want := statsLine(s), compare.StatsLine(s); got != want {
			t.Errorf("statsLine(%+v) = %q, the core says %q", s, got, want)
		}
	}
}

// The History pane shares a 1024-pixel screen with the library and the
// Checks tab: under Russian it must not need more width than under English
// (the longer "Предпросмотр"/"Восстановить…" buttons, the "(выберите
// версию)" placeholders and the "контрольная точка" row template made it
// 491 px against 405, and the window 1102 px wide at 1024×600).
func TestHistoryIsNoWiderInRussian(t *testing.T) {
	t.Cleanup(func() { _, _ = i18n.Setup(i18n.English) })
	width := func(lang string) float32 {
		if _, err := i18n.Setup(lang); err != nil {
			t.Fatal(err)
		}
		d := newDesk(t)
		latest := d.draft()
		v, _ := newView(t, d, Options{}, func() *editor.Article { return latest })
		v.bg.Wait()
		var w float32
		onUI(v, func() { w = v.MinSize().Width })
		return w
	}
	en, ru := width(i18n.English), width(i18n.Russian)
	if ru > en {
		t.Errorf("the Russian History pane needs %v px, the English %v", ru, en)
	}
}
