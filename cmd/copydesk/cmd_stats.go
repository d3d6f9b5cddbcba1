package main

import (
	"fmt"

	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/keyfile"
)

func init() {
	register(command{"stats", "[--json]", "show the database's location, size on disk and counts", cmdStats})
}

// cmdStats: copydesk stats [--json]
func cmdStats(e *env, args []string) error {
	fs := e.newFlags("stats")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := e.parse(fs, args)
	if err != nil {
		return err
	}
	if err := needArgs(pos, 0, 0, ""); err != nil {
		return err
	}
	encrypted, err := e.encrypted()
	if err != nil {
		return err
	}
	return e.withReader(func(s storage.Store) error {
		st, err := s.Stats(e.ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e, struct {
				storage.Stats
				Encrypted bool `json:"encrypted"`
			}{st, encrypted})
		}
		enc := "no"
		if encrypted {
			enc = "yes (" + keyfile.FileName + ")"
		}
		fmt.Fprintf(e.io.out, "database:  %s\nsize:      %s (%d bytes)\narticles:  %d\nrevisions: %d\nschema:    %d\nencrypted: %s\n",
			st.Location, backup.SizeText(st.Bytes), st.Bytes, st.Articles, st.Revisions, st.Schema, enc)
		return nil
	})
}
