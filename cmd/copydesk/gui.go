package main

import (
	"errors"
	"fmt"

	"copydesk/app"
	"copydesk/storage"
)

// runGUI opens the window on the desk's database. A database held by
// another Copydesk is reported in a dialog by the app, then we exit.
func runGUI(e *env) int {
	s, err := e.openStore()
	if err != nil {
		if errors.Is(err, storage.ErrLocked) {
			app.ShowFatal("Copydesk is already open", err)
		} else {
			fmt.Fprintln(e.io.err, "copydesk:", oneLine(err))
		}
		return exitUser
	}
	defer s.Close()
	if err := app.Run(app.Config{Store: s, DBDir: e.dbDir}); err != nil {
		fmt.Fprintln(e.io.err, "copydesk:", oneLine(err))
		return exitUser
	}
	return exitOK
}
