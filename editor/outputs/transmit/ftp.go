package transmit

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/textproto"
	"path"

	"github.com/jlaffaye/ftp"
)

// putFTP uploads data into the URL's directory as name, as putSFTP does:
// under a hidden temporary name, then renamed, beside (never over) a file
// of that name. Plain FTP sends the password in clear: the README says
// to keep it to networks the desk trusts.
func putFTP(ctx context.Context, t Target, name string, data []byte, cfg Config) (string, error) {
	host := t.URL.Host
	if t.URL.Port() == "" {
		host = net.JoinHostPort(t.URL.Hostname(), "21")
	}
	c, err := ftp.Dial(host, ftp.DialWithContext(ctx), ftp.DialWithTimeout(cfg.timeout()))
	if err != nil {
		return "", fmt.Errorf("FTP %s: %v", t, err)
	}
	defer func() { _ = c.Quit() }()
	user, pw := "anonymous", cfg.Password
	if t.URL.User != nil {
		user = t.URL.User.Username()
		if p, ok := t.URL.User.Password(); ok {
			pw = p
		}
	}
	if err := c.Login(user, pw); err != nil {
		if isCode(err, 530) {
			return "", permanent(fmt.Errorf("FTP %s: login refused (check the user and password)", t))
		}
		return "", fmt.Errorf("FTP %s: %v", t, err)
	}
	dir := t.URL.Path
	if dir == "" {
		dir = "."
	}
	// SIZE answers 550 for a file that is not there.
	final, err := freeName(dir, name, func(p string) (bool, error) {
		_, err := c.FileSize(p)
		if isCode(err, 550) {
			return false, nil
		}
		return err == nil, err
	})
	if err != nil {
		return "", fmt.Errorf("FTP %s: %v", t, err)
	}
	tmp := path.Join(dir, "."+path.Base(final)+".tmp")
	if err := c.Stor(tmp, bytes.NewReader(data)); err != nil {
		if isCode(err, 550) || isCode(err, 553) {
			return "", permanent(fmt.Errorf("FTP %s: cannot write %s: %v", t, tmp, err))
		}
		return "", fmt.Errorf("FTP %s: writing %s: %v", t, tmp, err)
	}
	if err := c.Rename(tmp, final); err != nil {
		_ = c.Delete(tmp)
		return "", fmt.Errorf("FTP %s: renaming to %s: %v", t, final, err)
	}
	return t.String() + " " + final, nil
}

// isCode reports whether err is an FTP reply with that code.
func isCode(err error, code int) bool {
	te, ok := err.(*textproto.Error)
	return ok && te.Code == code
}
