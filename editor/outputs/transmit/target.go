// Package transmit delivers the bytes of a rendered story to a target —
// a hot folder, an HTTP(S) endpoint (POST), an SFTP or an FTP server — and
// retries a failed delivery with backoff, telling the caller of every
// attempt. It knows no Fyne and no store: the command line calls it, the
// window runs it in a goroutine, and storage/record files the result.
package transmit

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
)

// Kind is the way a target is reached.
type Kind string

// The kinds of target.
const (
	Folder Kind = "folder"
	HTTP   Kind = "http"
	SFTP   Kind = "sftp"
	FTP    Kind = "ftp"
)

// Target is where a story is sent: a folder, or a URL.
type Target struct {
	Kind Kind
	// Dir is the folder of a Folder target.
	Dir string
	// URL is the endpoint of an HTTP or SFTP target, with its user and
	// password as typed (see String for the form that may be shown).
	URL *url.URL
}

// ParseTarget reads a target as typed after --to: "http://…" or
// "https://…" (POST), "sftp://user@host:port/dir", "ftp://user@host/dir",
// or else a folder.
func ParseTarget(s string) (Target, error) {
	if strings.TrimSpace(s) == "" {
		return Target{}, fmt.Errorf("no target: give a folder, an http(s):// URL or an sftp:// URL")
	}
	scheme, _, ok := strings.Cut(s, "://")
	if !ok {
		return Target{Kind: Folder, Dir: filepath.Clean(s)}, nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return Target{}, fmt.Errorf("target %q is not a URL: %v", redactRaw(s), redactErr(err))
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		if u.Host == "" {
			return Target{}, fmt.Errorf("target %s has no host", Redact(u))
		}
		return Target{Kind: HTTP, URL: u}, nil
	case "sftp":
		if u.Hostname() == "" || u.User == nil || u.User.Username() == "" {
			return Target{}, fmt.Errorf("target %s needs a user and a host: sftp://USER@HOST[:PORT]/DIR", Redact(u))
		}
		return Target{Kind: SFTP, URL: u}, nil
	case "ftp":
		if u.Hostname() == "" {
			return Target{}, fmt.Errorf("target %s has no host", Redact(u))
		}
		return Target{Kind: FTP, URL: u}, nil
	case "ftps":
		return Target{}, fmt.Errorf("target %s: FTPS is not supported; use sftp://USER@HOST/DIR or an https:// endpoint", Redact(u))
	}
	return Target{}, fmt.Errorf("target %s: unknown scheme %q; use a folder, http(s)://, sftp:// or ftp://", Redact(u), scheme)
}

// String is the target as it may be shown and recorded: a URL without
// its password (the user is kept: it says which account received it).
func (t Target) String() string {
	if t.Kind == Folder {
		return t.Dir
	}
	return Redact(t.URL)
}

// Redact is u without its password and query (a token may hide there).
func Redact(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	if c.User != nil {
		c.User = url.User(c.User.Username())
	}
	if c.RawQuery != "" {
		c.RawQuery = "…"
	}
	c.Fragment = ""
	return c.String()
}

// redactRaw hides what follows "user:" up to "@" in a URL that did not
// parse.
func redactRaw(s string) string {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return s
	}
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		if user, _, ok := strings.Cut(rest[:at], ":"); ok {
			rest = user + ":…" + rest[at:]
		}
	}
	return scheme + "://" + rest
}

// redactErr is a url.Parse error without the URL it quotes.
func redactErr(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
