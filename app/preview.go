package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor"
)

// ShowPreview shows the open story as readers would see it (Ctrl+P).
func (w *Window) ShowPreview() {
	a := w.Article()
	if a == nil {
		return
	}
	d := dialog.NewCustom(i18n.T("Preview"), i18n.T("Close"), container.NewVScroll(previewPage(a, w.settings.Style())), w.win)
	size := w.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(max(size.Width-80, 480), 820), max(size.Height-80, 400)))
	w.showClosable(d)
}

// previewPage is the story on a page as readers see it: dark text on a
// light page whatever the desk's theme (a reader's page is not dark
// because the desk is), with space between the paragraphs.
func previewPage(a *editor.Article, style editor.Style) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight))
	rt := previewText(a, style)
	rt.Segments = onPage(spaced(rt.Segments))
	return container.NewStack(bg, container.NewPadded(rt))
}

// onPage gives the text of segs the page's colour, and makes code blocks
// text of that colour: Fyne draws them in the theme's own colours, light
// on the light page in the dark theme.
func onPage(segs []widget.RichTextSegment) []widget.RichTextSegment {
	if _, ours := fyne.CurrentApp().Settings().Theme().(*deskTheme); !ours {
		return segs // the page's colour names mean nothing to another theme
	}
	for i, s := range segs {
		switch x := s.(type) {
		case *widget.TextSegment:
			x.Style.ColorName = colorNamePageText
		case *widget.ListSegment:
			x.Items = onPage(x.Items)
		case *widget.ParagraphSegment:
			x.Texts = onPage(x.Texts)
		case *widget.CodeBlockSegment:
			code := widget.RichTextStyleCodeBlock
			code.ColorName = colorNamePageText
			segs[i] = &widget.TextSegment{Text: x.Text, Style: code}
		}
	}
	return segs
}

// spaced puts a blank line after every block (a segment that ends a line)
// but the last: Fyne's rich text runs paragraphs together.
func spaced(segs []widget.RichTextSegment) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, 0, 2*len(segs))
	for i, s := range segs {
		out = append(out, s)
		if i < len(segs)-1 && !s.Inline() {
			out = append(out, &widget.TextSegment{Text: " ", Style: widget.RichTextStyleParagraph})
		}
	}
	return out
}

// previewText renders a as rich text: headline, standfirst, byline, photo
// caption and credit, then the body with the dateline in house style
// before its first paragraph. The ednote is internal and not shown.
func previewText(a *editor.Article, style editor.Style) *widget.RichText {
	var segs []widget.RichTextSegment
	para := func(text string, st widget.RichTextStyle) {
		if strings.TrimSpace(text) != "" {
			segs = append(segs, &widget.TextSegment{Text: text, Style: st})
		}
	}
	headline := a.Headline
	if headline == "" {
		headline = i18n.T("(no headline)")
	}
	heading := widget.RichTextStyleHeading
	heading.Inline = false // a line of its own, not run into the standfirst
	para(headline, heading)
	standfirst := widget.RichTextStyleParagraph
	standfirst.TextStyle.Italic = true
	para(a.Standfirst, standfirst)
	var by, credits []string
	for _, b := range a.Bylines {
		if b.Role == editor.RoleWriter || b.Role == "" {
			by = append(by, b.Name)
		} else {
			credits = append(credits, string(b.Role)+": "+b.Name)
		}
	}
	strong := widget.RichTextStyleParagraph
	strong.TextStyle.Bold = true
	if len(by) > 0 {
		para(i18n.T("By ")+strings.Join(by, i18n.T(" and ")), strong)
	}
	small := widget.RichTextStyleParagraph
	small.TextStyle.Italic = true
	var photo []string
	if a.Photo.Caption != "" {
		photo = append(photo, a.Photo.Caption)
	}
	if a.Photo.Credit != "" {
		photo = append(photo, i18n.T("Photo: ")+a.Photo.Credit)
	}
	if a.Photo.Copyright != "" {
		photo = append(photo, a.Photo.Copyright)
	}
	para(strings.Join(photo, " · "), small)

	blocks := editor.ParseBody(a.Body)
	if dl := a.Dateline.Render(style); dl != "" {
		placed := false
		for i := range blocks {
			if blocks[i].Kind == editor.Paragraph {
				blocks[i].Text = dl + " " + blocks[i].Text
				placed = true
				break
			}
		}
		if !placed {
			blocks = append([]editor.Block{{Kind: editor.Paragraph, Text: dl}}, blocks...)
		}
	}
	// Raw HTML in copy is shown as text, never interpreted: Fyne's Markdown
	// drops tags, and honours entities but not backslash escapes before "<".
	body := strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(editor.FormatBody(blocks))
	segs = append(segs, widget.NewRichTextFromMarkdown(body).Segments...)
	if len(credits) > 0 {
		para(strings.Join(credits, "; "), small)
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}
