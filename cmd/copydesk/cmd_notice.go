package main

import (
	"errors"
	"fmt"
	"time"

	"copydesk/editor"
	"copydesk/editor/outputs"
	"copydesk/editor/outputs/transmit"
	"copydesk/storage"
	"copydesk/storage/record"
)

func init() {
	const opts = " --reason WHY --note NOTE [--no-send] [--attempts N] [--wait D] [--break-embargo]"
	register(command{"kill", "ID" + opts,
		"kill a story subscribers have: a kill revision, and the kill notice sent to every target it went to", cmdKill})
	register(command{"withhold", "ID" + opts,
		"withhold a story subscribers have until a correction releases it: a withhold revision and notice to every target", cmdWithhold})
	register(command{"correct", "ID [FILE]" + opts,
		"correct a published or sent story (with FILE's copy, else the draft's): a correction revision, sent to every target", cmdCorrect})
}

func cmdKill(e *env, args []string) error     { return cmdAct(e, record.Kill, args) }
func cmdWithhold(e *env, args []string) error { return cmdAct(e, record.Withhold, args) }
func cmdCorrect(e *env, args []string) error  { return cmdAct(e, record.Correct, args) }

// cmdAct: copydesk kill|withhold|correct ID [FILE] --reason WHY --note NOTE
func cmdAct(e *env, act record.Action, args []string) error {
	fs := e.newFlags(string(act))
	reason := fs.String("reason", "", "`WHY`, for the desk's record (the revision's note; never sent)")
	note := fs.String("note", "", "the public `NOTE` subscribers get with the notice (or the correction)")
	noSend := fs.Bool("no-send", false, "record the decision without sending the notice")
	force := fs.Bool("break-embargo", false, "send the notice of an embargoed story before its embargo (recorded)")
	retry := retryFlags(fs)
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	maxArgs := 1
	if act == record.Correct {
		maxArgs = 2
	}
	if err := needArgs(pos, 1, maxArgs, "article ID"); err != nil {
		return err
	}
	if *reason == "" || *note == "" {
		return usagef("%s needs --reason WHY (for the record) and --note NOTE (for subscribers)", act)
	}
	policy, err := retry.policy()
	if err != nil {
		return err
	}
	id := pos[0]
	if !editor.ValidID(id) {
		return fmt.Errorf("%q is not an article ID (see copydesk list)", id)
	}
	d := record.Decision{Action: act, Reason: *reason, Note: *note, Author: e.author}
	return e.withStore(func(s storage.Store) error {
		if len(pos) == 2 {
			if d.Copy, err = e.correctedCopy(s, id, pos[1]); err != nil {
				return err
			}
		}
		rev, a, err := record.Act(e.ctx, s, id, d)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.io.out, "%s %s: revision %d\n", id, rev.Label, rev.Seq)
		if *noSend {
			return nil
		}
		return e.sendNotices(s, a, act, policy, *force)
	})
}

// correctedCopy is FILE read as a revision of the story's draft.
func (e *env) correctedCopy(s storage.Store, id, file string) (*editor.Article, error) {
	data, err := readInput(file)
	if err != nil {
		return nil, err
	}
	d, err := s.Draft(e.ctx, id)
	if err != nil {
		return nil, err
	}
	y := 0
	if day, ok := d.Article.Dateline.Day(); ok {
		y = day.Year()
	}
	update, err := parseInput(e, file, data, editor.ImportOptions{Year: y})
	if err != nil {
		return nil, err
	}
	return editor.Revise(d.Article, update, time.Now()), nil
}

// sendNotices sends the story, as it now stands, to every target it went
// to before, each as the profile it went as. Every send is recorded; the
// first failure is returned after all were tried.
func (e *env) sendNotices(s storage.Store, a *editor.Article, act record.Action, policy transmit.Policy, force bool) error {
	targets, err := record.SentTargets(e.ctx, s, a.ID)
	if err != nil {
		return err
	}
	if len(targets) == 0 {
		fmt.Fprintf(e.io.err, "%s was never sent: no notice to send\n", a.ID)
		return nil
	}
	ps, err := outputs.LoadDesk(e.ctx, s)
	if err != nil {
		return err
	}
	var first error
	fail := func(err error) {
		fmt.Fprintf(e.io.err, "copydesk %s: %v\n", act, oneLine(err))
		if first == nil {
			first = err
		}
	}
	for _, t := range targets {
		p := outputs.Find(ps, t.Profile)
		if p == nil {
			fail(fmt.Errorf("%s went to %s as %q, which is no longer one of the desk's profiles: send the notice with copydesk send", a.ID, t.Target, t.Profile))
			continue
		}
		target, err := transmit.ParseTarget(t.Target)
		if err != nil {
			fail(err)
			continue
		}
		if err := embargoGate(e, s, a, p.Format, force); err != nil {
			fail(err)
			continue
		}
		// Loaded after the gate, which may have filed a revision.
		loaded, opt, err := loadForExport(e, s, a.ID, 0)
		if err != nil {
			return err
		}
		o := record.Outgoing{Article: loaded, Profile: p, Options: opt, Target: target, Policy: policy, Notice: act.Notice()}
		if err := e.sendOne(s, o); err != nil {
			fail(err)
		}
	}
	if first != nil {
		return errors.New("not every notice went out (each attempt is in the story's history): send the rest with copydesk send")
	}
	return nil
}
