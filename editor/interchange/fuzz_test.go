package interchange_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/export"
	"copydesk/editor/interchange"
	"copydesk/editor/testfixture"
)

// seeds are the export goldens (what the desk writes) and the agency
// samples (what agencies send) of one format.
func seeds(f *testing.F, globs ...string) {
	f.Helper()
	n := 0
	for _, g := range globs {
		files, err := filepath.Glob(g)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
			n++
		}
	}
	if n == 0 {
		f.Fatalf("no seed files match %q", globs)
	}
}

// checkImport is what must hold for any input: no panic (the fuzzer
// catches that), an error only as an *editor.InputError, and an article
// the desk can store and export — no character an XML or HTML document
// cannot carry, no line break in a one-line field.
func checkImport(t *testing.T, a *editor.Article, err error) {
	if err != nil {
		var ie *editor.InputError
		if !errors.As(err, &ie) {
			t.Fatalf("error is %T, want *editor.InputError: %v", err, err)
		}
		if a != nil {
			t.Fatal("an article and an error")
		}
		return
	}
	if a == nil {
		t.Fatal("no article and no error")
	}
	if err := a.Validate(); err != nil {
		v, _ := editor.AsValidation(err)
		for _, p := range v.Problems {
			if strings.Contains(p.Problem, "control character") || strings.Contains(p.Problem, "UTF-8") || strings.Contains(p.Problem, "line break") {
				t.Fatalf("imported article cannot be stored: %v", p)
			}
		}
	}
	if _, err := export.NITF(a, export.Options{}); err != nil {
		t.Fatalf("imported article cannot be exported: %v", err)
	}
	if b := editor.ParseBody(a.Body); editor.FormatBody(b) != editor.FormatBody(editor.ParseBody(editor.FormatBody(b))) {
		t.Fatalf("imported body is not stable: %q", a.Body)
	}
}

func FuzzParseNITF(f *testing.F) {
	seeds(f, "../export/testdata/*.nitf.xml", "testdata/*.xml")
	f.Add([]byte(`<nitf><body><body.content><p>x<em class="strong">y</em></p></body.content></body></nitf>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := interchange.ParseNITF("fuzz.xml", data, editor.ImportOptions{Year: 2019})
		checkImport(t, a, err)
	})
}

func FuzzParseNinjs(f *testing.F) {
	seeds(f, "../export/testdata/*.ninjs.json", "testdata/*.json")
	f.Add(testfixture.Read(f, "standards/ninjs/example-2.2-complex-text-article.json"))
	f.Add([]byte(`{"headline":"h","body_html":"<p>a<b>b</b></p>","associations":{"p":{"type":"picture","description_text":"c"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := interchange.ParseNinjs("fuzz.json", data, editor.ImportOptions{Year: 2019})
		checkImport(t, a, err)
	})
}
