package scan

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strconv"
)

// ImportPath is the i18n package, as the rewriter imports it.
const ImportPath = "copydesk/app/i18n"

// Wrap rewrites one file so that its unwrapped window text goes through
// the i18n helpers: a literal becomes i18n.T("…"), fmt.Sprintf with a text
// format becomes i18n.Tf, fmt.Errorf becomes i18n.Errorf. Keys whose entry
// has plural forms, concatenated pieces ("a " + n + " b") and keys missing
// from the dictionary are left for a person and returned as notes. The
// file gets the i18n import, and loses fmt or errors when nothing uses
// them any more; run gofmt after.
func Wrap(path string, lits []Literal, dict map[string]any, keep map[string]bool) (notes []string, err error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	type edit struct {
		from, to int
		text     string
	}
	var edits []edit
	done := map[int]bool{} // formatter calls already rewritten
	for _, l := range lits {
		if l.Pos.Filename != path || l.Wrapped || keep[l.Text] {
			continue
		}
		v, ok := dict[l.Text]
		switch _, plural := v.(map[string]any); {
		case !ok:
			notes = append(notes, fmt.Sprintf("%s:%d: %q is not in the dictionary", path, l.Pos.Line, l.Text))
			continue
		case plural:
			notes = append(notes, fmt.Sprintf("%s:%d: %q has plural forms: use i18n.N(key, count, args...)", path, l.Pos.Line, l.Text))
			continue
		}
		switch l.Via {
		case "fmt.Sprintf", "fmt.Errorf":
			if done[l.ViaPos.Offset] {
				continue
			}
			done[l.ViaPos.Offset] = true
			name := map[string]string{"fmt.Sprintf": "i18n.Tf", "fmt.Errorf": "i18n.Errorf"}[l.Via]
			edits = append(edits, edit{l.ViaPos.Offset, l.ViaEnd.Offset, name})
		default:
			edits = append(edits, edit{l.Pos.Offset, l.End.Offset, "i18n.T(" + string(src[l.Pos.Offset:l.End.Offset]) + ")"})
		}
	}
	if len(edits) == 0 {
		return notes, nil
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].from > edits[j].from })
	out := src
	for _, e := range edits {
		out = append(out[:e.from:e.from], append([]byte(e.text), out[e.to:]...)...)
	}
	out, err = fixImports(path, out)
	if err != nil {
		return notes, err
	}
	return notes, os.WriteFile(path, out, 0o644)
}

// fixImports adds the i18n import and drops fmt and errors if unused.
func fixImports(path string, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ImportsOnly)
	if err != nil {
		return nil, err
	}
	has := false
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == ImportPath {
			has = true
		}
	}
	if !has {
		if len(f.Imports) == 0 {
			return nil, fmt.Errorf("%s: no import block to add %s to", path, ImportPath)
		}
		last := f.Imports[len(f.Imports)-1]
		at := fset.Position(last.End()).Offset
		src = append(src[:at:at], append([]byte("\n\t\""+ImportPath+"\""), src[at:]...)...)
	}
	full, err := parser.ParseFile(token.NewFileSet(), path, src, 0)
	if err != nil {
		return nil, err
	}
	for _, pkg := range []string{"fmt", "errors"} {
		if !uses(full, pkg) {
			src = bytes.Replace(src, []byte("\t\""+pkg+"\"\n"), nil, 1)
		}
	}
	return src, nil
}

func uses(f *ast.File, pkg string) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == pkg {
				found = true
			}
		}
		return !found
	})
	return found
}
