package keyfile

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzUnlock reads made-up and damaged key headers: no panic, and no key
// from any header but the one sealed with the passphrase. Headers asking
// for a costly KDF are skipped (the bounds check is what TestTamperedHeader
// covers); the rest run argon2id for real. (Fuzz workers seal their own
// header, so the seed's key is not known here: only the passphrase is.)
func FuzzUnlock(f *testing.F) {
	dir := f.TempDir()
	key := NewKey()
	if err := Seal(dir, []byte("fuzz"), key, fastParams); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, "fuzz")
	f.Add(good, "fuzz\n")
	f.Add([]byte(`{"format":"copydesk-key/1","kdf":"argon2id","params":{"time":1,"memory_kib":8,"threads":1}}`), "")
	f.Add([]byte(`{}`), "x")
	path := filepath.Join(dir, FileName)
	f.Fuzz(func(t *testing.T, data []byte, pass string) {
		var h header
		if json.Unmarshal(data, &h) == nil && (h.Params.Time > 2 || h.Params.MemoryKiB > 1024 || h.Params.Threads > 4) {
			t.Skip("a costly KDF: bounded by Params.check, not worth the fuzzer's time")
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := Unlock(dir, []byte(pass))
		if err == nil && (pass != "fuzz" || len(got) != KeyBytes) {
			t.Fatalf("Unlock gave key %x for passphrase %q: only the sealed passphrase may unlock", got, pass)
		}
	})
}
