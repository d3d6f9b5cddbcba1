package outputs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"copydesk/editor"
	"copydesk/editor/formats"
)

// Shape is the article as the profile carries it: a copy without the
// fields the profile leaves out (an alert is its headline; an urgent's
// body is its first paragraph). The photo and bylines go with the full
// body only, the dateline with some body: an alert is one line.
func (p *Profile) Shape(a *editor.Article) *editor.Article {
	out := a.Clone()
	if !p.Carries(Body) {
		out.Photo, out.Bylines = editor.Photo{}, nil
	}
	if !p.Carries(Body) && !p.Carries(Lead) {
		out.Dateline = editor.Dateline{}
	}
	if !p.Carries(Headline) {
		out.Headline = ""
	}
	if !p.Carries(Standfirst) {
		out.Standfirst = ""
	}
	switch {
	case p.Carries(Body):
	case p.Carries(Lead):
		out.Body = firstParagraph(a.Body)
	default:
		out.Body = ""
	}
	return out
}

// firstParagraph is the body's source up to its first blank line: the
// first block, with its Markdown kept.
func firstParagraph(body string) string {
	body = strings.TrimLeft(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	if i := strings.Index(body, "\n\n"); i >= 0 {
		return body[:i]
	}
	return body
}

// Render is the bytes the profile sends: the shaped article in its format.
func (p *Profile) Render(a *editor.Article, opt formats.ExportOptions) ([]byte, error) {
	return formats.Export(p.Shape(a), p.Format, opt)
}

// FileName is the name a transmission of a has in a folder:
// "slug.profile.ext" ("quake-hits-tokyo.alert.txt").
func (p *Profile) FileName(a *editor.Article) string {
	return formats.BaseName(a) + "." + strings.ToLower(p.Name) + p.Format.Extension()
}

// SendToFolder drops data into a hot folder under name: the file appears
// whole, by rename from a hidden temporary file (".name.….tmp", which
// folder watchers skip). A file of that name already there is kept; the
// new one gets "-2", "-3" … before its extension. It returns the path.
func SendToFolder(dir, name string, data []byte) (string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("hot folder %s: %w", dir, err)
	}
	if !info.IsDir() {
		return "", fmt.Errorf("hot folder %s is not a folder", dir)
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= 1000; i++ {
		path := filepath.Join(dir, name)
		if i > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", stem, i, ext))
		}
		if _, err := os.Lstat(path); err == nil {
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		return path, formats.WriteFileAtomic(path, data)
	}
	return "", fmt.Errorf("hot folder %s already holds 1000 files named %s…: clear it", dir, stem)
}
