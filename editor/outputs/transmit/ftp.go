package transmit

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/textproto"
	"path"
	"strings"

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
	final, err := ftpFreeName(c, dir, name)
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

// ftpFreeName is dir/name, or dir/stem-N.ext for the first N the server
// does not know (SIZE answers 550 for a file that is not there).
func ftpFreeName(c *ftp.ServerConn, dir, name string) (string, error) {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= 1000; i++ {
		p := path.Join(dir, name)
		if i > 1 {
			p = path.Join(dir, fmt.Sprintf("%s-%d%s", stem, i, ext))
		}
		_, err := c.FileSize(p)
		if isCode(err, 550) {
			return p, nil
		}
		if err != nil {
			return "", err
		}
	}
	return "", fmt.Errorf("folder %s already holds 1000 files named %s…: clear it", dir, stem)
}

// isCode reports whether err is an FTP reply with that code.
func isCode(err error, code int) bool {
	te, ok := err.(*textproto.Error)
	return ok && te.Code == code
}
