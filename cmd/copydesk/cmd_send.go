package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"copydesk/editor/outputs"
	"copydesk/editor/outputs/transmit"
	"copydesk/storage"
	"copydesk/storage/record"
)

func init() {
	register(command{"send", "ID --output PROFILE --to TARGET [--attempts N] [--wait D] [--break-embargo]",
		"send a story as an output profile to a hot folder, an http(s):// endpoint or an sftp:// or ftp:// server; each attempt and the exact bytes are recorded in its history", cmdSend})
}

// cmdSend: copydesk send ID --output PROFILE --to TARGET
func cmdSend(e *env, args []string) error {
	fs := e.newFlags("send")
	output := fs.String("output", "", "the output `PROFILE` to send (alert, urgent, story, web or the desk's own)")
	to := fs.String("to", "", "the `TARGET`: a hot folder (the file appears whole, by rename), http(s)://HOST/PATH (POST), sftp://USER@HOST[:PORT]/DIR or ftp://USER@HOST[:PORT]/DIR")
	force := fs.Bool("break-embargo", false, "send an embargoed story before its embargo (recorded in the story's history)")
	retry := retryFlags(fs)
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 1, "article ID"); err != nil {
		return err
	}
	if *output == "" || *to == "" {
		return usagef("send needs --output PROFILE and --to TARGET")
	}
	target, err := transmit.ParseTarget(*to)
	if err != nil {
		return usagef("--to: %v", err)
	}
	policy, err := retry.policy()
	if err != nil {
		return err
	}
	return e.withStore(func(s storage.Store) error {
		ps, err := outputs.LoadDesk(e.ctx, s)
		if err != nil {
			return err
		}
		p := outputs.Find(ps, *output)
		if p == nil {
			return usagef("--output %q is not one of the desk's profiles: %s", *output, profileNames(ps))
		}
		a, opt, err := loadForExport(e, s, pos[0], 0)
		if err != nil {
			return err
		}
		if err := embargoGate(e, s, a, p.Format, *force); err != nil {
			return err
		}
		return e.sendOne(s, record.Outgoing{Article: a, Profile: p, Options: opt, Target: target, Policy: policy})
	})
}

// sendOne sends, telling stderr of each attempt, and prints where the
// story went (stdout) and the revision that records it.
func (e *env) sendOne(s storage.Store, o record.Outgoing) error {
	o.Author, o.Config = e.author, e.sendConfig()
	o.OnAttempt = func(a transmit.Attempt) {
		switch {
		case a.Error == "":
			fmt.Fprintf(e.io.err, "attempt %d: sent\n", a.N)
		case a.Wait > 0:
			fmt.Fprintf(e.io.err, "attempt %d: %s; trying again in %s\n", a.N, oneLine(errors.New(a.Error)), a.Wait)
		default:
			fmt.Fprintf(e.io.err, "attempt %d: %s\n", a.N, oneLine(errors.New(a.Error)))
		}
	}
	t, seq, err := record.Send(e.ctx, s, o)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.io.out, t.File)
	what := "sent " + o.Article.ID
	if o.Notice != "" {
		what = "sent the " + o.Notice + " notice of " + o.Article.ID
	}
	fmt.Fprintf(e.io.err, "%s as %s to %s; recorded as revision %d\n", what, o.Profile.Name, t.Target, seq)
	return nil
}

// retrySettings are send's --attempts and --wait.
type retrySettings struct {
	attempts *int
	wait     *time.Duration
}

func retryFlags(fs *flag.FlagSet) retrySettings {
	return retrySettings{
		attempts: fs.Int("attempts", transmit.DefaultPolicy.Attempts, fmt.Sprintf("try a target that fails up to `N` times (1 to %d)", transmit.MaxAttempts)),
		wait:     fs.Duration("wait", transmit.DefaultPolicy.Wait, "wait `D` before the second attempt; each further wait doubles (at most 1m)"),
	}
}

func (r retrySettings) policy() (transmit.Policy, error) {
	if *r.attempts < 1 || *r.attempts > transmit.MaxAttempts {
		return transmit.Policy{}, usagef("--attempts %d: give 1 to %d", *r.attempts, transmit.MaxAttempts)
	}
	if *r.wait < 0 {
		return transmit.Policy{}, usagef("--wait %s is negative", *r.wait)
	}
	p := transmit.DefaultPolicy
	p.Attempts, p.Wait = *r.attempts, *r.wait
	return p, nil
}

// sendConfig is the credentials and SSH trust a send takes from the
// environment (never from a flag, which other users could read in ps).
func (e *env) sendConfig() transmit.Config {
	c := transmit.Config{
		Password:   e.getenv("COPYDESK_SEND_PASSWORD"),
		Token:      e.getenv("COPYDESK_SEND_TOKEN"),
		KeyFile:    e.getenv("COPYDESK_SEND_KEY"),
		KnownHosts: e.getenv("COPYDESK_SEND_KNOWN_HOSTS"),
	}
	if c.KnownHosts == "" {
		if home := e.getenv("HOME"); home != "" {
			c.KnownHosts = filepath.Join(home, ".ssh", "known_hosts")
		}
	}
	return c
}

func init() {
	register(command{"sent", "ID [REV] [--json]",
		"list a story's transmissions, or print the exact bytes one sent (REV: the revision `send` recorded it as)", cmdSent})
}

// cmdSent: copydesk sent ID REV [--json]
func cmdSent(e *env, args []string) error {
	fs := e.newFlags("sent")
	asJSON := fs.Bool("json", false, "print the whole record (when, who, profile, target, result, bytes in base64) as JSON")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 2, "article ID"); err != nil {
		return err
	}
	if len(pos) == 1 {
		return e.withReader(func(s storage.Store) error { return listSent(e, s, pos[0], *asJSON) })
	}
	seq, err := strconv.ParseUint(pos[1], 10, 64)
	if err != nil || seq == 0 {
		return usagef("REV must be a revision number, not %q", pos[1])
	}
	return e.withReader(func(s storage.Store) error {
		t, err := record.LoadTransmission(e.ctx, s, pos[0], seq)
		if errors.Is(err, storage.ErrNotFound) {
			return fmt.Errorf("revision %d of %s records no transmission (copydesk history %s lists them as sent or send failed)", seq, pos[0], pos[0])
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e, t)
		}
		_, err = e.io.out.Write(t.Bytes)
		return err
	})
}

// listSent lists the story's transmissions, newest first: revision,
// time, profile, target, attempts and result (--json: the records
// without their bytes).
func listSent(e *env, s storage.Store, id string, asJSON bool) error {
	all, err := record.Transmissions(e.ctx, s, id)
	if err != nil {
		return err
	}
	if asJSON {
		type row struct {
			Seq uint64 `json:"rev"`
			record.Transmission
			Bytes int `json:"bytes"`
		}
		rows := make([]row, 0, len(all))
		for _, t := range all {
			rows = append(rows, row{Seq: t.Seq, Transmission: *t.Transmission, Bytes: len(t.Bytes)})
		}
		return writeJSON(e, rows)
	}
	if len(all) == 0 {
		fmt.Fprintf(e.io.err, "%s was never sent\n", id)
		return nil
	}
	fmt.Fprintf(e.io.out, "%-4s %-20s %-8s %-9s %-8s %s\n", "REV", "TIME", "PROFILE", "NOTICE", "ATTEMPTS", "TARGET — RESULT")
	for _, t := range all {
		result := "sent"
		if !t.OK() {
			result = "FAILED: " + oneLine(errors.New(t.Error))
		}
		notice := t.Notice
		if notice == "" {
			notice = "-"
		}
		fmt.Fprintf(e.io.out, "%-4d %-20s %-8s %-9s %-8d %s — %s\n", t.Seq, t.Time.Local().Format("2006-01-02 15:04:05"),
			t.Profile, notice, max(len(t.Attempts), 1), t.Target, result)
	}
	return nil
}
