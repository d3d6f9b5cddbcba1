package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/badgerstore"
)

// Exit codes: 0 success, 1 a user error (bad file, unknown ID, locked
// database …), 2 a usage error (unknown flag or command, missing argument).
const (
	exitOK    = 0
	exitUser  = 1
	exitUsage = 2
)

type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// env carries what every command needs: the global options and the streams.
type env struct {
	ctx    context.Context
	io     stdio
	getenv func(string) string
	dbDir  string
	// storeURL, when set, names the shared PostgreSQL store used instead
	// of the Badger desk in dbDir (store.go).
	storeURL string
	style    editor.Style
	author   string
	// logger, set for the window (log.go), is what the stores log to;
	// nil (the command line) leaves them on slog.Default, i.e. stderr.
	logger *slog.Logger
	// filling is set while a restore or migration fills the desk: it
	// opens a directory marked incomplete (storage/backup).
	filling bool
	// inbox is the wire inbox the window watches (--inbox DIR).
	inbox string
}

// command is one subcommand of copydesk.
type command struct {
	name    string
	args    string // synopsis after the name
	summary string
	run     func(e *env, args []string) error
}

// commands is every subcommand, in the order help lists them. Each file
// of this package registers its own commands with register, so a feature
// brings its command with it.
var commands []command

// commandOrder is the order of the help text; commands not named here are
// listed after, by name.
var commandOrder = []string{"import", "list", "show", "revise", "history", "status", "diff", "export",
	"check", "verify", "init", "passphrase", "backup", "restore", "migrate"}

func register(c command) {
	commands = append(commands, c)
	rank := func(name string) int {
		for i, n := range commandOrder {
			if n == name {
				return i
			}
		}
		return len(commandOrder)
	}
	sort.SliceStable(commands, func(i, j int) bool {
		ri, rj := rank(commands[i].name), rank(commands[j].name)
		if ri != rj {
			return ri < rj
		}
		return commands[i].name < commands[j].name
	})
}

func init() {
	register(command{"import", "[--year YYYY] [--author NAME] FILE...", "import wire copy, Markdown, NITF or ninjs files; prints one article ID a line", cmdImport})
	register(command{"list", "[--status S] [--tag T] [--search TEXT] [--json]", "list the library, newest change first", cmdList})
	register(command{"show", "ID [--rev N] [--json]", "show an article (its draft, or revision N)", cmdShow})
	register(command{"revise", "ID FILE [--label L] [--correction NOTE] [--author A]", "file a new revision of an article from a wire or Markdown file", cmdRevise})
	register(command{"history", "ID [--json]", "list an article's revisions", cmdHistory})
	register(command{"export", "ID [--rev N] --format F [-o FILE [--force]] [--break-embargo] [--desk-copy] | --all [--status S] --format F --dir OUT [--force]", "export articles as text, html, md, nitf or ninjs", cmdExport})
	register(command{"verify", "[--repair] [--head] [--json]", "check every revision chain and the search index; prints OK or the first problem, and with --head the desk's fingerprint", cmdVerify})
}

// usageError is a mistake in how a command was called: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

func run(ctx context.Context, args []string, io stdio, getenv func(string) string) int {
	e := &env{ctx: ctx, io: io, getenv: getenv}
	global := flag.NewFlagSet("copydesk", flag.ContinueOnError)
	global.SetOutput(io.err)
	global.StringVar(&e.dbDir, "db", "", "database directory (default $COPYDESK_DB, else "+defaultDBHint()+")")
	showVersion := global.Bool("version", false, "print the version and the commit this binary was built from")
	style := global.String("style", "", "dateline house style: tass, ap or reuters (default $COPYDESK_STYLE, else tass)")
	global.StringVar(&e.author, "author", "", "your name, for revisions (default $COPYDESK_AUTHOR, else your login name)")
	global.StringVar(&e.inbox, "inbox", "", "with no command: the window imports the files dropped into this wire inbox folder (see copydesk inbox)")
	storeURL := global.String("store", "", "a shared PostgreSQL store, postgres://USER@HOST:PORT/DATABASE, instead of --db (default $"+envStore+")")
	// The flag package calls Usage for -help too, before returning
	// ErrHelp: printing there as well wrote the usage twice (stderr and
	// stdout). Usage is printed below, once, where it belongs.
	global.Usage = func() {}
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			mainUsage(io.out, global)
			return exitOK
		}
		mainUsage(io.err, global) // Parse has printed what was wrong
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintln(io.out, "copydesk "+buildVersion())
		return exitOK
	}
	if err := e.chooseStore(e.dbDir, *storeURL); err != nil {
		fmt.Fprintln(io.err, "copydesk:", err)
		return exitUsage
	}
	if err := e.resolve(*style); err != nil {
		fmt.Fprintln(io.err, "copydesk:", err)
		return exitUsage
	}
	rest := global.Args()
	if len(rest) == 0 {
		return runGUI(e)
	}
	if e.inbox != "" {
		fmt.Fprintln(io.err, "copydesk: --inbox is for the window; on the command line use: copydesk inbox DIR")
		return exitUsage
	}
	if code, ok := docsCommand(e, rest); ok {
		return code
	}
	if rest[0] == "help" {
		if len(rest) > 1 {
			rest = []string{rest[1], "--help"}
		} else {
			mainUsage(io.out, global)
			return exitOK
		}
	}
	for _, c := range commands {
		if c.name != rest[0] {
			continue
		}
		err := e.storeAllows(c.name)
		if err == nil {
			err = c.run(e, rest[1:])
		}
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		}
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(io.err, "copydesk %s: %v\nusage: copydesk %s %s (see copydesk %s --help)\n", c.name, err, c.name, c.args, c.name)
			return exitUsage
		}
		fmt.Fprintf(io.err, "copydesk %s: %v\n", c.name, oneLine(err))
		return exitUser
	}
	fmt.Fprintf(io.err, "copydesk: unknown command %q (see copydesk --help)\n", rest[0])
	return exitUsage
}

// resolve fills the global options from flags, then the environment, then defaults.
func (e *env) resolve(style string) error {
	if e.dbDir == "" {
		e.dbDir = e.getenv("COPYDESK_DB")
	}
	if e.dbDir == "" {
		e.dbDir = defaultDBDir(e.getenv)
	}
	if style == "" {
		style = e.getenv("COPYDESK_STYLE")
	}
	e.style = editor.StyleTASS
	if style != "" {
		s, err := editor.ParseStyle(style)
		if err != nil {
			return err
		}
		e.style = s
	}
	if e.author == "" {
		e.author = e.getenv("COPYDESK_AUTHOR")
	}
	if e.author == "" {
		e.author = e.getenv("USER")
	}
	return nil
}

// defaultDBDir is the user's data directory: $XDG_DATA_HOME/copydesk, else
// ~/.local/share/copydesk.
func defaultDBDir(getenv func(string) string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "copydesk")
	}
	home := getenv("HOME")
	if home == "" {
		if h, err := os.UserHomeDir(); err == nil {
			home = h
		}
	}
	return filepath.Join(home, ".local", "share", "copydesk")
}

func defaultDBHint() string { return "~/.local/share/copydesk" }

func mainUsage(w io.Writer, global *flag.FlagSet) {
	fmt.Fprint(w, `Copydesk — the writing desk of a news agency in one window.

usage: copydesk [global options]                 open the window
       copydesk [global options] COMMAND [ARGS]  work from the command line

commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nglobal options:\n")
	printFlags(w, global)
	fmt.Fprint(w, "\nRun 'copydesk COMMAND --help' for a command's options.\n")
}

// newFlags makes a subcommand's flag set with a --help that prints the
// synopsis and options to stdout.
func (e *env) newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses flags that may come before, between or after positional
// arguments ("export ID --format text"), and returns the positionals.
func (e *env) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				e.commandHelp(fs)
				return nil, flag.ErrHelp
			}
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func (e *env) commandHelp(fs *flag.FlagSet) {
	w := e.io.out
	for _, c := range commands {
		if c.name == fs.Name() {
			fmt.Fprintf(w, "usage: copydesk [--db DIR | --store URL] %s %s\n\n%s.\n", c.name, c.args, editor.Capitalise(c.summary))
		}
	}
	has := false
	fs.VisitAll(func(*flag.Flag) { has = true })
	if has {
		fmt.Fprint(w, "\noptions:\n")
		printFlags(w, fs)
	}
}

// printFlags lists options the way they are typed here, with two dashes
// (the flag package accepts both, but prints one).
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		head := "  " + dash + f.Name
		if name != "" {
			head += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", head, strings.ReplaceAll(usage, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, " (default %q)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// openStore opens the desk's database, or the shared store (store.go).
func (e *env) openStore() (storage.Store, error) {
	if e.storeURL != "" {
		return e.openSharedStore()
	}
	if err := os.MkdirAll(e.dbDir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the database directory: %w", err)
	}
	key, err := e.databaseKey() // nil unless the directory has a key header (cmd_init.go)
	if err != nil {
		return nil, err
	}
	return e.openWithKey(key)
}

// openSharedStore opens the shared store, refusing one a migration into
// it did not finish.
func (e *env) openSharedStore() (storage.Store, error) {
	s, err := openShared(e.ctx, e.storeURL, e.logger)
	if err == nil && !e.filling {
		if err = backup.CheckStoreComplete(e.ctx, s, redactURL(e.storeURL)); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, err
}

// openWithKey opens the desk's database with its key (nil: not encrypted).
// Before an older schema is migrated, the whole directory is copied aside.
func (e *env) openWithKey(key []byte) (storage.Store, error) {
	if !e.filling {
		// A restore or migration into the directory did not finish.
		if err := backup.CheckComplete(e.dbDir); err != nil {
			return nil, err
		}
	}
	return badgerstore.Open(e.dbDir, badgerstore.Options{EncryptionKey: key, BeforeMigrate: e.backupBeforeMigrate, Logger: e.logger})
}

// withStore opens the store, runs fn and closes the store, keeping the
// first error.
func (e *env) withStore(fn func(s storage.Store) error) (err error) {
	s, err := e.openStore()
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	return fn(s)
}

// oneLine keeps error messages to one line on stderr.
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
}

// needArgs checks the number of positional arguments.
func needArgs(pos []string, min, max int, what string) error {
	if len(pos) < min {
		return usagef("missing %s", what)
	}
	if max >= 0 && len(pos) > max {
		return usagef("unexpected argument %q", pos[max])
	}
	return nil
}
