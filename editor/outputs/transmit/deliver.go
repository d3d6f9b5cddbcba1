package transmit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"copydesk/editor/outputs"
)

// Config is what a delivery needs besides the target: credentials that
// are not in the URL, the SSH trust, and the content type. Secrets live
// here and in the target's URL only; nothing here is printed or recorded.
type Config struct {
	// Password is used when the target's URL has none: HTTP basic auth
	// (with the URL's user), the SFTP or the FTP password.
	Password string
	// Token is sent as "Authorization: Bearer TOKEN" to an HTTP target
	// whose URL carries no user.
	Token string
	// KeyFile is an SSH private key (unencrypted, PEM or OpenSSH) for SFTP.
	KeyFile string
	// KnownHosts is the known_hosts file the SFTP server's key must be in.
	// There is no way to skip the check: an unknown server is refused.
	KnownHosts string
	// ContentType is the MIME type POSTed; "" is application/octet-stream.
	ContentType string
	// Timeout bounds one attempt; 0 is 60 seconds.
	Timeout time.Duration
	// Client, when set, is the HTTP client used (tests; a proxy).
	Client *http.Client
}

func (c Config) timeout() time.Duration {
	if c.Timeout <= 0 {
		return time.Minute
	}
	return c.Timeout
}

// PermanentError is a failure that another attempt would only repeat: a
// refused login, an unknown host key, a 4xx answer, a missing folder.
// Send does not retry it.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

func permanent(err error) error { return &PermanentError{Err: err} }

// IsPermanent reports whether err is not worth retrying.
func IsPermanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p)
}

// Deliver makes one attempt to deliver data to t under the file name
// name, and returns where it went (the file's path, or the URL and what
// the server answered with a Location).
func Deliver(ctx context.Context, t Target, name string, data []byte, cfg Config) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout())
	defer cancel()
	switch t.Kind {
	case Folder:
		where, err := outputs.SendToFolder(t.Dir, name, data)
		if err != nil && strings.HasPrefix(err.Error(), "hot folder ") {
			return "", permanent(err)
		}
		return where, err
	case HTTP:
		return postHTTP(ctx, t, name, data, cfg)
	case SFTP:
		return putSFTP(ctx, t, name, data, cfg)
	case FTP:
		return putFTP(ctx, t, name, data, cfg)
	}
	return "", permanent(fmt.Errorf("target %s: unknown kind %q", t, t.Kind))
}

// postHTTP POSTs data to the target's URL. A 2xx answer is a delivery;
// any other is an error naming the status and the URL (without secrets).
func postHTTP(ctx context.Context, t Target, name string, data []byte, cfg Config) (string, error) {
	u := *t.URL
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(data))
	if err != nil {
		return "", permanent(fmt.Errorf("POST %s: %v", t, redactErr(err)))
	}
	ct := cfg.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	switch {
	case u.User != nil:
		pw, ok := u.User.Password()
		if !ok {
			pw = cfg.Password
		}
		req.SetBasicAuth(u.User.Username(), pw)
	case cfg.Token != "":
		req.Header.Set("Authorization", "Bearer "+cfg.Token)
	}
	client := cfg.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("POST %s: %v", t, redactErr(err))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		err := fmt.Errorf("POST %s: the server answered %s%s", t, resp.Status, answer(body))
		if resp.StatusCode >= 400 && resp.StatusCode < 500 && resp.StatusCode != http.StatusRequestTimeout &&
			resp.StatusCode != http.StatusTooEarly && resp.StatusCode != http.StatusTooManyRequests {
			return "", permanent(err)
		}
		return "", err
	}
	if loc := resp.Header.Get("Location"); loc != "" {
		return t.String() + " (" + resp.Status + ", Location " + loc + ")", nil
	}
	return t.String() + " (" + resp.Status + ")", nil
}

// answer is the start of an error page, on one line, for the message.
func answer(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if s == "" {
		return ""
	}
	return ` ("` + s + `")`
}
