package export_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"copydesk/editor"
	"copydesk/editor/export"
	"copydesk/editor/export/exporttest"
	"copydesk/editor/testfixture"
)

// validationArticles are what each format's own validator must pass: the
// fixture, the hostile article, the hostile article with markup that does
// not survive a round trip, and the fixture as a bare draft (no photo, no
// dateline, no tags, no headline), the fixture published with a
// correction and an embargo (corrected), and the corrected story killed
// and withheld (notices).
func validationArticles(t *testing.T) map[string]*editor.Article {
	markup := exporttest.Hostile()
	markup.Body += "\n\n" + exporttest.HostileMarkup
	bare := exporttest.Fixture(t)
	bare.Headline, bare.Standfirst, bare.Section, bare.Slug = "", "", "", ""
	bare.Photo, bare.Dateline, bare.Tags, bare.Urgency = editor.Photo{}, editor.Dateline{}, nil, 0
	bare.Status, bare.Language = editor.StatusDraft, ""
	return map[string]*editor.Article{
		"fixture":   exporttest.Fixture(t),
		"corrected": corrected(t),
		"hostile":   exporttest.Hostile(),
		"markup":    markup,
		"bare":      bare,
		"killed":    noticed(t, editor.NoticeKill),
		"withheld":  noticed(t, editor.NoticeWithhold),
	}
}

// writeAll exports every validation article with w into a temporary
// directory and returns the file paths.
func writeAll(t *testing.T, w writer) []string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for name, a := range validationArticles(t) {
		out, err := w.fn(a, goldenOptions())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := filepath.Join(dir, name+"."+w.name)
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	return files
}

// vnuJar finds the W3C Nu HTML Checker: $VNU_JAR, else the global npm
// package.
func vnuJar(t *testing.T) string {
	if p := os.Getenv("VNU_JAR"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if out, err := exec.Command("npm", "root", "-g").Output(); err == nil {
		p := filepath.Join(strings.TrimSpace(string(out)), "vnu-jar", "build", "dist", "vnu.jar")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// TestHTMLPassesNuChecker runs the W3C Nu HTML Checker once over every
// generated page: 0 errors wanted (warnings are not errors).
func TestHTMLPassesNuChecker(t *testing.T) {
	jar := vnuJar(t)
	if jar == "" {
		t.Skip("the Nu HTML Checker is not installed: npm install -g vnu-jar (or set VNU_JAR to vnu.jar); Java 17 runs it")
	}
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("java is not installed: the Nu HTML Checker needs Java 17 (apt-get install openjdk-17-jre-headless)")
	}
	files := writeAll(t, writers[0])
	// The desk copy too: the same page with margin notes.
	a := exporttest.Fixture(t)
	desk, err := export.DeskCopyHTML(a, deskComments(t, a), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	deskFile := filepath.Join(t.TempDir(), "deskcopy.html")
	if err := os.WriteFile(deskFile, desk, 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, deskFile)
	args := append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)
	cmd := exec.Command("java", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	// vnu writes its JSON report to stderr.
	var report struct {
		Messages []struct {
			Type     string `json:"type"`
			URL      string `json:"url"`
			Line     int    `json:"lastLine"`
			Message  string `json:"message"`
			Extract  string `json:"extract"`
			SubType  string `json:"subType"`
			Fragment string `json:"fragment"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(stderr.Bytes()), &report); err != nil {
		t.Fatalf("vnu: %v; no JSON report (%v):\n%s\n%s", runErr, err, stdout.String(), stderr.String())
	}
	errs := 0
	for _, m := range report.Messages {
		if m.Type == "error" || m.Type == "non-document-error" || m.SubType == "fatal" {
			errs++
			t.Errorf("vnu %s: %s:%d: %s (%q)", m.Type, filepath.Base(m.URL), m.Line, m.Message, m.Extract)
		}
	}
	if errs == 0 && runErr != nil {
		t.Errorf("vnu exited with %v and no error messages:\n%s", runErr, stderr.String())
	}
	t.Logf("vnu checked %d pages: %d errors", len(files), errs)
}

// TestNITFValidates runs xmllint against the IPTC's NITF 3.6 schema over
// every generated file. The schema imports xml.xsd by a relative
// schemaLocation, so it loads offline; --nonet makes sure.
func TestNITFValidates(t *testing.T) {
	xsd := testfixture.Path(t, "standards/nitf-3.6/nitf-3-6.xsd")
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed: apt-get install libxml2-utils")
	}
	files := writeAll(t, writers[1])
	args := append([]string{"--noout", "--nonet", "--schema", xsd}, files...)
	out, err := exec.Command("xmllint", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
	for _, f := range files {
		if !bytes.Contains(out, []byte(f+" validates")) {
			t.Errorf("xmllint did not say %s validates:\n%s", filepath.Base(f), out)
		}
	}
}

// ninjsSchema compiles the IPTC's ninjs 2.2 schema with format assertions
// on (uri and date-time are checked, not just annotated). The schema's
// places[].geojson refers to https://geojson.org/schema/GeoJSON.json; the
// desk never writes geojson, so an empty schema stands in for it and the
// test needs no network.
func ninjsSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("https://geojson.org/schema/GeoJSON.json", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(testfixture.Path(t, "standards/ninjs/ninjs-schema_2.2.json"))
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestNinjsValidates(t *testing.T) {
	sch := ninjsSchema(t)
	for name, a := range validationArticles(t) {
		out, err := export.Ninjs(a, goldenOptions())
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The schema must be able to fail: an item without its uri does not
	// validate.
	if err := sch.Validate(map[string]any{"type": "text"}); err == nil {
		t.Error("the ninjs schema accepted an item without a uri")
	}
}
