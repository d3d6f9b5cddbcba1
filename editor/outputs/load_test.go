package outputs

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"not yaml", "profiles:\n  - name: a\n\tformat: text\n", "p.yaml:2: is not valid YAML"},
		{"not a mapping", "- a\n", "p.yaml:1: the file must be a mapping"},
		{"unknown top key", "profile:\n", "p.yaml:1: profile: is not known here"},
		{"no profiles", "profiles: []\n", "p.yaml:1: profiles: lists no profile"},
		{"bad format", "profiles:\n  - name: a\n    format: pdf\n    fields: [headline]\n",
			"p.yaml:3: profiles[0].format: unknown format \"pdf\""},
		{"bad field", "profiles:\n  - name: a\n    format: text\n    fields: [headline, byline]\n",
			"p.yaml:4: profiles[0].fields: \"byline\" is not a field"},
		{"bad limit key", "profiles:\n  - name: a\n    format: text\n    fields: [headline]\n    limits:\n      headline: 5\n",
			"p.yaml:6: profiles[0].limits.headline: is not a limit"},
		{"negative limit", "profiles:\n  - name: a\n    format: text\n    fields: [headline]\n    limits: {headline_chars: -1}\n",
			"p.yaml:5: profiles[0].limits.headline_chars: must be a whole number"},
		{"no name", "profiles:\n  - format: text\n    fields: [headline]\n", "p.yaml:2: profiles[0].name: a profile needs a name"},
		{"name with space", "profiles:\n  - name: a b\n    format: text\n    fields: [body]\n", "p.yaml:2: profiles[0].name: \"a b\" must be one word"},
		{"duplicate name", "profiles:\n  - {name: a, format: text, fields: [body]}\n  - {name: A, format: md, fields: [body]}\n",
			"p.yaml:3: profiles[1].name: \"A\" is already the name of the profile on line 2"},
		{"lead and body", "profiles:\n  - {name: a, format: text, fields: [lead, body]}\n", "p.yaml:2: profiles[0].fields: lead is the body's first paragraph"},
		{"print lines alone", "profiles:\n  - {name: a, format: text, fields: [body], limits: {print_lines: 3}}\n",
			"p.yaml:2: profiles[0].limits: print_lines and line_length go together"},
		{"key twice", "profiles:\n  - name: a\n    name: b\n", "p.yaml:3: profiles[0].name: is given twice"},
		{"not utf-8", "profiles:\n  - name: \xff\n", "p.yaml:2: is not UTF-8 text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("p.yaml", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadEveryErrorReported(t *testing.T) {
	src := "profiles:\n  - {name: a, format: pdf, fields: [body]}\n  - {name: b, format: text, fields: [x]}\n"
	_, err := Load("p.yaml", []byte(src))
	es, ok := err.(Errors)
	if !ok || len(es) != 2 || es[0].Line != 2 || es[1].Line != 3 {
		t.Fatalf("Load = %v, want two errors on lines 2 and 3", err)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	ps := append(Builtins(), Profile{Name: "print", Format: "text", Fields: []Field{Headline, Body},
		Limits: Limits{BodyWords: 800, BodyChars: 5000, PrintLines: 120, LineLength: 40}})
	got, err := Load("m.yaml", Marshal(ps))
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i].Line = 0
	}
	if !reflect.DeepEqual(got, ps) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, ps)
	}
}

// settings is a store's settings in memory.
type settings map[string][]byte

type notFound struct{}

func (notFound) Error() string  { return "not found" }
func (notFound) NotFound() bool { return true }

func (s settings) Setting(_ context.Context, name string) ([]byte, error) {
	if v, ok := s[name]; ok {
		return v, nil
	}
	return nil, notFound{}
}

func (s settings) SetSetting(_ context.Context, name string, v []byte) error {
	s[name] = v
	return nil
}

func TestDesk(t *testing.T) {
	ctx := context.Background()
	s := settings{}
	ps, err := LoadDesk(ctx, s)
	if err != nil || !reflect.DeepEqual(ps, Builtins()) {
		t.Fatalf("an empty desk has the built-ins: %v %v", ps, err)
	}
	if _, err := SaveDesk(ctx, s, "bad.yaml", []byte("profiles: []\n")); err == nil || len(s) != 0 {
		t.Fatalf("a bad file was kept: %v %v", err, s)
	}
	src := []byte("profiles:\n  - {name: flash, format: text, fields: [headline], limits: {headline_chars: 40}}\n")
	if _, err := SaveDesk(ctx, s, "ok.yaml", src); err != nil {
		t.Fatal(err)
	}
	ps, err = LoadDesk(ctx, s)
	if err != nil || len(ps) != 1 || ps[0].Name != "flash" || ps[0].Limits.HeadlineChars != 40 {
		t.Fatalf("LoadDesk = %+v, %v", ps, err)
	}
	if data, _ := DeskSource(ctx, s); string(data) != string(src) {
		t.Errorf("DeskSource = %q", data)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(Marshal(Builtins()))
	f.Add([]byte("profiles:\n  - {name: a, format: text, fields: [lead], limits: {print_lines: 1, line_length: 1}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := Load("f.yaml", data)
		if err == nil && len(ps) == 0 {
			t.Fatal("no error and no profiles")
		}
	})
}
