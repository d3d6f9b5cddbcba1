package backup_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"copydesk/editor/check"
	"copydesk/editor/export/exporttest"
	"copydesk/storage"
	"copydesk/storage/backup"
	"copydesk/storage/badgerstore"
	"copydesk/storage/storetest"
)

func openStore(t testing.TB) storage.Store {
	t.Helper()
	s, err := badgerstore.Open(filepath.Join(t.TempDir(), "db"), badgerstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// fill gives s articles, each with revisions revisions and an autosaved
// draft after the last, the TASS fixture and the hostile article among
// them.
func fill(t testing.TB, s storage.Store, articles, revisions, words int) {
	t.Helper()
	ctx := context.Background()
	for i := range articles {
		a := storetest.Article(fmt.Sprintf("Story number %d", i), words, uint64(i))
		switch i {
		case 0:
			a = exporttest.Fixture(t)
		case 1:
			a = exporttest.Hostile()
		}
		if _, err := s.Create(ctx, a, storage.Meta{Author: "Desk", Kind: storage.KindImport}); err != nil {
			t.Fatal(err)
		}
		for r := 1; r < revisions; r++ {
			a.Body += fmt.Sprintf("\n\nUpdate %d: 43\u00a0500 people.", r)
			if _, err := s.SaveRevision(ctx, a, storage.Meta{Author: "Editor", Label: fmt.Sprintf("r%d", r)}); err != nil {
				t.Fatal(err)
			}
		}
		a.Body += "\n\nStill typing"
		d, err := s.Draft(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveDraft(ctx, a, d.Version); err != nil {
			t.Fatal(err)
		}
	}
}

// dump is the store's whole content as JSON, for comparing two stores.
func dump(t testing.TB, s storage.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	err := s.Dump(context.Background(), func(h storage.History) error { return enc.Encode(h) })
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeBackup(t testing.TB, s storage.Store) ([]byte, backup.Summary) {
	t.Helper()
	var buf bytes.Buffer
	sum, err := backup.Write(context.Background(), s, &buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), sum
}

func TestBackupRestoreExact(t *testing.T) {
	ctx := context.Background()
	src := openStore(t)
	fill(t, src, 12, 4, 600)
	dict := []byte("Bortnikov\nRoskomnadzor\n")
	if err := src.SetSetting(ctx, check.DeskDictionarySetting, dict); err != nil {
		t.Fatal(err)
	}
	file, sum := writeBackup(t, src)
	if sum.Articles != 12 || sum.Revisions != 48 || sum.FileBytes != int64(len(file)) {
		t.Errorf("summary: %d articles, %d revisions, %d bytes; want 12, 48, %d", sum.Articles, sum.Revisions, sum.FileBytes, len(file))
	}
	h, err := backup.ReadHeader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if h.Format != backup.FormatVersion || h.Schema != badgerstore.SchemaVersion || h.SHA256 != sum.SHA256 {
		t.Errorf("header: format %d schema %d sha %s", h.Format, h.Schema, h.SHA256)
	}

	dst := openStore(t)
	var calls, last int
	got, err := backup.Restore(ctx, bytes.NewReader(file), dst, func(done, total int) { calls++; last = done })
	if err != nil {
		t.Fatal(err)
	}
	if calls != 12 || last != 12 || got.Articles != 12 {
		t.Errorf("progress called %d times, last %d; restored %d articles", calls, last, got.Articles)
	}
	if a, b := dump(t, src), dump(t, dst); !bytes.Equal(a, b) {
		t.Errorf("the restored store differs from the source (%d vs %d bytes of dump)", len(a), len(b))
	}
	if got.Settings != 1 {
		t.Errorf("%d settings restored, want 1", got.Settings)
	}
	if v, err := dst.Setting(ctx, check.DeskDictionarySetting); err != nil || !bytes.Equal(v, dict) {
		t.Errorf("the desk dictionary after restore: %q, %v", v, err)
	}
	t.Logf("12 articles × 4 revisions: file %d bytes (plain %d, %.1f×)", len(file), sum.Plain, float64(sum.Plain)/float64(sum.Bytes))
}

// TestSettingNames: the settings a backup carries are the ones
// editor/check keeps.
func TestSettingNames(t *testing.T) {
	for _, name := range []string{check.DeskDictionarySetting, check.RulesSetting} {
		if !slices.Contains(backup.Settings, name) {
			t.Errorf("backup.Settings lacks %q", name)
		}
	}
}

func TestRestoreRefusesNonEmptyTarget(t *testing.T) {
	src := openStore(t)
	fill(t, src, 2, 1, 100)
	file, _ := writeBackup(t, src)
	dst := openStore(t)
	fill(t, dst, 1, 1, 50)
	before := dump(t, dst)
	_, err := backup.Restore(context.Background(), bytes.NewReader(file), dst, nil)
	if !errors.Is(err, backup.ErrNotEmpty) || !strings.Contains(err.Error(), "1 article and") {
		t.Fatalf("restore into a non-empty store: %v, want ErrNotEmpty naming the count", err)
	}
	if !bytes.Equal(before, dump(t, dst)) {
		t.Error("the refused restore changed the target")
	}
}

// TestRestoreRefusesDamage flips bytes in each part of the file, cuts it
// short and adds to it: each is refused with the place named, and the
// target stays empty.
func TestRestoreRefusesDamage(t *testing.T) {
	src := openStore(t)
	fill(t, src, 30, 3, 2000) // a body of several 64 KiB blocks
	file, sum := writeBackup(t, src)
	bodyStart := len(file) - int(sum.Bytes)
	if len(sum.Blocks) < 2 {
		t.Fatalf("the body has %d blocks; the test wants at least 2", len(sum.Blocks))
	}
	flip := func(at int) []byte {
		b := bytes.Clone(file)
		b[at] ^= 0x20
		return b
	}
	cases := []struct {
		name string
		file []byte
		want string // in the message
	}{
		{"magic", flip(3), "not a Copydesk backup"},
		{"header length", flip(len(backup.Magic) + 1), "length field (bytes 16–19)"},
		{"header", flip(len(backup.Magic) + 10), "header does not match its checksum"},
		{"first block", flip(bodyStart + 5), fmt.Sprintf("bytes %d–%d: block 1 of", bodyStart, bodyStart+64<<10-1)},
		{"second block", flip(bodyStart + 64<<10 + 7), fmt.Sprintf("bytes %d–", bodyStart+64<<10)},
		{"last byte", flip(len(file) - 1), "does not match its checksum"},
		{"truncated in body", file[:len(file)-100], fmt.Sprintf("at byte %d: the file ends 100 bytes early", len(file)-100)},
		{"truncated in header", file[:bodyStart-30], "ends inside the header"},
		{"truncated to nothing", nil, "empty"},
		{"trailing bytes", append(bytes.Clone(file), "junk"...), "4 bytes follow"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dst := openStore(t)
			_, err := backup.Restore(context.Background(), bytes.NewReader(c.file), dst, nil)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want a message containing %q", err, c.want)
			}
			var de *backup.DamageError
			if c.name != "magic" && !errors.As(err, &de) {
				t.Errorf("%v is not a *DamageError", err)
			}
			if st, _ := dst.Stats(context.Background()); st.Articles != 0 || st.Revisions != 0 {
				t.Errorf("a refused restore stored %d articles", st.Articles)
			}
		})
	}
}

func TestRestoreRefusesNewerFormat(t *testing.T) {
	src := openStore(t)
	fill(t, src, 1, 1, 50)
	file, _ := writeBackup(t, src)
	// Rewrite the header with format 99 and a correct checksum: a file
	// from a newer Copydesk, not a damaged one.
	h, _ := backup.ReadHeader(bytes.NewReader(file))
	h.Format = 99
	var buf bytes.Buffer
	if err := backup.WriteHeaderForTest(&buf, h); err != nil {
		t.Fatal(err)
	}
	buf.Write(file[len(file)-int(h.Bytes):])
	_, err := backup.Restore(context.Background(), &buf, openStore(t), nil)
	if err == nil || !strings.Contains(err.Error(), "format version 99") {
		t.Fatalf("got %v, want a refusal naming format version 99", err)
	}
}

// BenchmarkWrite and BenchmarkRestore: 200 articles of 1,500 words with 5
// revisions each (1,000 revisions).
func BenchmarkWrite(b *testing.B) {
	src := openStore(b)
	fill(b, src, 200, 5, 1500)
	b.ResetTimer()
	var sum backup.Summary
	for b.Loop() {
		var buf bytes.Buffer
		var err error
		if sum, err = backup.Write(context.Background(), src, &buf, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sum.FileBytes), "file-bytes")
	b.ReportMetric(float64(sum.Plain), "plain-bytes")
}

func BenchmarkRestore(b *testing.B) {
	src := openStore(b)
	fill(b, src, 200, 5, 1500)
	file, _ := writeBackup(b, src)
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		dst := openStore(b)
		b.StartTimer()
		if _, err := backup.Restore(context.Background(), bytes.NewReader(file), dst, nil); err != nil {
			b.Fatal(err)
		}
	}
}
