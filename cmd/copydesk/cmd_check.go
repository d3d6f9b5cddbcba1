package main

import (
	"errors"
	"fmt"
	"strings"

	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

func init() {
	register(command{"check", "ID [--rev N] [--json] [--rules FILE] [--add-word WORD] | --set-rules FILE | --print-rules",
		"check spelling, house style and length limits; keep the desk dictionary and house-style rules", cmdCheck})
}

// checkJSON is what `check --json` prints.
type checkJSON struct {
	ID       string `json:"id"`
	Revision uint64 `json:"revision"`
	Rules    string `json:"rules"`
	check.Report
}

// cmdCheck: copydesk check ID [--rev N] [--json] [--rules FILE] [--add-word WORD]
// or copydesk check --set-rules FILE
func cmdCheck(e *env, args []string) error {
	fs := e.newFlags("check")
	rev := fs.Uint64("rev", 0, "check revision `N` instead of the working draft")
	asJSON := fs.Bool("json", false, "print the findings and limits as JSON")
	rulesFile := fs.String("rules", "", "check with this house-style rules `FILE` (YAML) instead of the desk's")
	setRules := fs.String("set-rules", "", "validate a house-style rules `FILE` (YAML) and keep it as the desk's")
	addWord := fs.String("add-word", "", "add `WORD` to the desk dictionary first")
	printRules := fs.Bool("print-rules", false, "print the desk's house-style rules file (or the built-in one for --style) to start editing from")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if *setRules != "" || *addWord != "" || *printRules {
		if err := needArgs(pos, 0, 1, "ID"); err != nil {
			return err
		}
	} else if err := needArgs(pos, 1, 1, "article ID"); err != nil {
		return err
	}
	var fileRules *check.Rules
	if *rulesFile != "" {
		if fileRules, err = loadRulesFile(*rulesFile); err != nil {
			return err
		}
	}
	if *printRules && len(pos) == 0 && *setRules == "" && *addWord == "" && e.storeURL == "" {
		if found, err := badgerstore.Exists(e.dbDir); err == nil && !found {
			// No desk yet: its rules are the built-in ones.
			data, err := check.BuiltinSource(builtinFor(e.style))
			if err == nil {
				_, err = e.io.out.Write(data)
			}
			return err
		}
	}
	with := e.withReader
	if *setRules != "" || *addWord != "" {
		with = e.withStore // they write the desk's settings
	}
	return with(func(s storage.Store) error {
		if *setRules != "" {
			data, err := readInput(*setRules)
			if err != nil {
				return err
			}
			r, err := check.SaveRules(e.ctx, s, *setRules, data)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.io.err, "the desk's house style is now %s (%s)\n", ruleSetName(r), *setRules)
		}
		if *addWord != "" {
			if strings.ContainsAny(*addWord, " \t\n") || strings.TrimSpace(*addWord) == "" {
				return usagef("--add-word takes one word, not %q", *addWord)
			}
			if _, err := check.AddDeskWord(e.ctx, s, *addWord); err != nil {
				return err
			}
			fmt.Fprintf(e.io.err, "added %q to the desk dictionary\n", *addWord)
		}
		if *printRules {
			data, err := s.Setting(e.ctx, check.RulesSetting)
			if errors.Is(err, storage.ErrNotFound) {
				data, err = check.BuiltinSource(builtinFor(e.style))
			}
			if err != nil {
				return err
			}
			if _, err := e.io.out.Write(data); err != nil {
				return err
			}
		}
		if len(pos) == 0 {
			return nil
		}
		a, seq, err := loadArticle(e, s, pos[0], *rev)
		if err != nil {
			return err
		}
		rules := fileRules
		if rules == nil {
			if rules, err = check.LoadRules(e.ctx, s, string(e.style)); err != nil {
				return err
			}
		}
		desk, err := check.LoadDesk(e.ctx, s)
		if err != nil {
			return err
		}
		c := &check.Checker{Rules: rules, Speller: check.NewSpeller(nil, desk)}
		rep := c.Check(a)
		if rep.Notice != "" {
			fmt.Fprintln(e.io.err, "copydesk check:", rep.Notice)
		}
		if *asJSON {
			if rep.Findings == nil {
				rep.Findings = []check.Finding{}
			}
			return writeJSON(e, checkJSON{ID: a.ID, Revision: seq, Rules: ruleSetName(rules), Report: rep})
		}
		printReport(e, rep)
		return nil
	})
}

// builtinFor names the built-in rules for a dateline style.
func builtinFor(s editor.Style) string {
	if s == editor.StyleTASS {
		return "tass"
	}
	return "ap"
}

func loadRulesFile(file string) (*check.Rules, error) {
	data, err := readInput(file)
	if err != nil {
		return nil, err
	}
	return check.Load(file, data)
}

func ruleSetName(r *check.Rules) string {
	if r.Name != "" {
		return r.Name
	}
	return r.File
}

// printReport writes the limits on one line, then one finding a line.
func printReport(e *env, rep check.Report) {
	w := e.io.out
	if len(rep.Limits) > 0 {
		parts := make([]string, len(rep.Limits))
		for i, l := range rep.Limits {
			parts[i] = l.Label()
			if l.Over() {
				parts[i] += " — OVER"
			}
		}
		fmt.Fprintln(w, "limits: "+strings.Join(parts, ", "))
	}
	spelling := 0
	for _, f := range rep.Findings {
		fmt.Fprintln(w, f)
		if f.Kind == check.KindSpelling {
			spelling++
		}
	}
	fmt.Fprintf(w, "%s (%d spelling, %d style)\n", editor.Plural(len(rep.Findings), "finding"), spelling, len(rep.Findings)-spelling)
	if over := rep.Over(); len(over) > 0 {
		fmt.Fprintf(w, "over the section's limit: the story cannot be set to %s without an override\n", editor.StatusReady.Label())
	}
}
