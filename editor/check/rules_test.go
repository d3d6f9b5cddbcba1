package check_test

import (
	"errors"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/editor/testfixture"
)

func TestBuiltinsLoad(t *testing.T) {
	for _, name := range append(check.BuiltinNames, "reuters", "AP") {
		r, err := check.Builtin(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.Name == "" || len(r.Terms) == 0 || r.SpellOut != 9 || r.Dateline == "" || r.Limits[""].HeadlineChars == 0 {
			t.Errorf("%s: incomplete built-in rules: %+v", name, r)
		}
	}
	if _, err := check.Builtin("nyt"); err == nil || !strings.Contains(err.Error(), "ap, tass") {
		t.Errorf("an unknown built-in set: %v", err)
	}
}

// TestRulesErrors: every mistake is reported with file, line and rule.
func TestRulesErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // each error's text, in order
	}{
		{"not yaml", "terms: [\n", []string{"desk.yaml:1: is not valid YAML: did not find expected node content"}},
		{"not a mapping", "- a\n- b\n", []string{"desk.yaml:1: the file must be a mapping of rules (name:, terms:, numbers: …)"}},
		{"unknown rule", "name: x\nspelling: on\n", []string{"desk.yaml:2: spelling: is not a rule: use name, extends, terms, numbers, quotes, dateline or limits"}},
		{"term without avoid", "terms:\n  - use: IS\n", []string{"desk.yaml:2: terms[1].avoid: is missing: name the word or phrase to flag"}},
		{"term key", "terms:\n  - avoid: ISIL\n    instead: IS\n", []string{"desk.yaml:3: terms[1].instead: is not part of a term: use avoid, use, why or match_case"}},
		{"avoid and use", "terms:\n  - avoid: [IS]\n    use: IS\n", []string{`desk.yaml:2: terms[1]: avoids "IS" and uses it too`}},
		{"empty avoid", "terms:\n  - avoid: [ISIL, '']\n    use: IS\n", []string{"desk.yaml:2: terms[1].avoid: is empty"}},
		{"punctuation only", "terms:\n  - avoid: '--'\n", []string{`desk.yaml:2: terms[1].avoid: "--" has no letter or digit to match`}},
		{"match_case", "terms:\n  - avoid: x\n    match_case: maybe\n", []string{"desk.yaml:3: terms[1].match_case: must be true or false"}},
		{"numbers", "numbers:\n  spell_out: 12\n", []string{"desk.yaml:2: numbers.spell_out: must be a whole number from 0 to 9, not 12"}},
		{"numbers text", "numbers:\n  spell_out: nine\n", []string{"desk.yaml:2: numbers.spell_out: must be a whole number from 0 to 9"}},
		{"quotes", "quotes: fancy\n", []string{`desk.yaml:1: quotes: "fancy" is not a quote style: use straight, curly, guillemets or off`}},
		{"dateline", "dateline:\n  style: bbc\n", []string{`desk.yaml:2: dateline.style: "bbc" is not a dateline style: use tass, ap, reuters or off`}},
		{"limit", "limits:\n  default:\n    headline_chars: -5\n", []string{"desk.yaml:3: limits.default.headline_chars: must be a whole number from 0 to 10000, not -5"}},
		{"limit key", "limits:\n  sections:\n    Sport:\n      headline: 80\n", []string{"desk.yaml:4: limits.sections.Sport.headline: is not a limit: use headline_chars, standfirst_words or body_words"}},
		{"duplicate", "name: a\nname: b\n", []string{"desk.yaml:2: name: is given twice"}},
		{"extends unknown", "extends: bbc\n", []string{`desk.yaml:1: extends: no built-in house style "bbc": use one of ap, tass`}},
		{"two mistakes", "quotes: x\nnumbers: {spell_out: 10}\n", []string{
			`desk.yaml:1: quotes: "x" is not a quote style: use straight, curly, guillemets or off`,
			"desk.yaml:2: numbers.spell_out: must be a whole number from 0 to 9, not 10"}},
		{"not utf-8", "name: \xff\n", []string{"desk.yaml:1: is not UTF-8 text: save it as UTF-8"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := check.Load("desk.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("accepted: %+v", r)
			}
			var es check.RulesErrors
			if !errors.As(err, &es) {
				t.Fatalf("%T is not RulesErrors: %v", err, err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestRulesExtendAndLimits(t *testing.T) {
	src := `name: Our desk
extends: tass
terms:
  - avoid: lone wolf
    why: say who acted alone
quotes: curly
limits:
  sections:
    Sport: {headline_chars: 60, body_words: 400}
`
	r, err := check.Load("desk.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	base := check.ForStyle(editor.StyleTASS)
	if len(r.Terms) != len(base.Terms)+1 || r.Terms[len(r.Terms)-1].Avoid[0] != "lone wolf" || r.Terms[len(r.Terms)-1].MatchCase {
		t.Errorf("terms not added to the base's: %+v", r.Terms)
	}
	if r.Quotes != check.QuotesCurly || r.SpellOut != base.SpellOut || r.Dateline != editor.StyleTASS || r.Name != "Our desk" {
		t.Errorf("overrides wrong: %+v", r)
	}
	tests := []struct {
		section string
		want    check.Limits
	}{
		{"", base.Limits[""]},
		{"sport", check.Limits{HeadlineChars: 60, StandfirstWords: base.Limits[""].StandfirstWords, BodyWords: 400}},
		{"All news", check.Limits{HeadlineChars: 90, StandfirstWords: base.Limits[""].StandfirstWords, BodyWords: base.Limits[""].BodyWords}},
	}
	for _, tc := range tests {
		if got := r.LimitsFor(tc.section); got != tc.want {
			t.Errorf("LimitsFor(%q) = %+v, want %+v", tc.section, got, tc.want)
		}
	}
}

func TestEmptyRulesFile(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n"} {
		r, err := check.Load("desk.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Style(fixture(t)); len(got) != 0 {
			t.Errorf("empty rules found %v", got)
		}
	}
}

// FuzzLoad: no rules file makes Load panic, and what Load accepts can be
// run over the fixture.
func FuzzLoad(f *testing.F) {
	for _, n := range check.BuiltinNames {
		src, err := check.BuiltinSource(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("terms:\n  - avoid: [ISIL]\n    use: IS\nnumbers: {spell_out: 9}\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add(testfixture.Read(f, testfixture.TASS)[:400])
	a := fixture(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := check.Load("fuzz.yaml", data)
		if err != nil {
			var es check.RulesErrors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %T %v is not RulesErrors", err, err)
			}
			return
		}
		for _, f := range r.Style(a) {
			if f.Fix != nil {
				if _, err := check.Apply(a, f, nil); err != nil {
					t.Fatalf("fix of %v: %v", f, err)
				}
			}
		}
		r.Counts(a)
	})
}

// FuzzStyle: any copy checked with the built-in rules (curly quotes, so
// the quote rule fires on straight marks) never panics, every place reads
// the finding's text, and every fix applies.
func FuzzStyle(f *testing.F) {
	for _, b := range editor.ParseBody(fixture(f).Body) {
		f.Add(b.Text)
	}
	f.Add("He met 5 ministers on October 6 and forty-seven others; \"ISIL\" it's [x](http://e.org \"t\")")
	r := check.ForStyle(editor.StyleTASS)
	r.Quotes = check.QuotesCurly
	f.Fuzz(func(t *testing.T, body string) {
		a := &editor.Article{Headline: "x", Body: body}
		blocks := editor.ParseBody(a.Body)
		fs := r.Style(a)
		for _, fd := range fs {
			if fd.Place.Field == "body" && fd.Place.End > fd.Place.Start {
				rs := []rune(blocks[fd.Place.Block].Text)
				if fd.Place.End > len(rs) || string(rs[fd.Place.Start:fd.Place.End]) != fd.Text {
					t.Fatalf("place %v does not read %q", fd.Place, fd.Text)
				}
			}
			if fd.Fix != nil {
				if _, err := check.Apply(a, fd, nil); err != nil {
					t.Fatalf("fix %v: %v", fd, err)
				}
			}
		}
		if _, _, err := check.ApplyAll(a, fs); err != nil {
			t.Fatalf("ApplyAll: %v", err)
		}
	})
}
