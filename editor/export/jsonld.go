package export

import (
	"bytes"
	"encoding/json"
	"fmt"

	"copydesk/editor"
)

// newsArticle is the schema.org NewsArticle an HTML export carries for
// search engines and aggregators.
type newsArticle struct {
	Context            string      `json:"@context"`
	Type               string      `json:"@type"`
	Identifier         string      `json:"identifier"`
	Headline           string      `json:"headline,omitempty"`
	Description        string      `json:"description,omitempty"`
	DatePublished      string      `json:"datePublished,omitempty"`
	DateModified       string      `json:"dateModified"`
	DateCreated        string      `json:"dateCreated,omitempty"`
	Author             []ldPerson  `json:"author,omitempty"`
	Contributor        []ldPerson  `json:"contributor,omitempty"`
	Editor             []ldPerson  `json:"editor,omitempty"`
	Translator         []ldPerson  `json:"translator,omitempty"`
	Dateline           string      `json:"dateline,omitempty"`
	SourceOrganization *ldOrg      `json:"sourceOrganization,omitempty"`
	ArticleSection     string      `json:"articleSection,omitempty"`
	Keywords           []string    `json:"keywords,omitempty"`
	InLanguage         string      `json:"inLanguage,omitempty"`
	Version            string      `json:"version,omitempty"`
	WordCount          int         `json:"wordCount"`
	Image              *ldImage    `json:"image,omitempty"`
	Correction         *ldEdNotice `json:"correction,omitempty"`
}

type ldPerson struct {
	Type     string `json:"@type"`
	Name     string `json:"name"`
	JobTitle string `json:"jobTitle,omitempty"`
}

type ldOrg struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldImage struct {
	Type            string `json:"@type"`
	Caption         string `json:"caption,omitempty"`
	CreditText      string `json:"creditText,omitempty"`
	CopyrightNotice string `json:"copyrightNotice,omitempty"`
}

type ldEdNotice struct {
	Type string `json:"@type"`
	Text string `json:"text"`
}

// newsArticleJSON writes the JSON-LD for the <script> element. encoding/json
// escapes <, > and & as \u003c, \u003e, \u0026 and U+2028/U+2029 as
// \u2028/\u2029, so no field can close the script element ("</script>"),
// open an HTML comment ("<!--") or end a line inside a JavaScript string;
// the check below keeps it that way if the encoder ever changes.
func newsArticleJSON(a *editor.Article, opt Options) ([]byte, error) {
	pub, published := publishedAt(a, opt)
	mod := a.Modified.UTC()
	if published && mod.Before(pub) {
		mod = pub
	}
	na := newsArticle{
		Context:        "https://schema.org",
		Type:           "NewsArticle",
		Identifier:     URI(a),
		Headline:       a.Headline,
		Description:    a.Standfirst,
		DateModified:   isoTime(mod),
		Dateline:       a.Dateline.RenderIn(opt.style(), a.Language),
		ArticleSection: a.Section,
		Keywords:       a.Tags,
		InLanguage:     a.Language,
		Version:        opt.version(),
		WordCount:      a.Words(),
	}
	if published {
		na.DatePublished = isoTime(pub)
	}
	if !a.Created.IsZero() {
		na.DateCreated = isoTime(a.Created)
	}
	if a.Dateline.Source != "" {
		na.SourceOrganization = &ldOrg{Type: "Organization", Name: a.Dateline.Source}
	}
	for _, b := range a.Bylines {
		p := ldPerson{Type: "Person", Name: b.Name, JobTitle: b.Title}
		switch {
		case isWriter(b):
			na.Author = append(na.Author, p)
		case b.Role == editor.RoleEditor:
			na.Editor = append(na.Editor, p)
		case b.Role == editor.RoleTranslator:
			na.Translator = append(na.Translator, p)
		default:
			na.Contributor = append(na.Contributor, p)
		}
	}
	if !a.Photo.IsZero() {
		na.Image = &ldImage{Type: "ImageObject", Caption: a.Photo.Caption, CreditText: a.Photo.Credit, CopyrightNotice: a.Photo.Copyright}
	}
	if a.Correction != "" {
		na.Correction = &ldEdNotice{Type: "CorrectionComment", Text: a.Correction}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	enc.SetIndent("", "  ")
	if err := enc.Encode(na); err != nil {
		return nil, fmt.Errorf("writing the JSON-LD of article %s: %w", a.ID, err)
	}
	out := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if i := bytes.IndexAny(out, "<>&\u2028\u2029"); i >= 0 {
		return nil, fmt.Errorf("JSON-LD of article %s: unescaped %q at byte %d", a.ID, out[i:i+1], i)
	}
	return out, nil
}
