package crashtest

import (
	"context"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/storage"
	"copydesk/storage/badgerstore"
	"copydesk/storage/storetest"
)

// Environment of the child process.
const (
	envChildDir  = "COPYDESK_CRASH_CHILD_DIR"
	envChildSeed = "COPYDESK_CRASH_CHILD_SEED"
	envChildKey  = "COPYDESK_CRASH_CHILD_KEY" // hex; empty for a plain database
)

// maxArticles bounds how many articles the children create between them,
// so that later kills land on a database with long histories.
const maxArticles = 24

// TestCrashChild is the child: it runs only when the parent sets
// envChildDir, and edits until it is killed. It writes S to fd 3 before
// it opens the store, O once it has, then one line per acknowledged write:
//
//	R <id> <seq> <hash> <draft version>   a revision (Create makes revision 1)
//	D <id> <version> <content hash>       an autosave
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(envChildDir)
	if dir == "" {
		t.Skip("the crash harness's child; TestCrash runs it")
	}
	seed, _ := strconv.ParseUint(os.Getenv(envChildSeed), 10, 64)
	key, err := hex.DecodeString(os.Getenv(envChildKey))
	if err != nil {
		t.Fatal(err)
	}
	acks := os.NewFile(3, "acks")
	if err := edit(dir, key, seed, acks); err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		os.Exit(3)
	}
}

func edit(dir string, key []byte, seed uint64, acks *os.File) error {
	ctx := context.Background()
	ack := func(format string, a ...any) error {
		_, err := fmt.Fprintf(acks, format+"\n", a...)
		return err
	}
	if err := ack("S"); err != nil {
		return err
	}
	s, err := badgerstore.Open(dir, badgerstore.Options{EncryptionKey: key})
	if err != nil {
		return err
	}
	if err := ack("O"); err != nil {
		return err
	}
	rows, _, err := s.List(ctx, storage.Query{})
	if err != nil {
		return err
	}
	var ids []string
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	r := rand.New(rand.NewPCG(seed, 42))
	for n := 0; ; n++ {
		if len(ids) == 0 || (len(ids) < maxArticles && r.IntN(10) == 0) {
			a := storetest.Article(fmt.Sprintf("Crash story %d-%d", seed, n), 200+r.IntN(1500), r.Uint64())
			rev, err := s.Create(ctx, a, storage.Meta{Author: "Crash", Kind: storage.KindImport})
			if err != nil {
				return err
			}
			ids = append(ids, a.ID)
			if err := ack("R %s %d %s %d", a.ID, rev.Seq, rev.Hash, 1); err != nil {
				return err
			}
			continue
		}
		id := ids[r.IntN(len(ids))]
		d, err := s.Draft(ctx, id)
		if err != nil {
			return err
		}
		a := d.Article
		typeInto(a, r)
		if r.IntN(4) == 0 {
			rev, err := s.SaveRevision(ctx, a, storage.Meta{Author: "Crash", DraftVersion: d.Version})
			if err != nil {
				return err
			}
			if err := ack("R %s %d %s %d", id, rev.Seq, rev.Hash, d.Version+1); err != nil {
				return err
			}
			continue
		}
		v, err := s.SaveDraft(ctx, a, d.Version)
		if err != nil {
			return err
		}
		if err := ack("D %s %d %s", id, v, editor.HashBytes(a.Encode())); err != nil {
			return err
		}
	}
}

// typeInto changes the copy the way a reporter does: words added at the
// end, a paragraph cut, now and then a large paste (about 270 KB, over
// Badger's 256 KB value threshold, so it goes to the value log) and later
// a cut back to 20 KB, which keeps the database — and the check after
// each kill — from growing without bound.
func typeInto(a *editor.Article, r *rand.Rand) {
	switch k := r.IntN(40); {
	case k == 0 && len(a.Body) < 100<<10:
		a.Body += "\n\n" + storetest.Body(40000, r.Uint64())
	case k < 3 && len(a.Body) > 200<<10:
		if i := strings.LastIndex(a.Body[:20<<10], "\n\n"); i > 0 {
			a.Body = a.Body[:i]
		}
	case k < 5:
		if i := strings.LastIndex(a.Body, "\n\n"); i > 0 {
			a.Body = a.Body[:i]
		}
	default:
		a.Body += fmt.Sprintf(" word%d", r.IntN(1000))
	}
	a.Headline = strings.TrimSuffix(a.Headline, " (updated)")
	if r.IntN(2) == 0 {
		a.Headline += " (updated)"
	}
}
