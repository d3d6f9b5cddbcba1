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
	register(command{"check", "ID [--rev N] [--json] [--rules FILE] [--output PROFILE] [--add-word WORD] | --set-rules FILE | --print-rules",
		"check spelling, house style, length limits and the output profiles' limits; keep the desk dictionary and house-style rules", cmdCheck})
}

// checkJSON is what `check --json` prints.
type checkJSON struct {
	ID       string `json:"id"`
	Revision uint64 `json:"revision"`
	Rules    string `json:"rules"`
	check.Report
	// Outputs are the story's counts against the desk's output profiles.
	Outputs []outputJSON `json:"outputs"`
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
	output := fs.String("output", "", "show the story's counts against output `PROFILE` (alert, urgent, story, web or the desk's own)")
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
			return printBuiltinRules(e)
		}
	}
	with := e.withReader
	if *setRules != "" || *addWord != "" {
		with = e.withStore // they write the desk's settings
	}
	run := checkRun{pos: pos, rev: *rev, asJSON: *asJSON, printRules: *printRules,
		setRules: *setRules, addWord: *addWord, fileRules: fileRules, output: *output}
	return with(func(s storage.Store) error { return run.on(e, s) })
}

// checkRun is what one copydesk check does, as its flags say.
type checkRun struct {
	pos                []string
	rev                uint64
	asJSON, printRules bool
	setRules, addWord  string
	fileRules          *check.Rules
	output             string // a profile name for --output; "" for all
}

// on changes the desk's checks, prints its rules, then checks the
// article, each as asked, on the open store s.
func (c checkRun) on(e *env, s storage.Store) error {
	if err := changeDeskChecks(e, s, c.setRules, c.addWord); err != nil {
		return err
	}
	if c.printRules {
		if err := printDeskRules(e, s); err != nil {
			return err
		}
	}
	if len(c.pos) == 0 {
		return nil
	}
	return checkArticle(e, s, c.pos[0], c.rev, c.fileRules, c.asJSON, c.output)
}

// changeDeskChecks keeps a rules file as the desk's (setRules, when not
// "") and adds a word to the desk dictionary (addWord, when not "").
func changeDeskChecks(e *env, s storage.Store, setRules, addWord string) error {
	if setRules != "" {
		data, err := readInput(setRules)
		if err != nil {
			return err
		}
		r, err := check.SaveRules(e.ctx, s, setRules, data)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.io.err, "the desk's house style is now %s (%s)\n", ruleSetName(r), setRules)
	}
	if addWord != "" {
		if strings.ContainsAny(addWord, " \t\n") || strings.TrimSpace(addWord) == "" {
			return usagef("--add-word takes one word, not %q", addWord)
		}
		if _, err := check.AddDeskWord(e.ctx, s, addWord); err != nil {
			return err
		}
		fmt.Fprintf(e.io.err, "added %q to the desk dictionary\n", addWord)
	}
	return nil
}

// printDeskRules prints the desk's rules file, or the built-in one for
// the style when the desk has none.
func printDeskRules(e *env, s storage.Store) error {
	data, err := s.Setting(e.ctx, check.RulesSetting)
	if errors.Is(err, storage.ErrNotFound) {
		data, err = check.BuiltinSource(builtinFor(e.style))
	}
	if err != nil {
		return err
	}
	_, err = e.io.out.Write(data)
	return err
}

// printBuiltinRules prints the built-in rules file for the style.
func printBuiltinRules(e *env) error {
	data, err := check.BuiltinSource(builtinFor(e.style))
	if err == nil {
		_, err = e.io.out.Write(data)
	}
	return err
}

// checkArticle checks the article (revision rev, 0 for the working draft)
// under fileRules, else the desk's rules, and prints the report.
// With output, it prints the counts for that output profile; without,
// the overruns of every profile.
func checkArticle(e *env, s storage.Store, id string, rev uint64, fileRules *check.Rules, asJSON bool, output string) error {
	a, seq, err := loadArticle(e, s, id, rev)
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
	outs, err := outputCounts(e, s, a, output)
	if err != nil {
		return err
	}
	if rep.Notice != "" {
		fmt.Fprintln(e.io.err, "copydesk check:", rep.Notice)
	}
	if asJSON {
		if rep.Findings == nil {
			rep.Findings = []check.Finding{}
		}
		return writeJSON(e, checkJSON{ID: a.ID, Revision: seq, Rules: ruleSetName(rules), Report: rep, Outputs: outs})
	}
	printOutputs(e, outs, output != "")
	printReport(e, rep)
	return nil
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
