package editor

import "testing"

func TestSubheadKeepsNoBreakSpaces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Problem of\u00a0 unwillingness", "## Problem of\u00a0 unwillingness"},
		{"thin\u2009space\nand  tab\t", "## thin\u2009space and tab"},
	}
	for _, tc := range tests {
		if got := FormatBody([]Block{{Subhead, tc.in}}); got != tc.want {
			t.Errorf("FormatBody(subhead %q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
