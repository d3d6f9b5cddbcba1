package transmittest

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// FTPServer starts a minimal FTP server on loopback that serves root (a
// path in the URL is under root) for user "desk" with password "s3cret":
// just what an upload needs — USER, PASS, FEAT, TYPE, OPTS, EPSV, SIZE,
// STOR, RNFR/RNTO, DELE, QUIT. It returns its address. failStor makes
// that many STORs fail with 451 first (a server that fails, then
// recovers).
func FTPServer(t *testing.T, root string, failStor int) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &ftpServer{root: root, failStor: failStor}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() { defer wg.Done(); srv.serve(c) }()
		}
	}()
	return ln.Addr().String()
}

type ftpServer struct {
	root     string
	mu       sync.Mutex
	failStor int
}

// session is one control connection's state.
type session struct {
	srv      *ftpServer
	w        *bufio.Writer
	user     string
	loggedIn bool
	data     net.Listener
	renaming string
}

func (s *session) reply(code int, msg string) {
	fmt.Fprintf(s.w, "%d %s\r\n", code, msg)
	s.w.Flush()
}

func (srv *ftpServer) serve(c net.Conn) {
	defer c.Close()
	s := &session{srv: srv, w: bufio.NewWriter(c)}
	defer func() {
		if s.data != nil {
			s.data.Close()
		}
	}()
	s.reply(220, "copydesk test FTP")
	r := bufio.NewReader(c)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd, arg, _ := strings.Cut(strings.TrimRight(line, "\r\n"), " ")
		if !s.handle(strings.ToUpper(cmd), arg) {
			return
		}
	}
}

// handle answers one command; false ends the session.
func (s *session) handle(cmd, arg string) bool {
	switch cmd {
	case "USER":
		s.user = arg
		s.reply(331, "password please")
		return true
	case "PASS":
		if s.user == "desk" && arg == "s3cret" {
			s.loggedIn = true
			s.reply(230, "logged in")
		} else {
			s.reply(530, "login incorrect")
		}
		return true
	case "QUIT":
		s.reply(221, "bye")
		return false
	}
	if !s.loggedIn {
		s.reply(530, "log in first")
		return true
	}
	switch cmd {
	case "FEAT":
		fmt.Fprintf(s.w, "211-Features:\r\n SIZE\r\n211 End\r\n")
		s.w.Flush()
	case "TYPE", "OPTS":
		s.reply(200, "ok")
	case "EPSV":
		s.epsv()
	case "SIZE":
		if info, err := os.Stat(s.path(arg)); err == nil && info.Mode().IsRegular() {
			s.reply(213, fmt.Sprint(info.Size()))
		} else {
			s.reply(550, "no such file")
		}
	case "STOR":
		s.stor(arg)
	case "RNFR":
		s.renaming = s.path(arg)
		s.reply(350, "ready for RNTO")
	case "RNTO":
		if err := os.Rename(s.renaming, s.path(arg)); err != nil {
			s.reply(550, "rename failed")
		} else {
			s.reply(250, "renamed")
		}
	case "DELE":
		if err := os.Remove(s.path(arg)); err != nil {
			s.reply(550, "delete failed")
		} else {
			s.reply(250, "deleted")
		}
	default:
		s.reply(502, "not implemented")
	}
	return true
}

// path maps a path the client gives onto root.
func (s *session) path(p string) string {
	return filepath.Join(s.srv.root, filepath.FromSlash(filepath.Clean("/"+p)))
}

func (s *session) epsv() {
	if s.data != nil {
		s.data.Close()
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.reply(425, "cannot open a data connection")
		return
	}
	s.data = ln
	s.reply(229, fmt.Sprintf("Entering Extended Passive Mode (|||%d|)", ln.Addr().(*net.TCPAddr).Port))
}

func (s *session) stor(arg string) {
	if s.data == nil {
		s.reply(425, "EPSV first")
		return
	}
	ln := s.data
	s.data = nil
	defer ln.Close()
	s.srv.mu.Lock()
	fail := s.srv.failStor > 0
	if fail {
		s.srv.failStor--
	}
	s.srv.mu.Unlock()
	s.reply(150, "send it")
	conn, err := ln.Accept()
	if err != nil {
		s.reply(425, "no data connection")
		return
	}
	data, err := io.ReadAll(conn)
	conn.Close()
	switch {
	case err != nil:
		s.reply(426, "transfer aborted")
	case fail:
		s.reply(451, "local error in processing")
	case os.WriteFile(s.path(arg), data, 0o644) != nil:
		s.reply(553, "cannot write the file")
	default:
		s.reply(226, "stored")
	}
}
