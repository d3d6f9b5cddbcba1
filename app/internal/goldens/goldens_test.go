package goldens

import "testing"

func TestWithoutSpareRows(t *testing.T) {
	in := "<canvas>\n" +
		"\t<widget pos=\"16,0\" type=\"*blockedit.blockRow\">\n\t\t<text>shown</text>\n\t</widget>\n" +
		"\t<widget pos=\"-100000,0\" type=\"*blockedit.blockRow\">\n\t\t<widget>\n\t\t\t<text></text>\n\t\t</widget>\n\t</widget>\n" +
		"\t<widget pos=\"-100000,0\" type=\"*widget.Label\">\n\t</widget>\n" +
		"</canvas>\n"
	want := "<canvas>\n" +
		"\t<widget pos=\"16,0\" type=\"*blockedit.blockRow\">\n\t\t<text>shown</text>\n\t</widget>\n" +
		"\t<widget pos=\"-100000,0\" type=\"*widget.Label\">\n\t</widget>\n" +
		"</canvas>\n"
	if got := WithoutSpareRows(in); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
