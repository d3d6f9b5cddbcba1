package field

import (
	"testing"

	"copydesk/app/i18n"
)

// Digits are grouped as the window's language writes them: 5,315 in
// English, 5 315 (a no-break space) in Russian.
func TestThousands(t *testing.T) {
	t.Cleanup(func() { _, _ = i18n.Setup(i18n.English) })
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{i18n.English, 0, "0"}, {i18n.English, 999, "999"}, {i18n.English, 5315, "5,315"},
		{i18n.English, -1234567, "-1,234,567"},
		{i18n.Russian, 999, "999"}, {i18n.Russian, 5315, "5\u00a0315"}, {i18n.Russian, 1234567, "1\u00a0234\u00a0567"},
	} {
		if _, err := i18n.Setup(c.lang); err != nil {
			t.Fatal(err)
		}
		if got := Thousands(c.n); got != c.want {
			t.Errorf("%s: Thousands(%d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}
