package main

import (
	"fmt"
	"os"
)

// refuseOverwrite is the one rule for every command that writes a file the
// user names (backup FILE, export -o FILE, diff -o FILE; export --all checks
// each name it will write): an existing file is replaced only with --force,
// so a typo cannot silently destroy last week's export or backup.
func refuseOverwrite(path string, force bool) error {
	if force {
		return nil
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s exists: choose another name, or --force to replace it", path)
	}
	return nil
}
