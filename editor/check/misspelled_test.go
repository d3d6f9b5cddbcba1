package check_test

import (
	"reflect"
	"testing"

	"copydesk/editor/check"
)

// TestMisspelled: the words of one stretch of text that the window marks,
// at rune offsets, with the desk's words passed.
func TestMisspelled(t *testing.T) {
	needDictionary(t, "en")
	tests := []struct {
		name string
		desk []string
		text string
		want []check.Span
	}{
		{"correct words", nil, "The director spoke on Wednesday.", nil},
		{"one word", nil, "The director Bortnikov spoke.", []check.Span{{Start: 13, End: 22, Word: "Bortnikov"}}},
		{"runes not bytes", nil, "«Директор» Bortnikov spoke.", []check.Span{{Start: 11, End: 20, Word: "Bortnikov"}}},
		{"desk word", []string{"bortnikov"}, "The director Bortnikov spoke.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := check.NewSpeller(nil, tt.desk)
			got, err := s.Misspelled("en", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Misspelled(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
		})
	}
	if s := check.NewSpeller(nil, nil).Suggest("en", "recieve"); len(s) == 0 || s[0] != "receive" {
		t.Errorf("Suggest(recieve) = %q, want receive first", s)
	}
}
