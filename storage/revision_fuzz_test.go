package storage_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
	"copydesk/storage/storetest"
)

// FuzzRevisionRebuild saves a run of revisions made by the fuzzer's edits
// and rebuilds every one of them through the Store API: each must come
// back byte for byte as it was saved, whatever the store does to keep
// history compact (reverse deltas, keyframes). edits is read as a script:
// each byte picks an operation (insert, delete, replace, new paragraph,
// save) and a place in the body; text supplies what is typed.
func FuzzRevisionRebuild(f *testing.F) {
	s, err := badgerstore.Open(filepath.Join(f.TempDir(), "db"), badgerstore.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { _ = s.Close() })
	f.Add("43\u00a0500 people", []byte{0, 9, 4, 17, 4, 200, 4, 3, 4})
	f.Add("«Quoted», he said. ## Sub", []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 4, 4, 4})
	f.Add("", bytes.Repeat([]byte{4}, 25))
	f.Add("naïve café — 🔥", bytes.Repeat([]byte{2, 100, 4}, 20))
	f.Fuzz(func(t *testing.T, text string, edits []byte) {
		// Each save is synced (about a millisecond): long scripts would
		// make the fuzzer, and above all its minimiser, crawl.
		if len(edits) > 64 || len(text) > 256 {
			t.Skip("long scripts add nothing the short ones do not")
		}
		text = printable(text)
		ctx := context.Background()
		a := storetest.Article("Fuzzed story", 150, uint64(len(edits)))
		if _, err := s.Create(ctx, a, storage.Meta{}); err != nil {
			t.Fatal(err)
		}
		saved := [][]byte{a.Encode()}
		for i, op := range edits {
			body := []rune(a.Body)
			at := 0
			if len(body) > 0 {
				at = int(op) * 7919 % len(body)
			}
			word := text
			if n := len([]rune(text)); n > 0 {
				r := []rune(text)
				word = string(r[i%n : min(n, i%n+1+int(op)%12)])
			}
			switch op % 5 {
			case 0:
				a.Body = string(body[:at]) + word + string(body[at:])
			case 1:
				a.Body = string(body[:at]) + string(body[min(len(body), at+int(op)%40):])
			case 2:
				a.Body = string(body[:at]) + word + string(body[min(len(body), at+len([]rune(word))):])
			case 3:
				a.Body = string(body[:at]) + "\n\n" + string(body[at:])
			case 4:
				if a.Validate() != nil {
					continue // an edit the desk would refuse: keep typing
				}
				a.Modified = a.Modified.Add(time.Second)
				if _, err := s.SaveRevision(ctx, a, storage.Meta{Author: "Fuzz"}); err != nil {
					t.Fatalf("SaveRevision: %v", err)
				}
				saved = append(saved, a.Encode())
			}
		}
		for i, want := range saved {
			got, rev, err := s.Revision(ctx, a.ID, uint64(i+1))
			if err != nil {
				t.Fatalf("revision %d: %v", i+1, err)
			}
			if !bytes.Equal(got.Encode(), want) || rev.ContentHash != editor.HashBytes(want) {
				t.Fatalf("revision %d of %d does not rebuild exactly", i+1, len(saved))
			}
		}
		revs, err := s.Revisions(ctx, a.ID)
		if err != nil || len(revs) != len(saved) {
			t.Fatalf("Revisions: %d, %v; want %d", len(revs), err, len(saved))
		}
	})
}

// printable keeps what a desk accepts in a body: valid UTF-8 without
// control characters other than line breaks.
func printable(s string) string {
	s = strings.ToValidUTF8(s, "\ufffd")
	return strings.Map(func(r rune) rune {
		if r == '\n' || !unicode.IsControl(r) && r != '\u2028' && r != '\u2029' {
			return r
		}
		return -1
	}, s)
}
