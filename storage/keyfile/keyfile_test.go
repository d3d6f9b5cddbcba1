package keyfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fastParams keep the tests quick; DefaultParams are measured by
// BenchmarkDerive.
var fastParams = Params{Time: 1, MemoryKiB: 64, Threads: 1}

func TestSealUnlock(t *testing.T) {
	dir := t.TempDir()
	key := NewKey()
	if ok, _ := Exists(dir); ok {
		t.Fatal("Exists before Seal")
	}
	if err := Seal(dir, []byte("correct horse"), key, fastParams); err != nil {
		t.Fatal(err)
	}
	if ok, _ := Exists(dir); !ok {
		t.Fatal("no header after Seal")
	}
	got, err := Unlock(dir, []byte("correct horse"))
	if err != nil || !bytes.Equal(got, key) {
		t.Fatalf("Unlock: %x, %v; want %x", got, err, key)
	}
	st, _ := os.Stat(filepath.Join(dir, FileName))
	if st.Mode().Perm() != 0o600 {
		t.Errorf("the header is %v, want 0600", st.Mode().Perm())
	}
	if err := Seal(dir, []byte("other"), NewKey(), fastParams); err == nil || !strings.Contains(err.Error(), "already encrypted") {
		t.Errorf("a second Seal: %v, want a refusal", err)
	}
}

func TestWrongPassphrase(t *testing.T) {
	dir := t.TempDir()
	if err := Seal(dir, []byte("correct horse"), NewKey(), fastParams); err != nil {
		t.Fatal(err)
	}
	for _, pass := range []string{"correct hors", "Correct horse", "correct horse ", "x"} {
		_, err := Unlock(dir, []byte(pass))
		var pe *PassphraseError
		if !errors.Is(err, ErrWrongPassphrase) || !errors.As(err, &pe) || !strings.Contains(err.Error(), "wrong passphrase for the encrypted database "+dir) {
			t.Errorf("passphrase %q: %v, want a wrong-passphrase error naming %s", pass, err, dir)
		}
	}
}

// TestTamperedHeader: a header whose parameters were changed does not
// unlock (they are bound to the wrapped key), and a damaged or hostile one
// is refused before any KDF runs with its numbers.
func TestTamperedHeader(t *testing.T) {
	dir := t.TempDir()
	if err := Seal(dir, []byte("pass"), NewKey(), fastParams); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	orig, _ := os.ReadFile(path)
	edit := func(fn func(h *header)) []byte {
		var h header
		if err := json.Unmarshal(orig, &h); err != nil {
			t.Fatal(err)
		}
		fn(&h)
		b, _ := json.Marshal(h)
		return b
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"time changed", edit(func(h *header) { h.Params.Time = 2 }), "wrong passphrase"},
		{"salt changed", edit(func(h *header) { h.Salt[0] ^= 1 }), "wrong passphrase"},
		{"wrapped key changed", edit(func(h *header) { h.Wrapped[3] ^= 1 }), "wrong passphrase"},
		{"huge memory", edit(func(h *header) { h.Params.MemoryKiB = 1 << 31 }), "damaged or hostile"},
		{"zero threads", edit(func(h *header) { h.Params.Threads = 0 }), "damaged or hostile"},
		// Each of these made every command derive for minutes in up to
		// 4 GiB before the old bounds (4 GiB, 64 passes, any threads)
		// let it through; refused before any key is derived.
		{"4 GiB", edit(func(h *header) { h.Params.MemoryKiB = 4 << 20 }), "damaged or hostile"},
		{"64 passes", edit(func(h *header) { h.Params.Time = 64 }), "damaged or hostile"},
		{"255 threads", edit(func(h *header) { h.Params.Threads = 255 }), "damaged or hostile"},
		{"a megabyte of header", append(edit(func(*header) {}), bytes.Repeat([]byte(" "), 1<<20)...), "over the limit"},
		{"short nonce", edit(func(h *header) { h.Nonce = h.Nonce[:4] }), "wrong length"},
		{"other kdf", edit(func(h *header) { h.KDF = "scrypt" }), `KDF "scrypt"`},
		{"not JSON", []byte("\x00\x01garbage"), "is damaged"},
		{"empty", nil, "is damaged"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := os.WriteFile(path, c.data, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Unlock(dir, []byte("pass"))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}

func TestSealRefusesBadInput(t *testing.T) {
	for name, c := range map[string]struct {
		pass, key []byte
		p         Params
	}{
		"empty passphrase": {nil, NewKey(), fastParams},
		"short key":        {[]byte("p"), make([]byte, 16), fastParams},
		"zero params":      {[]byte("p"), NewKey(), Params{}},
	} {
		if err := Seal(t.TempDir(), c.pass, c.key, c.p); err == nil {
			t.Errorf("%s: Seal accepted it", name)
		}
	}
}

// BenchmarkDerive measures the KDF at DefaultParams: what opening an
// encrypted desk costs before Badger starts.
func BenchmarkDerive(b *testing.B) {
	h := header{Params: DefaultParams, Salt: make([]byte, 16)}
	for b.Loop() {
		derive([]byte("correct horse battery staple"), h)
	}
}
