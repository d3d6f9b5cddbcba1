package compare

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"copydesk/editor"
)

var combinedMeta = ReportMeta{
	ArticleID: "01920000-0000-7000-8000-000000000001",
	From:      RevisionInfo{Seq: 3, Label: "as filed", Time: time.Date(2019, 10, 16, 9, 12, 0, 0, time.UTC), Author: "anna"},
	To:        RevisionInfo{Seq: 5, Time: time.Date(2019, 10, 16, 11, 40, 0, 0, time.UTC), Author: "boris"},
}

func combinedResult(t *testing.T) *Result {
	a := fixtureArticle(t)
	b := a.Clone()
	combinedEdit(t, b)
	return Compare(a, b, Options{})
}

func TestReportsGolden(t *testing.T) {
	r := combinedResult(t)
	golden(t, "combined.html", Redline(r, combinedMeta))
	golden(t, "combined.txt", TextReport(r, combinedMeta))
	withNote := combinedMeta
	withNote.IncludeInternal = true
	if page := Redline(r, withNote); !bytes.Contains(page, []byte("FSB press office")) {
		t.Error("IncludeInternal did not put the ednote in the redline")
	}
	if txt := TextReport(r, withNote); !bytes.Contains(txt, []byte("Ednote (internal)")) {
		t.Error("IncludeInternal did not put the ednote in the text report")
	}
	for _, out := range [][]byte{Redline(r, combinedMeta), TextReport(r, combinedMeta)} {
		if bytes.Contains(out, []byte("FSB press office")) {
			t.Error("the ednote leaked into a report without IncludeInternal")
		}
	}
}

// TestRedlineStructure parses the redline and checks what a reader relies
// on: every changed number links to an element that exists, moved blocks
// link both ways, and insertions and deletions are <ins> and <del>.
func TestRedlineStructure(t *testing.T) {
	r := combinedResult(t)
	doc, err := html.Parse(bytes.NewReader(Redline(r, combinedMeta)))
	if err != nil {
		t.Fatal(err)
	}
	ids, hrefs := map[string]bool{}, []string{}
	count := map[string]int{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			count[n.Data]++
			for _, at := range n.Attr {
				if at.Key == "id" {
					if ids[at.Val] {
						t.Errorf("duplicate id %q", at.Val)
					}
					ids[at.Val] = true
				}
				if at.Key == "href" {
					hrefs = append(hrefs, at.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, h := range hrefs {
		if !strings.HasPrefix(h, "#") || !ids[h[1:]] {
			t.Errorf("link %q goes nowhere", h)
		}
	}
	checks := len(r.Numbers) + len(r.Quotes)
	moves := r.Stats.ParagraphsMoved * 2
	if len(hrefs) != checks+moves {
		t.Errorf("%d links, want %d (numbers and quotes) + %d (moves)", len(hrefs), checks, moves)
	}
	if count["ins"] == 0 || count["del"] == 0 || count["table"] != 1 || count["h3"] != 4 {
		t.Errorf("element counts %v", count)
	}
}

// TestRedlineEscapes: copy full of markup stays text.
func TestRedlineEscapes(t *testing.T) {
	evil := `<script>alert("x")</script> & <b onmouseover=x>`
	a := &editor.Article{Headline: evil, Body: "Safe.\n\n" + evil, Tags: []string{evil}}
	b := &editor.Article{Headline: evil + "!", Body: "Safe!\n\n## " + evil + "\n\n> " + evil, Tags: []string{"<i>"},
		Bylines: []editor.Byline{{Name: evil, Role: editor.RoleWriter}}, EdNote: evil}
	r := Compare(a, b, Options{})
	meta := ReportMeta{ArticleID: evil, From: RevisionInfo{Label: evil, Author: evil}, IncludeInternal: true}
	page := Redline(r, meta)
	for _, bad := range []string{"<script", "<b ", "<i>", "onmouseover=x>"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("redline contains unescaped %q", bad)
		}
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"html": true, "head": true, "body": true, "meta": true, "title": true, "style": true,
		"header": true, "main": true, "section": true, "h1": true, "h2": true, "h3": true, "dl": true, "dt": true, "dd": true,
		"p": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "ul": true, "li": true,
		"a": true, "span": true, "div": true, "blockquote": true, "ins": true, "del": true}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && !allowed[n.Data] {
			t.Errorf("element <%s> came from the copy", n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if txt := TextReport(r, meta); !bytes.Contains(txt, []byte(evil)) {
		t.Error("the text report should carry the copy as is")
	}
}

// TestRedlineNuChecker validates the redline with the W3C Nu HTML checker
// (vnu) when it is installed (`make vnu`), CSS included.
func TestRedlineNuChecker(t *testing.T) {
	cmdline := nuChecker()
	if cmdline == nil {
		t.Skip("the Nu HTML checker is not installed (make vnu, or set VNU_JAR): only well-formedness was tested")
	}
	dir := t.TempDir()
	r := combinedResult(t)
	files := []string{}
	write := func(name string, page []byte) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, page, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	write("combined.html", Redline(r, combinedMeta))
	internal := combinedMeta
	internal.IncludeInternal, internal.Generated = true, time.Date(2019, 10, 17, 8, 0, 0, 0, time.UTC)
	write("internal.html", Redline(r, internal))
	empty := Compare(nil, nil, Options{})
	write("empty.html", Redline(empty, ReportMeta{}))
	a := fixtureArticle(t)
	write("identical.html", Redline(Compare(a, a, Options{}), ReportMeta{}))
	args := append(cmdline[1:], "--also-check-css", "--Werror", "--format", "text")
	out, err := exec.Command(cmdline[0], append(args, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("vnu: %v\n%s", err, out)
	}
}

// nuChecker finds vnu: on PATH, in $VNU_JAR, in npm's global root, or in
// a node_modules or .cache/npm beside the module or above it.
func nuChecker() []string {
	if p, err := exec.LookPath("vnu"); err == nil {
		return []string{p}
	}
	java, err := exec.LookPath("java")
	if err != nil {
		return nil
	}
	const rel = "vnu-jar/build/dist/vnu.jar"
	var jars []string
	if j := os.Getenv("VNU_JAR"); j != "" {
		jars = append(jars, j)
	}
	if out, err := exec.Command("npm", "root", "-g").Output(); err == nil {
		jars = append(jars, filepath.Join(strings.TrimSpace(string(out)), rel))
	}
	if dir, err := os.Getwd(); err == nil {
		for {
			jars = append(jars, filepath.Join(dir, "node_modules", rel), filepath.Join(dir, ".cache", "npm", "node_modules", rel))
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	for _, j := range jars {
		if st, err := os.Stat(j); err == nil && st.Size() > 0 {
			return []string{java, "-jar", j}
		}
	}
	return nil
}
