package main

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"copydesk/editor/outputs"
	"copydesk/storage"
	"copydesk/storage/record"
)

func init() {
	register(command{"send", "ID --output PROFILE --to FOLDER [--break-embargo]",
		"send a story as an output profile to a hot folder; the exact bytes are recorded in its history", cmdSend})
}

// cmdSend: copydesk send ID --output PROFILE --to FOLDER
func cmdSend(e *env, args []string) error {
	fs := e.newFlags("send")
	output := fs.String("output", "", "the output `PROFILE` to send (alert, urgent, story, web or the desk's own)")
	to := fs.String("to", "", "the hot `FOLDER` the file is dropped into (it appears whole, by rename)")
	force := fs.Bool("break-embargo", false, "send an embargoed story before its embargo (recorded in the story's history)")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 1, 1, "article ID"); err != nil {
		return err
	}
	if *output == "" || *to == "" {
		return usagef("send needs --output PROFILE and --to FOLDER")
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
		data, err := p.Render(a, opt)
		if err != nil {
			return err
		}
		t := record.Transmission{Time: time.Now().UTC(), Author: e.author, Profile: p.Name,
			Format: string(p.Format), Target: *to, Bytes: data}
		path, sendErr := outputs.SendToFolder(*to, p.FileName(a), data)
		t.File = path
		if sendErr != nil {
			t.Error = sendErr.Error()
		}
		seq, err := record.Transmit(e.ctx, s, a.ID, t)
		if err != nil {
			return fmt.Errorf("recording the transmission: %w", err)
		}
		if sendErr != nil {
			return fmt.Errorf("%w (the failure is recorded as revision %d)", sendErr, seq)
		}
		fmt.Fprintln(e.io.out, path)
		fmt.Fprintf(e.io.err, "sent %s as %s to %s; recorded as revision %d\n", a.ID, p.Name, *to, seq)
		return nil
	})
}

func init() {
	register(command{"sent", "ID REV [--json]",
		"print the exact bytes a transmission sent (REV: the revision `send` recorded it as)", cmdSent})
}

// cmdSent: copydesk sent ID REV [--json]
func cmdSent(e *env, args []string) error {
	fs := e.newFlags("sent")
	asJSON := fs.Bool("json", false, "print the whole record (when, who, profile, target, result, bytes in base64) as JSON")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 2, 2, "article ID and revision"); err != nil {
		return err
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
