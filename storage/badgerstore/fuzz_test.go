package badgerstore

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/testfixture"
	"copydesk/storage"
)

// FuzzDecodeValues feeds damaged values and keys to every decoder: a
// damaged database must give errors, never a panic. Values that decode
// must encode back to the same.
func FuzzDecodeValues(f *testing.F) {
	a := editor.New(time.Date(2019, 10, 16, 9, 30, 0, 0, time.UTC))
	a.Headline = "FSB chief speaks in Sochi"
	a.Body = string(testfixture.Read(f, testfixture.TASS)) // NBSPs and all
	content := a.Encode()
	rec := storage.NewRevision(a.ID, nil, content, a.Words(), storage.Meta{Author: "wire"}, a.Created)
	sum := summarize(a, rec.Words, draftHeader{Version: 1, Saved: a.Created, Seq: 1})
	f.Add(encodeRevision(rec, content))
	f.Add(encodeDraft(draftHeader{Version: 3, Saved: a.Created, Seq: 1}, content))
	f.Add(encodeSummary(sum))
	f.Add(revKey(a.ID, 7))
	f.Add(tagIndexKey("black sea", a.Created, a.ID))
	f.Add(indexValue(editor.StatusReady, "Black Sea", storage.SearchText(sum)))
	f.Add([]byte("\n"))

	f.Fuzz(func(t *testing.T, v []byte) {
		if sr, err := decodeStored(v); err == nil {
			sr2, err := decodeStored(encodeStored(sr))
			if err != nil || sr.encoding != sr2.encoding || !bytes.Equal(sr.body, sr2.body) ||
				!reflect.DeepEqual(stripTime(sr.rec), stripTime(sr2.rec)) || !sr.rec.Time.Equal(sr2.rec.Time) {
				t.Errorf("revision does not survive re-encoding: %v", err)
			}
		}
		if d, err := decodeDraft(v, func(uint64) ([]byte, error) { return content, nil }); err == nil && d.Article == nil {
			t.Error("a draft decoded without an article")
		}
		decodeDraftHeader(v)
		decodeSummary(v)
		revKeyParts(v)
		indexID(v)
		tagKeyOf(v)
		indexFields(v)
	})
}

func stripTime(r storage.Revision) storage.Revision {
	r.Time = time.Time{}
	return r
}
