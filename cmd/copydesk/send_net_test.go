package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"copydesk/editor/outputs/transmit/transmittest"
	"copydesk/storage/badgerstore"
	"copydesk/storage/record"
)

// flaky is an HTTP endpoint on loopback that fails its first n POSTs
// with 503 and keeps the bodies it took.
type flaky struct {
	mu   sync.Mutex
	fail int
	got  [][]byte
}

func (f *flaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail > 0 {
		f.fail--
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.got = append(f.got, body)
	w.WriteHeader(http.StatusCreated)
}

// TestSendHTTPRetries: an endpoint that fails twice then takes the story:
// send shows each attempt, exits 0, and the recorded bytes are the bytes
// the endpoint received; one that keeps failing exits 1 naming the status
// and the URL, and the failure is on record with its attempts.
func TestSendHTTPRetries(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	f := &flaky{fail: 2}
	srv := httptest.NewServer(f)
	defer srv.Close()
	url := srv.URL + "/wire"
	code, _, errs := d.run("send", id, "--output", "story", "--to", url, "--wait", "0")
	if code != exitOK {
		t.Fatalf("send: exit %d, %s", code, errs)
	}
	if strings.Count(errs, "503 Service Unavailable") != 2 || !strings.Contains(errs, "attempt 3: sent") || !strings.Contains(errs, url) {
		t.Errorf("stderr does not show the attempts:\n%s", errs)
	}
	seq := seqFrom(t, errs)
	if len(f.got) != 1 {
		t.Fatalf("the endpoint took %d stories", len(f.got))
	}
	if out := d.ok("sent", id, strconv.FormatUint(seq, 10)); out != string(f.got[0]) {
		t.Errorf("the recorded bytes differ from what the endpoint received")
	}

	f.fail = 99
	code, _, errs = d.run("send", id, "--output", "alert", "--to", url, "--wait", "0", "--attempts", "2")
	if code != exitUser || !strings.Contains(errs, "503 Service Unavailable") || !strings.Contains(errs, url) ||
		!strings.Contains(errs, "2 attempts") || !strings.Contains(errs, "recorded as revision") {
		t.Errorf("a failing endpoint: exit %d, %s", code, errs)
	}
	if code, _, _ := d.run("send", id, "--output", "alert", "--to", url, "--attempts", "0"); code != exitUsage {
		t.Errorf("--attempts 0: exit %d", code)
	}
	if code, _, errs := d.run("send", id, "--output", "alert", "--to", "ftps://u:pw@host/in"); code != exitUsage || strings.Contains(errs, "pw@") {
		t.Errorf("an ftps target: exit %d, %s", code, errs)
	}
	s, err := badgerstore.Open(d.db, badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	all, err := record.Transmissions(context.Background(), s, id)
	s.Close()
	if err != nil || len(all) != 2 || all[0].OK() || len(all[0].Attempts) != 2 || len(all[1].Attempts) != 3 {
		t.Errorf("on record: %d transmissions, %v", len(all), err)
	}

	list := d.ok("sent", id)
	if !strings.Contains(list, url+" — sent") || !strings.Contains(list, url+" — FAILED: POST "+url) || strings.Count(list, "\n") != 3 {
		t.Errorf("sent ID lists:\n%s", list)
	}
	if out := d.ok("sent", id, "--json"); !strings.Contains(out, `"attempts": [`) || strings.Contains(out, `"bytes": "`) {
		t.Errorf("sent ID --json carries the attempts and not the bytes:\n%.400s", out)
	}

	// The draft against what the endpoint has: the same story, so no change.
	if out := d.ok("diff", id, "sent:"+url, "draft"); !strings.Contains(out, "sent to "+url+" as story") || !strings.Contains(out, "0 words added, 0 removed") {
		t.Errorf("diff sent:URL draft:\n%s", out)
	}
	if code, _, errs := d.run("diff", id, "sent:/nowhere", "draft"); code != exitUser || !strings.Contains(errs, "no transmission") {
		t.Errorf("diff against a target never sent to: exit %d, %s", code, errs)
	}
}

// TestSendSFTP: a send to an SFTP server on loopback lands whole in its
// folder; the password comes from the environment and is never printed.
func TestSendSFTP(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	addr, known := transmittest.SFTPServer(t)
	dir := t.TempDir()
	d.env["COPYDESK_SEND_PASSWORD"] = "s3cret"
	d.env["COPYDESK_SEND_KNOWN_HOSTS"] = known
	code, out, errs := d.run("send", id, "--output", "web", "--to", "sftp://desk@"+addr+dir)
	if code != exitOK || strings.Contains(out+errs, "s3cret") {
		t.Fatalf("send: exit %d, %s%s", code, out, errs)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("the server's folder holds %d files", len(entries))
	}
	got, _ := os.ReadFile(filepath.Join(dir, entries[0].Name()))
	if sent := d.ok("sent", id, strconv.FormatUint(seqFrom(t, errs), 10)); sent != string(got) {
		t.Errorf("recorded %d bytes, the server holds %d", len(sent), len(got))
	}
	d.env["COPYDESK_SEND_PASSWORD"] = "wrong"
	code, _, errs = d.run("send", id, "--output", "web", "--to", "sftp://desk@"+addr+dir, "--wait", "0")
	if code != exitUser || !strings.Contains(errs, "login refused") || strings.Contains(errs, "attempt 2") {
		t.Errorf("a wrong password: exit %d, %s", code, errs)
	}
}

// TestSendFTP: a send to an FTP server on loopback that fails once lands
// on the second attempt; the recorded bytes are the bytes it holds.
func TestSendFTP(t *testing.T) {
	d := newDesk(t)
	id := d.importFixture()
	root := t.TempDir()
	addr := transmittest.FTPServer(t, root, 1)
	d.env["COPYDESK_SEND_PASSWORD"] = "s3cret"
	code, out, errs := d.run("send", id, "--output", "urgent", "--to", "ftp://desk@"+addr+"/", "--wait", "0")
	if code != exitOK || !strings.Contains(errs, "451") || !strings.Contains(errs, "attempt 2: sent") || strings.Contains(out+errs, "s3cret") {
		t.Fatalf("send: exit %d, %s%s", code, out, errs)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Fatalf("the server's folder holds %d files", len(entries))
	}
	got, _ := os.ReadFile(filepath.Join(root, entries[0].Name()))
	if sent := d.ok("sent", id, strconv.FormatUint(seqFrom(t, errs), 10)); sent != string(got) {
		t.Errorf("recorded %d bytes, the server holds %d", len(sent), len(got))
	}
}
