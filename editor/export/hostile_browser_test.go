package export_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"copydesk/editor"
	"copydesk/editor/export"
	"copydesk/editor/export/exporttest"
)

// hostilePayloads reads testdata/hostile-payloads.txt.
func hostilePayloads(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "hostile-payloads.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "# ") {
			out = append(out, l)
		}
	}
	if len(out) < 20 {
		t.Fatalf("%d payloads; the suite wants at least 20", len(out))
	}
	return out
}

// payloadGroup is how many payloads share one article: all of them at
// once would pass the headline's 1,000-character limit.
const payloadGroup = 10

// browserArticles puts each group of payloads into every text field of
// one valid article: slug, section, headline, standfirst, body (each
// payload a paragraph, a subhead, a quote and a link target), dateline,
// photo, bylines, tags, correction and ednote.
func browserArticles(t *testing.T) []*editor.Article {
	payloads := hostilePayloads(t)
	var arts []*editor.Article
	for start := 0; start < len(payloads); start += payloadGroup {
		group := payloads[start:min(start+payloadGroup, len(payloads))]
		line := strings.Join(group, " ")
		a := exporttest.Fixture(t)
		a.ID = fmt.Sprintf("0190f0e2-0000-7000-8000-%012d", start+1)
		a.Slug = exporttest.HostileSlug // the desk refuses a slug with markup
		a.Section, a.Headline, a.Standfirst = line, line, line
		var body []string
		for _, p := range group {
			body = append(body, p, "## "+p, "> "+p, "[a link]("+strings.ReplaceAll(p, " ", "%20")+")")
		}
		a.Body = strings.Join(body, "\n\n")
		a.Dateline.Place, a.Dateline.Region, a.Dateline.Source = line, line, line
		a.Photo = editor.Photo{Caption: line, Credit: line, Copyright: "© " + line}
		a.Bylines = nil
		a.Tags = nil
		for i, p := range group {
			a.Bylines = append(a.Bylines, editor.Byline{Name: p, Role: editor.Roles[i%len(editor.Roles)], Title: p})
			if len([]rune(p)) <= editor.MaxTagChars {
				a.Tags = append(a.Tags, p)
			}
		}
		a.Tags = editor.NormalizeTags(a.Tags)
		a.Correction = line
		a.EdNote = exporttest.EdNoteMarker + " " + line
		if err := a.Validate(); err != nil {
			t.Fatalf("payloads %d–%d do not make a valid article: %v", start+1, start+len(group), err)
		}
		arts = append(arts, a)
	}
	return arts
}

// inCI reports whether missing tools must fail the test rather than skip it.
func inCI() bool { return os.Getenv("CI") != "" }

func chromium(t *testing.T) string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if inCI() {
		t.Fatal("chromium is not installed (apt-get install chromium): the hostile-input suite needs it in CI")
	}
	t.Skip("chromium is not installed (apt-get install chromium)")
	return ""
}

// dumpDOM loads path in headless Chromium, lets its timers and events run
// for 3 s of virtual time, and returns the DOM as serialised after that.
func dumpDOM(t *testing.T, bin, path string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=3000", "--dump-dom", "file://"+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	if !bytes.Contains(out, []byte("</html>")) {
		t.Fatalf("chromium dumped no document:\n%s\n%s", out, stderr.String())
	}
	return out
}

// planted reports what a script (or markup passed through) would leave:
// the title, and whether an element with id "pwned" or a <pwned> element
// is in the DOM.
func planted(t *testing.T, doc []byte) (title string, pwned []string) {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "title" && title == "" && n.FirstChild != nil {
				title = n.FirstChild.Data
			}
			if n.Data == "pwned" {
				pwned = append(pwned, "<pwned>")
			}
			for _, a := range n.Attr {
				if a.Key == "id" && a.Val == "pwned" {
					pwned = append(pwned, "<"+n.Data+` id="pwned">`)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return title, pwned
}

// TestHostileHTMLRunsNoScript: Chromium loads the HTML export of every
// payload group and ends with the title the file has and no planted
// element. A page with one payload let through does change the title, so
// the check can fail.
func TestHostileHTMLRunsNoScript(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	for i, a := range browserArticles(t) {
		page, err := export.HTML(a, goldenOptions())
		if err != nil {
			t.Fatalf("group %d: %v", i+1, err)
		}
		if bytes.Contains(page, []byte(exporttest.EdNoteMarker)) {
			t.Errorf("group %d: the ednote is in the export", i+1)
		}
		path := filepath.Join(dir, fmt.Sprintf("group%d.html", i+1))
		if err := os.WriteFile(path, page, 0o644); err != nil {
			t.Fatal(err)
		}
		want, pre := planted(t, page)
		if len(pre) > 0 {
			t.Fatalf("group %d: the exported file itself holds %v", i+1, pre)
		}
		got, pwned := planted(t, dumpDOM(t, bin, path))
		if got != want {
			t.Errorf("group %d: a script ran: the title became %q (file: %q)", i+1, got, want)
		}
		if len(pwned) > 0 {
			t.Errorf("group %d: an element was planted: %v", i+1, pwned)
		}
	}

	// The control: the same export with one payload let through raw.
	page, err := export.HTML(browserArticles(t)[0], goldenOptions())
	if err != nil {
		t.Fatal(err)
	}
	page = bytes.Replace(page, []byte("</body>"), []byte(`<img src=x onerror="document.title='PWNED'"><script>document.body.appendChild(document.createElement('pwned'))</script></body>`), 1)
	path := filepath.Join(dir, "control.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, pwned := planted(t, dumpDOM(t, bin, path)); got != "PWNED" || len(pwned) == 0 {
		t.Errorf("the control page with a live payload gave title %q and planted %v: the browser check cannot see a script run", got, pwned)
	}
}

// TestHostileHTMLPassesNuChecker: the same pages, 0 errors from the W3C
// Nu HTML Checker. Skipped only outside CI when the checker is missing.
func TestHostileHTMLPassesNuChecker(t *testing.T) {
	jar := vnuJar(t)
	_, javaErr := exec.LookPath("java")
	if jar == "" || javaErr != nil {
		if inCI() {
			t.Fatal("the Nu HTML Checker (VNU_JAR) or java is missing: CI must run it (make vnu)")
		}
		t.Skip("the Nu HTML Checker is not installed: make vnu, or set VNU_JAR to vnu.jar; Java 17 runs it")
	}
	dir := t.TempDir()
	var files []string
	for i, a := range browserArticles(t) {
		page, err := export.HTML(a, goldenOptions())
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("group%d.html", i+1))
		if err := os.WriteFile(p, page, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	cmd := exec.Command("java", append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	var report struct {
		Messages []struct {
			Type, URL, Message, Extract, SubType string
			LastLine                             int
		} `json:"messages"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(stderr.Bytes()), &report); err != nil {
		t.Fatalf("vnu: %v; no JSON report (%v):\n%s", runErr, err, stderr.String())
	}
	for _, m := range report.Messages {
		if m.Type == "error" || m.Type == "non-document-error" || m.SubType == "fatal" {
			t.Errorf("vnu %s: %s:%d: %s (%q)", m.Type, filepath.Base(m.URL), m.LastLine, m.Message, m.Extract)
		}
	}
	if !t.Failed() && runErr != nil {
		t.Errorf("vnu exited with %v and no error messages:\n%s", runErr, stderr.String())
	}
}
