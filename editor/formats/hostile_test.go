package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"copydesk/editor"
	"copydesk/editor/export/exporttest"
)

// hostileLinks are link targets as written in a story's Markdown, with
// whether an export may keep the link (only absolute http, https and
// mailto URLs).
var hostileLinks = []struct {
	target string
	keep   bool
}{
	{"https://x.example/a", true},
	{"http://x.example/a?b=1&c=2", true},
	{"mailto:desk@x.example", true},
	{"javascript:document.title='PWNED'", false},
	{"JaVaScRiPt:document.title='PWNED'", false},
	{"< javascript:document.title='PWNED'>", false},
	{"java&#x09;script:document.title='PWNED'", false},
	{"jav&#x61;script:document.title='PWNED'", false},
	{"javascript&#58;document.title='PWNED'", false},
	{"&#106;avascript:document.title='PWNED'", false},
	{"vbscript:msgbox", false},
	{"VBScript:msgbox", false},
	{"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", false},
	{"DATA:text/html,<script>alert(1)</script>", false},
	{"file:///etc/passwd", false},
	{"/relative/path", false},
	{"tel:+74950000000", false},
}

// hostileHTML is raw HTML in copy: it must reach every reader as text.
var hostileHTML = []string{
	"<script>document.title='PWNED'</script>",
	"<img src=x onerror=\"document.title='PWNED'\">",
	"<svg onload=\"document.title='PWNED'\">",
	"<a href=\"javascript:document.title='PWNED'\">raw link</a>",
	"<iframe src=\"javascript:document.title='PWNED'\"></iframe>",
	"<div onclick=\"document.title='PWNED'\">block</div>",
}

func hostileArticle(t *testing.T) *editor.Article {
	a := exporttest.Fixture(t)
	var body []string
	for i, l := range hostileLinks {
		body = append(body, fmt.Sprintf("Link %d: [click %d](%s) and ![pic %d](%s)", i, i, l.target, i, l.target))
	}
	for _, h := range hostileHTML {
		body = append(body, h, "text then "+h, "## "+h, "> "+h)
	}
	// A reference definition a full CommonMark reader would honour.
	body = append(body, "[ref]", "[ref]: javascript:document.title='PWNED'")
	a.Body = strings.Join(body, "\n\n")
	a.Headline = "Headline <script>document.title='PWNED'</script> [x](javascript:alert(1))"
	a.Standfirst = "<img src=x onerror=alert(1)> <javascript:alert(2)>"
	a.Tags = []string{"<b>tag</b>", "[t](javascript:alert(3))"}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestExportsKeepOnlySafeLinks: in every format, a link survives only to
// an http, https or mailto target, and no raw HTML from the copy becomes
// an element. Markdown is judged as a full CommonMark reader renders it
// (goldmark with raw HTML on, and pandoc when installed).
func TestExportsKeepOnlySafeLinks(t *testing.T) {
	a := hostileArticle(t)
	for _, f := range ExportFormats {
		data, err := Export(a, f, ExportOptions{Now: testNow})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for name, doc := range renderings(t, f, data) {
			checkRendering(t, string(f)+" "+name, doc)
		}
		if f == Text {
			checkTextLinks(t, string(data))
		}
	}
}

// renderings are the HTML documents a reader would get from an export:
// none for plain text (a text file has no links), the page for HTML, the
// body for NITF and ninjs, the CommonMark renderings for Markdown.
func renderings(t *testing.T, f Format, data []byte) map[string]string {
	switch f {
	case HTML, NITF:
		return map[string]string{"": string(data)}
	case Ninjs:
		var item struct {
			Bodies []struct {
				ContentType string `json:"contenttype"`
				Value       string `json:"value"`
			} `json:"bodies"`
		}
		if err := json.Unmarshal(data, &item); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for i, b := range item.Bodies {
			if b.ContentType == "text/html" {
				out[fmt.Sprint("body ", i)] = b.Value
			}
		}
		return out
	case Markdown:
		var buf bytes.Buffer
		md := goldmark.New(goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
		if err := md.Convert(data, &buf); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{"goldmark": buf.String()}
		if pandoc, err := exec.LookPath("pandoc"); err == nil {
			cmd := exec.Command(pandoc, "-f", "commonmark", "-t", "html")
			cmd.Stdin = bytes.NewReader(data)
			html, err := cmd.Output()
			if err != nil {
				t.Fatalf("pandoc: %v", err)
			}
			out["pandoc"] = string(html)
		} else {
			t.Log("pandoc is not on PATH: the Markdown export is judged by goldmark alone (make deps-test installs pandoc)")
		}
		return out
	}
	return nil
}

// allowedElements are what exporters write themselves (the HTML page's
// head and figure, NITF's structure); any other element came from copy.
var allowedElements = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`html head body meta title link style p h1 h2 h3 blockquote a em strong code br hr
		article header footer main section figure figcaption time ul ol li aside div span small
		nitf docdata doc-id urgency date.issue date.release du-key key-list keyword identified-content classifier
		pubdata fixture body.head hedline hl1 hl2 byline byttl person dateline location city country story.date
		abstract body.content body.end tagline bq block media media-reference media-caption media-producer
		distributor copyrite series ed-msg correction doc.copyright doc-scope evloc org
		html5 script`) {
		allowedElements[e] = true
	}
	delete(allowedElements, "script")
}

// checkRendering fails on an element no exporter writes, an event-handler
// attribute, a script other than the HTML page's JSON-LD, or a link to
// anything but http, https or mailto.
func checkRendering(t *testing.T, where, doc string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			jsonLD := n.Data == "script" && attr(n, "type") == "application/ld+json"
			if !allowedElements[n.Data] && !jsonLD {
				t.Errorf("%s: a <%s> element from the copy", where, n.Data)
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				switch {
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("%s: <%s %s=%q>", where, n.Data, a.Key, a.Val)
				case a.Key == "href" || a.Key == "src" || a.Key == "action":
					if !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "mailto:") {
						t.Errorf("%s: <%s %s=%q>: only http, https and mailto targets may be written", where, n.Data, a.Key, a.Val)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// checkTextLinks: in plain text a kept link is "text (target)", a dropped
// one its text alone.
func checkTextLinks(t *testing.T, text string) {
	t.Helper()
	for i, l := range hostileLinks {
		var line string
		// A paragraph may be wrapped (a short one is, so it is not read
		// back as a subhead): each is read as one line.
		for _, para := range strings.Split(text, "\n\n") {
			ln := strings.ReplaceAll(para, "\n", " ")
			if j := strings.Index(ln, fmt.Sprintf("Link %d:", i)); j >= 0 {
				line = ln[j:] // the first after the dateline
			}
		}
		want := fmt.Sprintf("Link %d: click %d and pic %d", i, i, i)
		if l.keep {
			want = fmt.Sprintf("Link %d: click %d (%s) and pic %d (%s)", i, i, l.target, i, l.target)
		}
		if line != want {
			t.Errorf("text: %q, want %q", line, want)
		}
	}
}
