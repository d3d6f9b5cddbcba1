package badgerstore

// Key layout. Every key starts with the schema version that introduced
// it, so that a later layout can live beside this one during a migration.
//
//	v1/meta/schema                                   "1"
//	v1/draft/<id>                                    draft header + article
//	v1/rev/<id>/<seq: 8 bytes big-endian>            revision record + content
//	v1/sum/<id>                                      storage.Summary as JSON
//	v1/idx/mod/<inv>/<id>                            status
//	v1/idx/status/<status>/<inv>/<id>                (empty)
//	v1/idx/tag/<tag key>\x00<inv>/<id>               status \n tag as spelt
//	v1/setting/<name>                                the value
//
// Schema 2 keeps those (a revision's value may now hold a delta, a
// draft's may point at its revision: codec.go) and adds:
//
//	v2/pending/<id>                                  first revision that may await compaction (history.go)
//	v2/meta/fulltext                                 the full-text index's format (fulltext.go)
//	v2/ftq/<id>                                      (empty): the body changed since it was indexed
//	v2/ftd/<id>                                      the terms indexed for the article
//	v2/f/<term>\x00<id: 16 bytes>                    (empty): a posting
//
// <inv> is the modification time as 8 bytes big-endian of ^unix nanos, so
// that a forward scan meets the newest first. Tag keys cannot hold \x00:
// validation refuses control characters.

import (
	"bytes"
	"encoding/binary"
	"time"

	"copydesk/editor"
)

const idLen = 36 // editor.ValidID: a UUID in its 36-character form

var (
	keySchema     = []byte("v1/meta/schema")
	prefixDraft   = []byte("v1/draft/")
	prefixRev     = []byte("v1/rev/")
	prefixSummary = []byte("v1/sum/")
	prefixMod     = []byte("v1/idx/mod/")
	prefixStatus  = []byte("v1/idx/status/")
	prefixTag     = []byte("v1/idx/tag/")
	prefixSetting = []byte("v1/setting/")
)

func join(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	k := make([]byte, 0, n)
	for _, p := range parts {
		k = append(k, p...)
	}
	return k
}

func draftKey(id string) []byte   { return join(prefixDraft, []byte(id)) }
func summaryKey(id string) []byte { return join(prefixSummary, []byte(id)) }
func settingKey(n string) []byte  { return join(prefixSetting, []byte(n)) }

// revPrefix is the prefix of all revisions of one article.
func revPrefix(id string) []byte { return join(prefixRev, []byte(id), []byte("/")) }

func revKey(id string, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(revPrefix(id), seq)
}

// revKeyParts splits a revision key into article ID and sequence number.
func revKeyParts(k []byte) (id string, seq uint64, ok bool) {
	if len(k) != len(prefixRev)+idLen+1+8 || !bytes.HasPrefix(k, prefixRev) || k[len(prefixRev)+idLen] != '/' {
		return "", 0, false
	}
	rest := k[len(prefixRev):]
	return string(rest[:idLen]), binary.BigEndian.Uint64(rest[idLen+1:]), true
}

// invTime orders times newest first under a forward scan. Times before
// 1970 sort as 1970: no story is filed then.
func invTime(t time.Time) []byte {
	n := t.UnixNano()
	if n < 0 {
		n = 0
	}
	return binary.BigEndian.AppendUint64(nil, ^uint64(n))
}

func modKey(mod time.Time, id string) []byte {
	return join(prefixMod, invTime(mod), []byte("/"), []byte(id))
}

func statusPrefix(st editor.Status) []byte {
	return join(prefixStatus, []byte(st), []byte("/"))
}

func statusKey(st editor.Status, mod time.Time, id string) []byte {
	return join(statusPrefix(st), invTime(mod), []byte("/"), []byte(id))
}

// tagPrefix is the prefix of every index entry for one tag; tagKey is
// editor.TagKey of the tag.
func tagPrefix(tagKey string) []byte {
	return join(prefixTag, []byte(tagKey), []byte{0})
}

func tagIndexKey(tagKey string, mod time.Time, id string) []byte {
	return join(tagPrefix(tagKey), invTime(mod), []byte("/"), []byte(id))
}

// indexID is the article ID at the end of any index key.
func indexID(k []byte) (string, bool) {
	if len(k) < idLen+10 || k[len(k)-idLen-1] != '/' {
		return "", false
	}
	return string(k[len(k)-idLen:]), true
}

// tagKeyOf is the tag key inside a tag index key.
func tagKeyOf(k []byte) (string, bool) {
	if !bytes.HasPrefix(k, prefixTag) {
		return "", false
	}
	rest := k[len(prefixTag):]
	for i, b := range rest {
		if b == 0 {
			return string(rest[:i]), true
		}
	}
	return "", false
}
