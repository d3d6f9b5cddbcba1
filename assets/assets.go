// Package assets holds the files the program ships inside its binary: the
// style sheet of the HTML export (and, in other files, the app icon). It is
// plain bytes so the Fyne-free core (editor/export) can use it; wrappers for
// Fyne live in a separate file of this package.
package assets

import _ "embed"

// ArticleCSS is the style sheet an exported HTML article carries inline, so
// the file stands alone: it reads on screen (light and dark) and prints on
// paper without the web page around it.
//
//go:embed article.css
var ArticleCSS []byte
