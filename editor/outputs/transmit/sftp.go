package transmit

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path"
	"strings"

	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// putSFTP uploads data into the URL's directory as name: written under a
// hidden temporary name, then renamed, so a watcher on the server sees
// the file whole. A file of that name already there is kept; the new one
// gets "-2", "-3" … as in a hot folder.
func putSFTP(ctx context.Context, t Target, name string, data []byte, cfg Config) (string, error) {
	conf, err := sshConfig(t, cfg)
	if err != nil {
		return "", err
	}
	host := t.URL.Host
	if t.URL.Port() == "" {
		host = net.JoinHostPort(t.URL.Hostname(), "22")
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", host)
	if err != nil {
		return "", fmt.Errorf("SFTP %s: %v", t, err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	sc, chans, reqs, err := ssh.NewClientConn(conn, host, conf)
	if err != nil {
		conn.Close()
		return "", sshError(t, err)
	}
	client := ssh.NewClient(sc, chans, reqs)
	defer client.Close()
	sf, err := sftp.NewClient(client)
	if err != nil {
		return "", fmt.Errorf("SFTP %s: the server has no SFTP subsystem: %v", t, err)
	}
	defer sf.Close()
	return upload(sf, t, name, data)
}

// upload writes the file beside its final name and renames it there.
func upload(sf *sftp.Client, t Target, name string, data []byte) (string, error) {
	dir := t.URL.Path
	if dir == "" {
		dir = "."
	}
	if info, err := sf.Stat(dir); err != nil {
		return "", permanent(fmt.Errorf("SFTP %s: folder %s: %v", t, dir, err))
	} else if !info.IsDir() {
		return "", permanent(fmt.Errorf("SFTP %s: %s is not a folder", t, dir))
	}
	final, err := freeName(dir, name, func(p string) (bool, error) {
		_, err := sf.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		return err == nil, err
	})
	if err != nil {
		return "", fmt.Errorf("SFTP %s: %v", t, err)
	}
	tmp := path.Join(dir, "."+path.Base(final)+".tmp")
	f, err := sf.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC)
	if err != nil {
		return "", fmt.Errorf("SFTP %s: creating %s: %v", t, tmp, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		_ = sf.Remove(tmp)
		return "", fmt.Errorf("SFTP %s: writing %s: %v", t, tmp, err)
	}
	if err := f.Close(); err != nil {
		_ = sf.Remove(tmp)
		return "", fmt.Errorf("SFTP %s: writing %s: %v", t, tmp, err)
	}
	// Plain SFTP rename refuses an existing target: a file that appeared
	// meanwhile is not overwritten.
	if err := sf.Rename(tmp, final); err != nil {
		_ = sf.Remove(tmp)
		return "", fmt.Errorf("SFTP %s: renaming to %s: %v", t, final, err)
	}
	return t.String() + " " + final, nil
}

// sshConfig is the login: the URL's password or cfg.Password, and the
// key in cfg.KeyFile; the server's key must be in cfg.KnownHosts.
func sshConfig(t Target, cfg Config) (*ssh.ClientConfig, error) {
	if cfg.KnownHosts == "" {
		return nil, permanent(fmt.Errorf("SFTP %s: no known_hosts file to check the server's key against (set COPYDESK_SEND_KNOWN_HOSTS or add the server to ~/.ssh/known_hosts)", t))
	}
	check, err := knownhosts.New(cfg.KnownHosts)
	if err != nil {
		return nil, permanent(fmt.Errorf("SFTP %s: known hosts %s: %v", t, cfg.KnownHosts, err))
	}
	var auth []ssh.AuthMethod
	if cfg.KeyFile != "" {
		pem, err := os.ReadFile(cfg.KeyFile)
		if err != nil {
			return nil, permanent(fmt.Errorf("SFTP %s: key file: %v", t, err))
		}
		signer, err := ssh.ParsePrivateKey(pem)
		if err != nil {
			return nil, permanent(fmt.Errorf("SFTP %s: key file %s: %v (an unencrypted key is needed)", t, cfg.KeyFile, err))
		}
		auth = append(auth, ssh.PublicKeys(signer))
	}
	pw, ok := t.URL.User.Password()
	if !ok {
		pw = cfg.Password
	}
	if pw != "" {
		auth = append(auth, ssh.Password(pw))
	}
	if len(auth) == 0 {
		return nil, permanent(fmt.Errorf("SFTP %s: no password or key (set COPYDESK_SEND_PASSWORD or COPYDESK_SEND_KEY)", t))
	}
	return &ssh.ClientConfig{User: t.URL.User.Username(), Auth: auth, HostKeyCallback: check, Timeout: cfg.timeout()}, nil
}

// sshError says why the SSH handshake failed; a refused login or an
// unknown key is permanent.
func sshError(t Target, err error) error {
	var keyErr *knownhosts.KeyError
	switch {
	case errors.As(err, &keyErr) && len(keyErr.Want) == 0:
		return permanent(fmt.Errorf("SFTP %s: the server's key is not in the known hosts file: add it (ssh-keyscan) after checking it", t))
	case errors.As(err, &keyErr):
		return permanent(fmt.Errorf("SFTP %s: the server's key has CHANGED from the one in the known hosts file: do not send until you know why", t))
	case strings.Contains(err.Error(), "unable to authenticate"):
		return permanent(fmt.Errorf("SFTP %s: login refused (check the user, password or key)", t))
	}
	return fmt.Errorf("SFTP %s: %v", t, err)
}
