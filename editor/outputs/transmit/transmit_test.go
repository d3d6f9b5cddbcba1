package transmit

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"copydesk/editor/outputs/transmit/transmittest"
)

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in      string
		kind    Kind
		shown   string
		problem string
	}{
		{"/srv/hot", Folder, "/srv/hot", ""},
		{"out/../hot/", Folder, "hot", ""},
		{"https://wire.example/in?token=abc", HTTP, "https://wire.example/in?…", ""},
		{"http://bob:pw@wire.example/in", HTTP, "http://bob@wire.example/in", ""},
		{"sftp://desk:s3cret@host:2222/in", SFTP, "sftp://desk@host:2222/in", ""},
		{"sftp://host/in", "", "", "needs a user"},
		{"ftp://u:pw@host/in", FTP, "ftp://u@host/in", ""},
		{"ftps://u:pw@host/in", "", "", "FTPS is not supported"},
		{"gopher://host/", "", "", "unknown scheme"},
		{"http:///nohost", "", "", "no host"},
		{"", "", "", "no target"},
	}
	for _, tt := range tests {
		got, err := ParseTarget(tt.in)
		if tt.problem != "" {
			if err == nil || !strings.Contains(err.Error(), tt.problem) || strings.Contains(err.Error(), "pw") {
				t.Errorf("ParseTarget(%q) = %v, want an error about %q without the password", tt.in, err, tt.problem)
			}
			continue
		}
		if err != nil || got.Kind != tt.kind || got.String() != tt.shown {
			t.Errorf("ParseTarget(%q) = %v %q, %v; want %v %q", tt.in, got.Kind, got.String(), err, tt.kind, tt.shown)
		}
	}
}

func TestPolicyWaits(t *testing.T) {
	got := DefaultPolicy.Waits()
	want := []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second}
	if len(got) != len(want) {
		t.Fatalf("DefaultPolicy.Waits() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("wait %d = %v, want %v", i+1, got[i], want[i])
		}
	}
	if n := len((Policy{Attempts: 99, Wait: time.Second, MaxWait: 3 * time.Second}).Waits()); n != MaxAttempts-1 {
		t.Errorf("99 attempts gave %d waits, want the cap %d", n, MaxAttempts-1)
	}
	if w := (Policy{Attempts: 5, Wait: time.Second, MaxWait: 3 * time.Second}).Waits(); w[3] != 3*time.Second {
		t.Errorf("waits %v not capped at 3s", w)
	}
}

// noWait is a policy that retries at once (and records what it waited).
func noWait(attempts int, waited *[]time.Duration) Policy {
	return Policy{Attempts: attempts, Wait: time.Second, Sleep: func(_ context.Context, d time.Duration) error {
		*waited = append(*waited, d)
		return nil
	}}
}

// wire is an HTTP endpoint on loopback that answers with the statuses
// given in turn (200 once they run out) and keeps what it received.
type wire struct {
	mu       sync.Mutex
	statuses []int
	got      [][]byte
	auth     []string
	names    []string
}

func (w *wire) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	w.mu.Lock()
	defer w.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	w.got = append(w.got, body)
	w.auth = append(w.auth, r.Header.Get("Authorization"))
	w.names = append(w.names, r.Header.Get("Content-Disposition"))
	status := http.StatusOK
	if len(w.statuses) > 0 {
		status, w.statuses = w.statuses[0], w.statuses[1:]
	}
	if r.Method != http.MethodPost {
		status = http.StatusMethodNotAllowed
	}
	rw.WriteHeader(status)
	_, _ = rw.Write([]byte("status page\n"))
}

// TestSendHTTPFailsThenRecovers: two 503s, then the endpoint takes the
// story; every attempt is reported, and the bytes received are the bytes
// sent.
func TestSendHTTPFailsThenRecovers(t *testing.T) {
	w := &wire{statuses: []int{503, 503}}
	srv := httptest.NewServer(w)
	defer srv.Close()
	target, err := ParseTarget(srv.URL + "/in")
	if err != nil {
		t.Fatal(err)
	}
	var seen []Attempt
	var waited []time.Duration
	data := []byte("Quake hits Tokyo\n")
	r := Send(context.Background(), target, "quake.alert.txt", data, Config{Token: "t0k"}, noWait(4, &waited), nil,
		func(a Attempt) { seen = append(seen, a) })
	if r.Err != nil || len(r.Attempts) != 3 || len(seen) != 3 {
		t.Fatalf("Send = %+v, seen %d attempts", r, len(seen))
	}
	if !strings.Contains(seen[0].Error, "503 Service Unavailable") || !strings.Contains(seen[0].Error, srv.URL+"/in") ||
		seen[0].Wait != time.Second || seen[1].Wait != 2*time.Second || seen[2].Error != "" {
		t.Errorf("attempts %+v: want two 503s naming the URL, waits 1s and 2s, then success", seen)
	}
	if len(waited) != 2 {
		t.Errorf("waited %v", waited)
	}
	if string(w.got[2]) != string(data) || w.auth[2] != "Bearer t0k" || !strings.Contains(w.names[2], `filename=quake.alert.txt`) {
		t.Errorf("the endpoint got %q (auth %q, %q)", w.got[2], w.auth[2], w.names[2])
	}
}

// TestSendHTTPPermanent: a 403 is not retried; running out of attempts on
// 500s reports the last error and how many attempts were made; a
// password in the URL goes as basic auth and never into a message.
func TestSendHTTPPermanent(t *testing.T) {
	w := &wire{statuses: []int{403, 500, 500, 500}}
	srv := httptest.NewServer(w)
	defer srv.Close()
	u := strings.Replace(srv.URL, "http://", "http://bob:hunter2@", 1) + "/in"
	target, err := ParseTarget(u)
	if err != nil {
		t.Fatal(err)
	}
	var waited []time.Duration
	r := Send(context.Background(), target, "x.txt", []byte("x"), Config{}, noWait(4, &waited), nil, nil)
	if r.Err == nil || len(r.Attempts) != 1 || !strings.Contains(r.Err.Error(), "403 Forbidden") || !IsPermanent(r.Err) {
		t.Errorf("a 403: %+v", r)
	}
	if w.auth[0] == "" || strings.Contains(r.Err.Error(), "hunter2") {
		t.Errorf("basic auth %q; error %v", w.auth[0], r.Err)
	}
	r = Send(context.Background(), target, "x.txt", []byte("x"), Config{}, noWait(3, &waited), nil, nil)
	if r.Err == nil || len(r.Attempts) != 3 || !strings.Contains(r.Err.Error(), "500 Internal Server Error") ||
		!strings.Contains(r.Err.Error(), "3 attempts") {
		t.Errorf("three 500s: %+v", r)
	}
	// Nothing listening.
	srv.Close()
	r = Send(context.Background(), target, "x.txt", []byte("x"), Config{}, noWait(2, &waited), nil, nil)
	if r.Err == nil || len(r.Attempts) != 2 || strings.Contains(r.Err.Error(), "hunter2") {
		t.Errorf("a closed endpoint: %+v", r)
	}
}

// TestSendSFTP: an upload lands whole under its name (the next one beside
// it, not over it); a wrong password and an unknown server key are
// refused without retrying.
func TestSendSFTP(t *testing.T) {
	addr, known := transmittest.SFTPServer(t)
	dir := t.TempDir()
	target, err := ParseTarget("sftp://desk@" + addr + dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Password: "s3cret", KnownHosts: known}
	var waited []time.Duration
	data := []byte("<nitf/>\n")
	for i, want := range []string{"quake.story.xml", "quake.story-2.xml"} {
		r := Send(context.Background(), target, "quake.story.xml", data, cfg, noWait(2, &waited), nil, nil)
		if r.Err != nil || !strings.HasSuffix(r.Where, filepath.Join(dir, want)) {
			t.Fatalf("upload %d: %+v", i+1, r)
		}
		if got, err := os.ReadFile(filepath.Join(dir, want)); err != nil || string(got) != string(data) {
			t.Errorf("the server holds %q, %v", got, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the folder holds %d files, want 2 (no temporary left)", len(entries))
	}
	r := Send(context.Background(), target, "x.txt", data, Config{Password: "wrong", KnownHosts: known}, noWait(3, &waited), nil, nil)
	if r.Err == nil || len(r.Attempts) != 1 || !strings.Contains(r.Err.Error(), "login refused") || strings.Contains(r.Err.Error(), "wrong") {
		t.Errorf("a wrong password: %+v", r)
	}
	other := filepath.Join(t.TempDir(), "known_hosts")
	_ = os.WriteFile(other, nil, 0o600)
	r = Send(context.Background(), target, "x.txt", data, Config{Password: "s3cret", KnownHosts: other}, noWait(3, &waited), nil, nil)
	if r.Err == nil || len(r.Attempts) != 1 || !strings.Contains(r.Err.Error(), "not in the known hosts") {
		t.Errorf("an unknown server: %+v", r)
	}
	missing, _ := ParseTarget("sftp://desk@" + addr + dir + "/gone")
	r = Send(context.Background(), missing, "x.txt", data, cfg, noWait(3, &waited), nil, nil)
	if r.Err == nil || len(r.Attempts) != 1 || !strings.Contains(r.Err.Error(), "gone") {
		t.Errorf("a missing folder: %+v", r)
	}
}

// TestSendFolderRetriesStop: a folder that is not there is a permanent
// failure; a cancelled context stops the retries.
func TestSendFolderAndCancel(t *testing.T) {
	target, _ := ParseTarget(filepath.Join(t.TempDir(), "gone"))
	var waited []time.Duration
	r := Send(context.Background(), target, "x.txt", nil, Config{}, noWait(4, &waited), nil, nil)
	if r.Err == nil || len(r.Attempts) != 1 {
		t.Errorf("a missing folder: %+v", r)
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	fail := func(context.Context, Target, string, []byte, Config) (string, error) {
		calls++
		cancel()
		return "", io.ErrUnexpectedEOF
	}
	r = Send(ctx, target, "x.txt", nil, Config{}, Policy{Attempts: 4, Wait: time.Hour}, fail, nil)
	if r.Err == nil || calls != 1 {
		t.Errorf("cancelled: %d calls, %+v", calls, r)
	}
}

// TestSendFTP: an FTP server that fails a STOR once, then takes the file:
// it lands whole under its name on the second attempt, the next one
// beside it; a wrong password is refused without retrying.
func TestSendFTP(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "in"), 0o755); err != nil {
		t.Fatal(err)
	}
	addr := transmittest.FTPServer(t, root, 1)
	target, err := ParseTarget("ftp://desk@" + addr + "/in")
	if err != nil {
		t.Fatal(err)
	}
	var waited []time.Duration
	data := []byte("Quake hits Tokyo\n")
	r := Send(context.Background(), target, "quake.alert.txt", data, Config{Password: "s3cret"}, noWait(3, &waited), nil, nil)
	if r.Err != nil || len(r.Attempts) != 2 || !strings.Contains(r.Attempts[0].Error, "451") || !strings.HasSuffix(r.Where, "/in/quake.alert.txt") {
		t.Fatalf("Send = %+v", r)
	}
	r = Send(context.Background(), target, "quake.alert.txt", data, Config{Password: "s3cret"}, noWait(3, &waited), nil, nil)
	if r.Err != nil || !strings.HasSuffix(r.Where, "/in/quake.alert-2.txt") {
		t.Fatalf("second send = %+v", r)
	}
	for _, name := range []string{"quake.alert.txt", "quake.alert-2.txt"} {
		if got, err := os.ReadFile(filepath.Join(root, "in", name)); err != nil || string(got) != string(data) {
			t.Errorf("%s holds %q, %v", name, got, err)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(root, "in")); len(entries) != 2 {
		t.Errorf("the folder holds %d files, want 2 (no temporary left)", len(entries))
	}
	r = Send(context.Background(), target, "x.txt", data, Config{Password: "wrong"}, noWait(3, &waited), nil, nil)
	if r.Err == nil || len(r.Attempts) != 1 || !strings.Contains(r.Err.Error(), "login refused") || strings.Contains(r.Err.Error(), "wrong") {
		t.Errorf("a wrong password: %+v", r)
	}
}
