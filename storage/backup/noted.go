package backup

// The noted head: what a desk held when it was last backed up, restored
// or noted with `copydesk verify --head`, kept beside the database as
// copydesk.head. Chains only grow and articles are never deleted, so
// every article noted must still be there, with at least the revisions
// noted and the same newest hash then. `verify` checks that: a desk that
// lost articles or its newest revisions (to damage, a bug, or a hand
// behind the store's back) no longer verifies OK. On an encrypted desk
// the list is sealed with AES-256-GCM under a key derived from the desk's
// key, so it neither leaks the desk's articles nor can be rewritten
// without the passphrase.

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"copydesk/storage"
)

// NotedName is the file of the noted head in a desk directory.
const NotedName = "copydesk.head"

type noted struct {
	Format int          `json:"format"`
	Noted  time.Time    `json:"noted"`
	Why    string       `json:"why"`
	Head   storage.Head `json:"head"`
	// Newest is the list on a plain desk; on an encrypted one it is
	// Sealed (JSON, AES-256-GCM with Nonce) under the key KeyID names.
	Newest []storage.Newest `json:"newest,omitempty"`
	KeyID  string           `json:"key_id,omitempty"`
	Nonce  []byte           `json:"nonce,omitempty"`
	Sealed []byte           `json:"sealed,omitempty"`
}

// headOf walks s once for its head, keyed when s is an encrypted desk.
func headOf(ctx context.Context, s storage.Store) (*storage.HeadBuilder, []byte, error) {
	var deskKey, headKey []byte
	if ks, ok := s.(KeyedStore); ok && len(ks.EncryptionKey()) > 0 {
		deskKey = ks.EncryptionKey()
		var err error
		if headKey, err = storage.HeadKey(deskKey); err != nil {
			return nil, nil, err
		}
	}
	head := storage.NewHeadBuilder(headKey)
	names, err := SettingNames(ctx, s)
	if err != nil {
		return nil, nil, err
	}
	for _, name := range names {
		v, err := s.Setting(ctx, name)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("setting %s: %w", name, err)
		}
		head.Setting(name, v)
	}
	err = s.Dump(ctx, func(h storage.History) error {
		head.Article(h)
		return nil
	})
	return head, deskKey, err
}

// DeskHead is the head of the desk in s (`copydesk verify --head`): keyed
// when s is an encrypted desk, so it equals the head of a backup of it.
func DeskHead(ctx context.Context, s storage.Store) (storage.Head, error) {
	b, _, err := headOf(ctx, s)
	if err != nil {
		return storage.Head{}, err
	}
	return b.Head(), nil
}

// noteKeys are the sealing key of the noted list and the ID that tells
// which desk key made it.
func noteKeys(deskKey []byte) (cipher.AEAD, string, error) {
	k, err := hkdf.Key(sha256.New, deskKey, nil, "copydesk noted head v1", 32)
	if err != nil {
		return nil, "", err
	}
	id, err := hkdf.Key(sha256.New, deskKey, nil, "copydesk key id v1", 8)
	if err != nil {
		return nil, "", err
	}
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, "", err
	}
	gcm, err := cipher.NewGCM(block)
	return gcm, hex.EncodeToString(id), err
}

// NoteDesk notes the head of the desk s in its directory dir; why says
// what noted it ("backup to FILE").
func NoteDesk(ctx context.Context, s storage.Store, dir, why string) (storage.Head, error) {
	b, deskKey, err := headOf(ctx, s)
	if err != nil {
		return storage.Head{}, err
	}
	n := noted{Format: 1, Noted: time.Now().UTC().Round(time.Second), Why: why, Head: b.Head(), Newest: b.Newest()}
	if deskKey != nil {
		gcm, id, err := noteKeys(deskKey)
		if err != nil {
			return n.Head, err
		}
		list, err := json.Marshal(n.Newest)
		if err != nil {
			return n.Head, err
		}
		n.KeyID, n.Nonce, n.Newest = id, make([]byte, gcm.NonceSize()), nil
		if _, err := rand.Read(n.Nonce); err != nil {
			return n.Head, err
		}
		n.Sealed = gcm.Seal(nil, n.Nonce, list, []byte(n.KeyID))
	}
	js, err := json.MarshalIndent(n, "", " ")
	if err != nil {
		return n.Head, err
	}
	return n.Head, writeSynced(filepath.Join(dir, NotedName), js)
}

// CheckNoted compares the desk s in dir with its noted head. problems are
// what was lost since; notice says why nothing could be compared, when
// the note is of an earlier key (the passphrase was changed since).
func CheckNoted(ctx context.Context, s storage.Store, dir string) (problems []string, notice string, err error) {
	path := filepath.Join(dir, NotedName)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	redo := "; if the desk is as it should be, copydesk verify --head notes it again"
	var n noted
	if err := json.Unmarshal(data, &n); err != nil || n.Format != 1 {
		return []string{fmt.Sprintf("the noted head %s cannot be read (damaged or altered)%s", path, redo)}, "", nil
	}
	list, p, notice := openNoted(s, n, path)
	if p != "" {
		return []string{p + redo}, "", nil
	}
	if notice != "" {
		return nil, notice, nil
	}
	have := map[string][]string{}
	err = s.Dump(ctx, func(h storage.History) error {
		hashes := make([]string, len(h.Revisions))
		for i, r := range h.Revisions {
			hashes[i] = r.Revision.Hash
		}
		have[h.Draft.Article.ID] = hashes
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	at := fmt.Sprintf("when it was noted (%s, %s)", n.Why, n.Noted.Local().Format(time.DateTime))
	for _, e := range list {
		hashes, ok := have[e.ID]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("article %s was on the desk %s and is gone", e.ID, at))
		case uint64(len(hashes)) < e.Seq:
			problems = append(problems, fmt.Sprintf("article %s had %d revisions %s and has %d: the newest were lost", e.ID, e.Seq, at, len(hashes)))
		case e.Seq > 0 && hashes[e.Seq-1] != e.Hash:
			problems = append(problems, fmt.Sprintf("article %s revision %d is not the one there %s: it was rewritten", e.ID, e.Seq, at))
		}
	}
	return problems, "", nil
}

// openNoted is the noted list of n: plain, or unsealed with the desk's
// key. p is a problem with the note; notice says it is of another key.
func openNoted(s storage.Store, n noted, path string) (list []storage.Newest, p, notice string) {
	var deskKey []byte
	if ks, ok := s.(KeyedStore); ok {
		deskKey = ks.EncryptionKey()
	}
	switch {
	case n.Sealed == nil && len(deskKey) > 0:
		return nil, fmt.Sprintf("the noted head %s of this encrypted desk is not sealed: it was replaced", path), ""
	case n.Sealed == nil:
		return n.Newest, "", ""
	case len(deskKey) == 0:
		return nil, "", fmt.Sprintf("the noted head %s was sealed by an encrypted desk: not compared", path)
	}
	gcm, id, err := noteKeys(deskKey)
	if err != nil {
		return nil, err.Error(), ""
	}
	if id != n.KeyID {
		return nil, "", fmt.Sprintf("the noted head %s was sealed under the desk's earlier key (the passphrase was changed since): not compared; copydesk verify --head notes it again", path)
	}
	plain, err := gcm.Open(nil, n.Nonce, n.Sealed, []byte(n.KeyID))
	if err != nil || json.Unmarshal(plain, &list) != nil {
		return nil, fmt.Sprintf("the noted head %s does not open with the desk's key: it was altered", path), ""
	}
	return list, "", ""
}

// writeSynced writes path through a temporary file, a sync and a rename.
func writeSynced(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err == nil {
		err = syncDir(filepath.Dir(path))
	}
	return err
}
