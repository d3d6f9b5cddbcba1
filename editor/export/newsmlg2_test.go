package export_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor/export"
	"copydesk/editor/export/exporttest"
	"copydesk/editor/testfixture"
)

var g2Writer = writer{"newsml.xml", export.NewsMLG2}

// TestNewsMLG2Golden: the TASS fixture as a G2 newsItem (rewrite with
// -update after checking the change).
func TestNewsMLG2Golden(t *testing.T) {
	got, err := export.NewsMLG2(exporttest.Fixture(t), goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "tass.newsml.xml")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("NewsML-G2 export differs from %s (go test -update after checking):\n%s", path, got)
	}
}

// TestNewsMLG2Validates runs xmllint against the IPTC's NewsML-G2 2.35
// schema (power conformance) over every validation article. The schema
// imports xml.xsd from beside it, so it loads offline; --nonet makes sure.
func TestNewsMLG2Validates(t *testing.T) {
	xsd := testfixture.Path(t, "standards/newsml-g2-2.35/NewsML-G2_2.35-spec-All-Power.xsd")
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed: apt-get install libxml2-utils")
	}
	files := writeAll(t, g2Writer)
	// The schema must be able to fail: an item whose itemMeta lacks its
	// required itemClass does not validate.
	bad := filepath.Join(t.TempDir(), "bad.newsml.xml")
	good, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(good), `<itemClass qcode="ninat:text"/>`, "", 1)
	if err := os.WriteFile(bad, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
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
	if out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", xsd, bad).CombinedOutput(); err == nil {
		t.Errorf("the schema accepted an item without itemClass:\n%s", out)
	}
}
