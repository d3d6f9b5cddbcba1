//go:build cgo

package spell

/*
#cgo pkg-config: hunspell
#include <stdlib.h>
#include <hunspell.h>
*/
import "C"

import (
	"fmt"
	"strings"
	"sync"
	"unsafe"
)

// maxCached bounds the remembered answers (about 10 MB of words at most).
const maxCached = 200_000

// maxWordBytes bounds what is handed to Hunspell: no word is that long,
// and Hunspell's own limit (MAXWORDUTF8LEN) is near it.
const maxWordBytes = 200

// Dictionary is one opened Hunspell dictionary. It is safe for concurrent
// use; calls are serialised and answers remembered.
type Dictionary struct {
	Name string // e.g. en_US

	mu      sync.Mutex
	h       *C.Hunhandle
	good    map[string]bool
	suggest map[string][]string
}

// Open loads the Hunspell dictionary for a language (BCP 47: "en",
// "en-GB", "ru"). It fails with a *NoDictionaryError when none is
// installed, and refuses dictionaries not in UTF-8.
func Open(lang string) (*Dictionary, error) {
	aff, dic, err := find(lang)
	if err != nil {
		return nil, err
	}
	caff, cdic := C.CString(aff), C.CString(dic)
	defer C.free(unsafe.Pointer(caff))
	defer C.free(unsafe.Pointer(cdic))
	h := C.Hunspell_create(caff, cdic)
	if h == nil {
		return nil, fmt.Errorf("hunspell could not load %s", dic)
	}
	if enc := C.GoString(C.Hunspell_get_dic_encoding(h)); !strings.EqualFold(strings.ReplaceAll(enc, "-", ""), "UTF8") {
		C.Hunspell_destroy(h)
		return nil, fmt.Errorf("the dictionary %s is in %s: Copydesk reads UTF-8 dictionaries only (convert it with iconv and set SET UTF-8 in %s)", dic, enc, aff)
	}
	name := strings.TrimSuffix(dic[strings.LastIndexByte(dic, '/')+1:], ".dic")
	return &Dictionary{Name: name, h: h, good: map[string]bool{}, suggest: map[string][]string{}}, nil
}

// Correct reports whether Hunspell knows the word.
func (d *Dictionary) Correct(word string) bool {
	if word == "" || len(word) > maxWordBytes || strings.IndexByte(word, 0) >= 0 {
		return true
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if ok, seen := d.good[word]; seen {
		return ok
	}
	if d.h == nil {
		return true
	}
	cw := C.CString(word)
	ok := C.Hunspell_spell(d.h, cw) != 0
	C.free(unsafe.Pointer(cw))
	if len(d.good) >= maxCached {
		clear(d.good) // a long session: start the memo afresh rather than grow
	}
	d.good[word] = ok
	return ok
}

// Suggest returns Hunspell's suggestions for a word, best first.
func (d *Dictionary) Suggest(word string) []string {
	if word == "" || len(word) > maxWordBytes || strings.IndexByte(word, 0) >= 0 {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if s, seen := d.suggest[word]; seen {
		return s
	}
	if d.h == nil {
		return nil
	}
	cw := C.CString(word)
	defer C.free(unsafe.Pointer(cw))
	var list **C.char
	n := int(C.Hunspell_suggest(d.h, &list, cw))
	var out []string
	if n > 0 && list != nil {
		items := unsafe.Slice(list, n)
		for i := 0; i < n && len(out) < maxSuggestions; i++ {
			out = append(out, C.GoString(items[i]))
		}
		C.Hunspell_free_list(d.h, &list, C.int(n))
	}
	if len(d.suggest) >= maxCached/10 {
		clear(d.suggest)
	}
	d.suggest[word] = out
	return out
}

// Close frees the Hunspell handle. Later calls answer "correct".
func (d *Dictionary) Close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.h != nil {
		C.Hunspell_destroy(d.h)
		d.h = nil
	}
}
