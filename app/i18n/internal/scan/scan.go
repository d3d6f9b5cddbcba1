// Package scan finds the window's text in the app's Go source: the string
// literals passed to the calls and fields that put text on screen (labels,
// buttons, menus, dialogs, placeholders, the status bar …), and those
// passed to the i18n helpers. The i18n test checks them against the
// translation files; go run ./app/i18n/extract prints what is missing.
package scan

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Literal is one piece of window text found in the source.
type Literal struct {
	Text string
	Pos  token.Position
	// Sink is the call or field that shows the text ("widget.NewButton",
	// ".PlaceHolder", "i18n.T").
	Sink string
	// Wrapped is true when the literal goes through an i18n helper.
	Wrapped bool
	// Plural is true for the key of i18n.N, which needs plural forms.
	Plural bool
	// Via is the formatter whose format the literal is ("fmt.Sprintf",
	// "fmt.Errorf"), or empty; ViaPos and ViaEnd span its name, for the
	// rewriter.
	Via            string
	ViaPos, ViaEnd token.Position
	// End is just after the literal.
	End token.Position
}

// Other is a textual literal outside every known sink, with the call it
// sits in: what a person reviews for text the heuristics miss.
type Other struct {
	Text string
	Pos  token.Position
	In   string
}

// sinks maps a callee's name ("pkg.Func" for package functions, ".Method"
// for methods and fields, "func" for the app's own helpers) to the
// arguments that are window text; -1 means all of them.
var sinks = map[string][]int{
	"widget.NewLabel": {0}, "widget.NewLabelWithStyle": {0}, "widget.NewButton": {0},
	"widget.NewButtonWithIcon": {0}, "widget.NewCheck": {0}, "widget.NewCheckWithData": {0},
	"widget.NewHyperlink": {0}, "widget.NewFormItem": {0}, "widget.NewRadioGroup": {0},
	"widget.NewSelect": {0}, "widget.NewSelectEntry": {0}, "widget.NewAccordionItem": {0},
	"widget.NewCard": {0, 1}, "widget.NewRichTextWithText": {0}, "widget.NewRichTextFromMarkdown": {0},
	"widget.NewToolbarAction": nil, "widget.NewTextGridFromString": nil,
	// app/escape's widgets for dialogs take the canvas first.
	"escape.NewCheck": {1}, "escape.NewRadioGroup": {1}, "escape.NewSelect": {1},
	"fyne.NewMenu": {0}, "fyne.NewMenuItem": {0}, "fyne.NewMenuItemWithIcon": {0},
	"container.NewTabItem": {0}, "container.NewTabItemWithIcon": {0},
	"canvas.NewText": {0},
	"dialog.NewForm": {0, 1, 2}, "dialog.ShowForm": {0, 1, 2},
	"dialog.NewConfirm": {0, 1}, "dialog.ShowConfirm": {0, 1},
	"dialog.NewInformation": {0, 1}, "dialog.ShowInformation": {0, 1},
	"dialog.NewCustom": {0, 1}, "dialog.ShowCustom": {0, 1},
	"dialog.NewCustomConfirm": {0, 1, 2}, "dialog.ShowCustomConfirm": {0, 1, 2},
	"dialog.NewCustomWithoutButtons": {0}, "dialog.ShowCustomWithoutButtons": {0},
	"dialog.NewEntryDialog": {0, 1}, "dialog.ShowEntryDialog": {0, 1},
	"dialog.NewProgress": {0, 1}, "dialog.NewProgressInfinite": {0, 1},
	"dialog.NewError": {0}, "dialog.ShowError": {0},
	".SetText": {0}, ".SetPlaceHolder": {0}, ".SetTitle": {0}, ".NewWindow": {0},
	".SetConfirmText": {0}, ".SetDismissText": {0}, ".SetOptions": {0}, ".Append": nil,
	".ShowError": {0}, ".showError": {0}, ".setText": {0}, ".SetToolTip": {0},
	// The app's own helpers that take window text.
	"item": {0}, "placeholder": {0}, "heading": {0}, "line": {0}, "needText": {0},
	"newProgress": {1}, "noteLabel": {0}, "listSegments": {0}, "para": {0},
}

// fieldSinks are struct fields that hold window text, set in a composite
// literal (Label: "…") or by assignment (x.PlaceHolder = "…").
var fieldSinks = map[string]bool{
	"Text": true, "PlaceHolder": true, "Label": true, "Title": true, "Message": true,
	"ConfirmText": true, "placeholder": true, "DismissText": true, "SubmitText": true, "CancelText": true, "HintText": true,
}

// helpers are the i18n package's functions: their first argument is a
// dictionary key.
var helpers = map[string]bool{"T": true, "Tf": true, "Errorf": true, "N": true, "Key": true}

// formatters pass their arguments' text through to what they return.
var formatters = map[string]bool{
	"fmt.Sprintf": true, "fmt.Errorf": true, "errors.New": true, "strings.Join": true,
	"editor.Capitalise": true, "fmt.Sprint": true,
}

// Result is what Dir finds.
type Result struct {
	Literals []Literal
	Others   []Other
}

// Dir scans every non-test Go file under root, skipping testdata and the
// i18n package itself.
func Dir(root string) (Result, error) {
	var res Result
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" || (d.Name() == "i18n" && path != root) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		s := &scanner{fset: fset, seen: map[*ast.BasicLit]bool{}}
		s.file(f)
		res.Literals = append(res.Literals, s.lits...)
		res.Others = append(res.Others, s.others...)
		return nil
	})
	sort.SliceStable(res.Literals, func(i, j int) bool { return less(res.Literals[i].Pos, res.Literals[j].Pos) })
	return res, err
}

func less(a, b token.Position) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Offset < b.Offset
}

type scanner struct {
	fset   *token.FileSet
	lits   []Literal
	others []Other
	seen   map[*ast.BasicLit]bool
}

func (s *scanner) file(f *ast.File) {
	// First the sinks, so that each literal is claimed by the call that
	// shows it; then whatever textual literal is left is an Other.
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec, *ast.Field:
			return false // import paths, struct tags
		case *ast.CallExpr:
			s.call(n)
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && fieldSinks[k.Name] {
				s.collect(n.Value, "."+k.Name, false, false)
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && fieldSinks[sel.Sel.Name] && i < len(n.Rhs) {
					s.collect(n.Rhs[i], "."+sel.Sel.Name, false, false)
				}
			}
		}
		return true
	})
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		switch n.(type) {
		case *ast.ImportSpec, *ast.Field:
			return false
		}
		stack = append(stack, n)
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && !s.seen[lit] {
			if t, ok := text(lit); ok {
				s.others = append(s.others, Other{Text: t, Pos: s.fset.Position(lit.Pos()), In: enclosingCall(stack)})
			}
		}
		return true
	})
}

func enclosingCall(stack []ast.Node) string {
	for i := len(stack) - 1; i >= 0; i-- {
		if c, ok := stack[i].(*ast.CallExpr); ok {
			return callee(c.Fun)
		}
	}
	return ""
}

// callee names a call as the sinks table does.
func callee(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok && isPackage(x.Name) {
			return x.Name + "." + f.Sel.Name
		}
		return "." + f.Sel.Name
	case *ast.IndexExpr:
		return callee(f.X)
	}
	return ""
}

// isPackage tells the package qualifiers the tables use from receivers.
func isPackage(name string) bool {
	switch name {
	case "widget", "fyne", "container", "canvas", "dialog", "fmt", "errors", "strings", "editor", "i18n", "escape":
		return true
	}
	return false
}

func (s *scanner) call(c *ast.CallExpr) {
	name := callee(c.Fun)
	if strings.HasPrefix(name, "i18n.") && helpers[strings.TrimPrefix(name, "i18n.")] {
		if len(c.Args) > 0 {
			s.collect(c.Args[0], name, true, name == "i18n.N")
		}
		return
	}
	args, ok := sinks[name]
	if !ok {
		return
	}
	for i, a := range c.Args {
		if want(args, i) {
			s.collect(a, name, false, false)
		}
	}
}

func want(args []int, i int) bool {
	for _, a := range args {
		if a == -1 || a == i {
			return true
		}
	}
	return false
}

// collect records the window text in e, looking through formatting calls,
// concatenations and slice literals.
func (s *scanner) collect(e ast.Expr, sink string, wrapped, plural bool) {
	s.collectVia(e, sink, wrapped, plural, nil)
}

// collectVia is collect for a literal that may be the format of via.
func (s *scanner) collectVia(e ast.Expr, sink string, wrapped, plural bool, via *ast.CallExpr) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING || s.seen[e] {
			return
		}
		s.seen[e] = true
		if t, ok := text(e); ok {
			l := Literal{Text: t, Pos: s.fset.Position(e.Pos()), End: s.fset.Position(e.End()), Sink: sink, Wrapped: wrapped, Plural: plural}
			if via != nil {
				l.Via = callee(via.Fun)
				l.ViaPos, l.ViaEnd = s.fset.Position(via.Fun.Pos()), s.fset.Position(via.Fun.End())
			}
			s.lits = append(s.lits, l)
		}
	case *ast.ParenExpr:
		s.collect(e.X, sink, wrapped, plural)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			s.collect(e.X, sink, wrapped, plural)
			s.collect(e.Y, sink, wrapped, plural)
		}
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			s.collect(el, sink, wrapped, plural)
		}
	case *ast.CallExpr:
		name := callee(e.Fun)
		switch {
		case strings.HasPrefix(name, "i18n.") && helpers[strings.TrimPrefix(name, "i18n.")]:
			s.call(e)
		case formatters[name]:
			for i, a := range e.Args {
				// A format's arguments are values, not text, unless they
				// are literals themselves.
				switch {
				case i == 0 && (name == "fmt.Sprintf" || name == "fmt.Errorf"):
					s.collectVia(a, sink, wrapped, plural, e)
				case i == 0 || isLit(a):
					s.collect(a, sink, wrapped, plural)
				}
			}
		}
	}
}

func isLit(e ast.Expr) bool {
	_, ok := e.(*ast.BasicLit)
	return ok
}

// text unquotes a literal and tells whether it reads as words: it has a
// letter. Pure punctuation, numbers and format-only strings are not text.
func text(lit *ast.BasicLit) (string, bool) {
	t, err := strconv.Unquote(lit.Value)
	if err != nil {
		return "", false
	}
	for _, r := range t {
		if unicode.IsLetter(r) {
			return t, !formatOnly(t)
		}
	}
	return t, false
}

// formatOnly is true for strings whose only letters are format verbs
// ("%d/%d", "%s: %s").
func formatOnly(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '%' && i+1 < len(t) {
			i++
			for i < len(t) && strings.IndexByte("+-# 0123456789.", t[i]) >= 0 {
				i++
			}
			continue
		}
		if unicode.IsLetter(rune(c)) || c >= 0x80 {
			return false
		}
	}
	return true
}

// CoreFormats finds the message formats of the Fyne-free core under root
// (editor/check): the literals passed to its findings' say method. The
// window translates them; the core cannot call i18n.
func CoreFormats(root string) ([]Literal, error) {
	var out []Literal
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || callee(c.Fun) != ".say" || len(c.Args) == 0 {
				return true
			}
			if lit, ok := c.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if t, err := strconv.Unquote(lit.Value); err == nil {
					out = append(out, Literal{Text: t, Pos: fset.Position(lit.Pos()), Sink: ".say", Wrapped: true})
				}
			}
			return true
		})
		return nil
	})
	return out, err
}
