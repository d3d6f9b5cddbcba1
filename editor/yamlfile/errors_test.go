package yamlfile

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestDecodeNamesTheLine: each way a file can be unreadable is one error
// naming the file (or what it holds) and the line.
func TestDecodeNamesTheLine(t *testing.T) {
	tests := []struct {
		name, file string
		data       string
		want       string
	}{
		{"too big", "desk.yaml", strings.Repeat("a", 65), "desk.yaml: is 65 bytes: a rules file may hold 64 at most"},
		{"not UTF-8", "desk.yaml", "name: a\nterms: \xff\n", "desk.yaml:2: is not UTF-8 text: save it as UTF-8"},
		{"syntax", "", "name: a\n  b: [\n", "rules:2: is not valid YAML: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Parser{File: tt.file, Of: "rules"}
			_, err := p.Decode([]byte(tt.data), 64)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q…", err, tt.want)
			}
		})
	}
}

// TestEachReportsEveryDuplicate: a key given twice and a key that is not
// a name are both reported, with their lines and paths, and the walk goes on.
func TestEachReportsEveryDuplicate(t *testing.T) {
	p := &Parser{File: "p.yaml", Of: "profiles"}
	doc, err := p.Decode([]byte("limits:\n  a: 1\n  a: 2\n  [x]: 3\n  b: 4\n"), 1024)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	p.Each(doc.Content[0], "", func(key string, _, v *yaml.Node) {
		p.Each(v, key, func(key string, _, _ *yaml.Node) { keys = append(keys, key) })
	})
	if got := strings.Join(keys, ","); got != "a,b" {
		t.Errorf("walked %s, want a,b", got)
	}
	want := "p.yaml:3: limits.a: is given twice\np.yaml:4: limits: a key must be a plain name"
	if got := p.Errs.Error(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}
