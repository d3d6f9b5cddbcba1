package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"copydesk/storage"
	"copydesk/storage/keyfile"
	"copydesk/storage/pgstore"
)

// envStore names the shared store when --store is not given.
const envStore = "COPYDESK_STORE"

// The desk is either an embedded Badger directory (--db, $COPYDESK_DB, the
// default) or a shared PostgreSQL store (--store, $COPYDESK_STORE). A flag
// beats the environment; two choices at the same level are a usage error,
// because guessing which one the user meant could write to the wrong desk.
func (e *env) chooseStore(dbFlag, storeFlag string) error {
	dbEnv, storeEnv := e.getenv("COPYDESK_DB"), e.getenv(envStore)
	switch {
	case dbFlag != "" && storeFlag != "":
		return usagef("both --db %s and --store were given: --db is an embedded desk, --store a shared one; give one", dbFlag)
	case storeFlag != "":
		e.storeURL = storeFlag
	case dbFlag != "":
		return nil
	case dbEnv != "" && storeEnv != "":
		return usagef("both COPYDESK_DB and %s are set: unset one, or choose with --db DIR or --store URL", envStore)
	default:
		e.storeURL = storeEnv
	}
	if e.storeURL == "" {
		return nil
	}
	if !isStoreURL(e.storeURL) {
		return usagef("--store (or %s) %q is not a postgres:// or postgresql:// URL", envStore, redactURL(e.storeURL))
	}
	return nil
}

// isStoreURL reports whether s names a PostgreSQL store rather than a
// directory: migrate takes either.
func isStoreURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// redactURL is the URL as it may be shown: without the password (in the
// user part or as a password= parameter). A URL that does not parse is
// cut at its last "@", so whatever was before it is not shown either.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		if i := strings.LastIndex(s, "@"); i >= 0 {
			return "…@" + s[i+1:]
		}
		return s
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// urlPassword is the password a URL carries, "" when none.
func urlPassword(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	if p, ok := u.User.Password(); ok {
		return p
	}
	return u.Query().Get("password")
}

// openShared opens the PostgreSQL store named by u. A failure names the
// server (never the password) and what to check.
func openShared(ctx context.Context, u string, logger *slog.Logger) (storage.Store, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	// A URL naming a primary and its standbys lets the library read from
	// a standby that has caught up (pgstore.Options.StandbyReads).
	s, err := pgstore.Open(ctx, u, pgstore.Options{Logger: logger, StandbyReads: manyHosts(u)})
	if err != nil {
		return nil, &storeError{url: u, err: err}
	}
	return s, nil
}

// storeError is a failure to open a shared store. Its text never holds the
// URL's password, even where the driver's message repeats it.
type storeError struct {
	url string
	err error
}

func (e *storeError) Error() string {
	msg := e.err.Error()
	if p := urlPassword(e.url); p != "" {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
	}
	hint := "check that the server is running and reachable from here, that the database exists, and the user name and password (in the URL, $PGPASSWORD or ~/.pgpass)"
	if errors.Is(e.err, storage.ErrSchema) {
		hint = "use a Copydesk as new as the one that last wrote it"
	}
	if strings.Contains(msg, pgstore.Redact(e.url)) { // the store's message names it already
		return fmt.Sprintf("cannot open the shared store: %s; %s", msg, hint)
	}
	return fmt.Sprintf("cannot open the shared store %s: %s; %s", redactURL(e.url), msg, hint)
}

func (e *storeError) Unwrap() error { return e.err }

// location is what to call the desk in messages and Help › About.
func (e *env) location() string {
	if e.storeURL != "" {
		return redactURL(e.storeURL)
	}
	return e.dbDir
}

// encrypted reports whether the desk is an encrypted Badger directory. A
// shared store is protected by its server (TLS, roles), not by a key
// header, so it never is.
func (e *env) encrypted() (bool, error) {
	if e.storeURL != "" {
		return false, nil
	}
	return keyfile.Exists(e.dbDir)
}

// badgerOnly are the commands that work on a desk directory's files and
// have no meaning for a shared store, with what to do instead.
var badgerOnly = map[string]string{
	"init":       "a shared store creates its tables when first opened; to fill it from a desk directory use copydesk migrate --from DIR --to URL",
	"passphrase": "a shared store has no passphrase: the server's roles and TLS protect it",
	"restore":    "restore the backup into a new directory (copydesk restore FILE --db DIR), then copydesk migrate --from DIR --to URL",
}

// storeAllows refuses a command that cannot work on the chosen store.
func (e *env) storeAllows(command string) error {
	if e.storeURL == "" {
		return nil
	}
	if why, ok := badgerOnly[command]; ok {
		return usagef("%s works on a desk directory (--db), not on the shared store %s: %s", command, redactURL(e.storeURL), why)
	}
	return nil
}

// manyHosts reports whether the store's URL names more than one server
// (postgres://h1:p1,h2:p2/db, or host=h1,h2). Fallbacks alone do not say
// so: sslmode=prefer adds one per host, without TLS.
func manyHosts(u string) bool {
	cfg, err := pgconn.ParseConfig(u)
	if err != nil {
		return false // Open reports the URL's problem
	}
	seen := map[string]bool{net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port))): true}
	for _, f := range cfg.Fallbacks {
		seen[net.JoinHostPort(f.Host, strconv.Itoa(int(f.Port)))] = true
	}
	return len(seen) > 1
}
