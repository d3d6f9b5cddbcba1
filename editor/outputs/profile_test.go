package outputs

import (
	"reflect"
	"strings"
	"testing"

	"copydesk/editor"
)

func TestCounts(t *testing.T) {
	long := strings.Repeat("word ", 61)
	tests := []struct {
		name    string
		profile string
		a       editor.Article
		want    []editor.LimitCount
	}{
		{"alert fits", "alert", editor.Article{Headline: "Quake hits Tokyo", Body: long},
			[]editor.LimitCount{{Field: "headline", Unit: "chars", Used: 16, Max: 55}}},
		{"alert over, body not carried", "alert",
			editor.Article{Headline: strings.Repeat("x", 56), Body: long},
			[]editor.LimitCount{{Field: "headline", Unit: "chars", Used: 56, Max: 55}}},
		{"alert headline trimmed", "alert", editor.Article{Headline: "  Quake  "},
			[]editor.LimitCount{{Field: "headline", Unit: "chars", Used: 5, Max: 55}}},
		{"urgent counts the first paragraph only", "urgent",
			editor.Article{Headline: "H", Body: "One two three.\n\n" + long},
			[]editor.LimitCount{{Field: "headline", Unit: "chars", Used: 1, Max: 80}, {Field: "lead", Unit: "words", Used: 3, Max: 60}}},
		{"urgent lead over", "urgent", editor.Article{Headline: "H", Body: long + "\n\nSecond."},
			[]editor.LimitCount{{Field: "headline", Unit: "chars", Used: 1, Max: 80}, {Field: "lead", Unit: "words", Used: 61, Max: 60}}},
		{"web standfirst in characters", "web",
			editor.Article{Headline: "H", Standfirst: strings.Repeat("ab ", 60), Body: long},
			[]editor.LimitCount{{Field: "headline", Unit: "chars", Used: 1, Max: 70}, {Field: "standfirst", Unit: "chars", Used: 179, Max: 160}}},
		{"story counts Chinese by characters", "story",
			editor.Article{Headline: "东京发生地震", Standfirst: "东京发生地震", Body: "东京今天发生强烈地震。"},
			[]editor.LimitCount{{Field: "headline", Unit: "chars", Used: 6, Max: 90},
				{Field: "standfirst", Unit: "words", Used: 6, Max: 40}, {Field: "body", Unit: "words", Used: 10, Max: 1200}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Find(Builtins(), tt.profile)
			if got := p.Counts(&tt.a); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Counts = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestOver(t *testing.T) {
	p := Find(Builtins(), "ALERT")
	a := &editor.Article{Headline: strings.Repeat("é", 55)}
	if over := p.Over(a); len(over) != 0 {
		t.Errorf("55 characters (two bytes each) are over: %v", over)
	}
	a.Headline += "é"
	if over := p.Over(a); len(over) != 1 || over[0].Label() != "headline 56/55 characters" {
		t.Errorf("Over = %v", over)
	}
}

func TestPrintLines(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		width int
		want  int
	}{
		{"empty", nil, 10, 0},
		{"fits one line", []string{"aaa bbb"}, 7, 1},
		{"one over wraps", []string{"aaa bbbb"}, 7, 2},
		{"each paragraph a new line", []string{"a", "b", "c"}, 40, 3},
		{"long word fills whole lines", []string{strings.Repeat("x", 25)}, 10, 3},
		{"long word then short", []string{strings.Repeat("x", 20) + " y"}, 10, 3},
		{"CJK breaks anywhere, no spaces", []string{strings.Repeat("东", 25)}, 10, 3},
		{"CJK exactly fills", []string{strings.Repeat("东", 20)}, 10, 2},
		{"mixed", []string{"Tokyo 东京东京东京东京"}, 10, 2},
		{"no width", []string{"a"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PrintLines(tt.paras, tt.width); got != tt.want {
				t.Errorf("PrintLines(%q, %d) = %d, want %d", tt.paras, tt.width, got, tt.want)
			}
		})
	}
}

func TestPrintLinesProfile(t *testing.T) {
	ps, err := Load("p.yaml", []byte("profiles:\n  - name: print\n    format: text\n    fields: [body]\n    limits: {print_lines: 2, line_length: 10}\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := &editor.Article{Body: "aaaa bbbb cccc\n\ndd"}
	want := []editor.LimitCount{{Field: "body", Unit: "lines", Used: 3, Max: 2}}
	if got := ps[0].Over(a); !reflect.DeepEqual(got, want) {
		t.Errorf("Over = %+v, want %+v", got, want)
	}
}

func TestStates(t *testing.T) {
	tests := []struct {
		used, max int
		want      State
	}{
		{0, 55, Fits}, {49, 55, Fits}, {50, 55, Near}, {55, 55, Near}, {56, 55, Over}, {9, 0, Fits},
	}
	for _, tt := range tests {
		c := editor.LimitCount{Used: tt.used, Max: tt.max}
		if got := StateOf(c); got != tt.want {
			t.Errorf("StateOf(%d/%d) = %d, want %d", tt.used, tt.max, got, tt.want)
		}
	}
	cs := []editor.LimitCount{{Used: 1, Max: 10}, {Used: 11, Max: 10}, {Used: 9, Max: 10}}
	if Worst(cs) != Over || Worst(cs[:1]) != Fits || Worst(nil) != Fits || Worst(cs[2:]) != Near {
		t.Error("Worst")
	}
}
