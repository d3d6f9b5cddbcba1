package main

import (
	"fmt"
	"strings"

	"copydesk/editor"
	"copydesk/editor/outputs"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
)

func init() {
	register(command{"outputs", "[--set FILE] [--print]",
		"list the desk's output profiles (alert, urgent, story, web ...) and their length limits; keep a profiles file (YAML)", cmdOutputs})
}

// cmdOutputs: copydesk outputs [--set FILE] [--print]
func cmdOutputs(e *env, args []string) error {
	fs := e.newFlags("outputs")
	set := fs.String("set", "", "validate an output profiles `FILE` (YAML) and keep it as the desk's")
	printFile := fs.Bool("print", false, "print the desk's profiles file (or the built-in profiles as one) to start editing from")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, 0, ""); err != nil {
		return err
	}
	if *set == "" && e.storeURL == "" {
		if found, err := badgerstore.Exists(e.dbDir); err == nil && !found {
			// No desk yet: its profiles are the built-in ones.
			return showProfiles(e, outputs.Builtins(), *printFile)
		}
	}
	with := e.withReader
	if *set != "" {
		with = e.withStore
	}
	return with(func(s storage.Store) error {
		if *set != "" {
			data, err := readInput(*set)
			if err != nil {
				return err
			}
			ps, err := outputs.SaveDesk(e.ctx, s, *set, data)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.io.err, "the desk's output profiles are now %s (%s)\n", profileNames(ps), *set)
		}
		if *printFile {
			data, err := outputs.DeskSource(e.ctx, s)
			if err == nil {
				_, err = e.io.out.Write(data)
			}
			return err
		}
		if *set != "" {
			return nil
		}
		ps, err := outputs.LoadDesk(e.ctx, s)
		if err != nil {
			return err
		}
		return showProfiles(e, ps, false)
	})
}

// showProfiles lists the profiles one a line, or prints them as a file.
func showProfiles(e *env, ps []outputs.Profile, asFile bool) error {
	if asFile {
		_, err := e.io.out.Write(outputs.Marshal(ps))
		return err
	}
	for i := range ps {
		fmt.Fprintln(e.io.out, ps[i].Describe())
	}
	return nil
}

func profileNames(ps []outputs.Profile) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// outputJSON is one profile's counts in `check --json`.
type outputJSON struct {
	Profile string              `json:"profile"`
	Format  string              `json:"format"`
	Limits  []editor.LimitCount `json:"limits"`
	Over    bool                `json:"over"`
}

// outputCounts measures the article against the desk's profiles: only the
// one named output when it is not "".
func outputCounts(e *env, s storage.Store, a *editor.Article, output string) ([]outputJSON, error) {
	ps, err := outputs.LoadDesk(e.ctx, s)
	if err != nil {
		return nil, err
	}
	if output != "" {
		p := outputs.Find(ps, output)
		if p == nil {
			return nil, usagef("--output %q is not one of the desk's profiles: %s", output, profileNames(ps))
		}
		ps = []outputs.Profile{*p}
	}
	out := make([]outputJSON, len(ps))
	for i := range ps {
		c := ps[i].Counts(a)
		if c == nil {
			c = []editor.LimitCount{}
		}
		out[i] = outputJSON{Profile: ps[i].Name, Format: string(ps[i].Format), Limits: c, Over: len(editor.OverLimits(c)) > 0}
	}
	return out, nil
}

// printOutputs writes one line a profile: every count for the profile
// asked for (all), else only the profiles the story overruns.
func printOutputs(e *env, outs []outputJSON, all bool) {
	for _, o := range outs {
		if !all && !o.Over {
			continue
		}
		parts := make([]string, 0, len(o.Limits))
		for _, l := range o.Limits {
			if !all && !l.Over() {
				continue
			}
			part := l.Label()
			if l.Over() {
				part += " — OVER"
			}
			parts = append(parts, part)
		}
		if len(parts) == 0 {
			parts = append(parts, "no limits")
		}
		fmt.Fprintf(e.io.out, "output %s (%s): %s\n", o.Profile, o.Format, strings.Join(parts, ", "))
	}
}
