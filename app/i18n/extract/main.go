// Command extract lists the window text in app/ that the Russian
// dictionary lacks, and with -all every textual literal outside the known
// sinks (for review). Run from the repository root:
//
//	go run ./app/i18n/extract           # missing keys, one per line, as JSON
//	go run ./app/i18n/extract -all      # plus literals the heuristics skip
//	go run ./app/i18n/extract -unwrapped # window text not yet passed through i18n
//	go run ./app/i18n/extract -wrap app/library  # rewrite a folder's files to use i18n
//
// -wrap rewrites what is mechanical (a literal becomes i18n.T("…"),
// fmt.Sprintf with a text format i18n.Tf, fmt.Errorf i18n.Errorf) and
// prints what needs a person: plurals and text missing from the dictionary.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"copydesk/app/i18n/internal/scan"
)

func main() {
	root := flag.String("root", "app", "the directory to scan")
	core := flag.String("core", "editor/check", "the core's folder whose findings' message formats the window translates (\"\": none)")
	dict := flag.String("dict", "app/i18n/translations/ru.json", "the Russian dictionary")
	all := flag.Bool("all", false, "also list textual literals outside the known sinks")
	unwrapped := flag.Bool("unwrapped", false, "list window text not passed through an i18n helper")
	wrap := flag.String("wrap", "", "rewrite the Go files in this folder (not below it) to pass their window text through i18n")
	flag.Parse()
	var err error
	if *wrap != "" {
		err = wrapDir(*wrap, *dict)
	} else {
		err = run(*root, *core, *dict, *all, *unwrapped)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "extract:", err)
		os.Exit(1)
	}
}

func run(root, core, dictPath string, all, unwrapped bool) error {
	res, err := scan.Dir(root)
	if err != nil {
		return err
	}
	if core != "" {
		formats, err := scan.CoreFormats(core)
		if err != nil {
			return err
		}
		res.Literals = append(res.Literals, formats...)
	}
	dict, err := scan.LoadDict(dictPath)
	if err != nil {
		return err
	}
	keep, err := scan.LoadKeep(scan.KeepPath(dictPath))
	if err != nil {
		return err
	}
	if unwrapped {
		for _, l := range res.Literals {
			if !l.Wrapped && !keep[l.Text] {
				fmt.Printf("%s: %s(%q)\n", l.Pos, l.Sink, l.Text)
			}
		}
		return nil
	}
	missing := map[string]string{}
	for _, l := range res.Literals {
		if _, ok := dict[l.Text]; !ok && !keep[l.Text] {
			missing[l.Text] = fmt.Sprintf("%s %s", l.Pos, l.Sink)
		}
	}
	keys := make([]string, 0, len(missing))
	for k := range missing {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		q, _ := json.Marshal(k)
		fmt.Printf("  %s: \"\",   // %s\n", q, missing[k])
	}
	if all {
		// Dictionary text outside every sink reaches the window through a
		// variable (a table, a constant, a field): wrap it where it is
		// shown, or mark it with i18n.Key where it is written.
		fmt.Println("# dictionary text outside the known sinks, not wrapped:")
		for _, o := range res.Others {
			if _, ok := dict[o.Text]; ok && !keep[o.Text] {
				fmt.Printf("%s: in %s: %q\n", o.Pos, o.In, o.Text)
			}
		}
		fmt.Println("# other textual literals outside the known sinks:")
		for _, o := range res.Others {
			if _, ok := dict[o.Text]; ok || keep[o.Text] {
				continue
			}
			fmt.Printf("%s: in %s: %q\n", o.Pos, o.In, o.Text)
		}
	}
	return nil
}

// wrapDir rewrites the non-test Go files directly in dir.
func wrapDir(dir, dictPath string) error {
	res, err := scan.Dir(dir)
	if err != nil {
		return err
	}
	dict, err := scan.LoadDict(dictPath)
	if err != nil {
		return err
	}
	keep, err := scan.LoadKeep(scan.KeepPath(dictPath))
	if err != nil {
		return err
	}
	files := map[string]bool{}
	for _, l := range res.Literals {
		if filepath.Dir(l.Pos.Filename) == filepath.Clean(dir) {
			files[l.Pos.Filename] = true
		}
	}
	names := make([]string, 0, len(files))
	for f := range files {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		notes, err := scan.Wrap(f, res.Literals, dict, keep)
		for _, n := range notes {
			fmt.Println("TODO", n)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
