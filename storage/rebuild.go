package storage

import (
	"errors"

	"copydesk/storage/delta"
)

// RebuildContents turns n consecutive revisions of one article, oldest
// first, into their contents. Both stores keep a revision whole or as a
// reverse delta against the content of the revision after it, so the
// contents are rebuilt newest first. kept(i) is how revision i is kept:
// its body, whether that is the whole content, or an error when the body
// cannot be used. A revision that cannot be rebuilt gets a nil content
// and an error (and so does every delta resting on it).
func RebuildContents(n int, kept func(i int) (body []byte, whole bool, err error)) (contents [][]byte, errs []error) {
	contents = make([][]byte, n)
	errs = make([]error, n)
	var next []byte
	for i := n - 1; i >= 0; i-- {
		body, whole, err := kept(i)
		switch {
		case err != nil:
			errs[i] = err
		case whole:
			contents[i] = body
		case next == nil:
			errs[i] = errors.New("is kept as a delta against a revision that cannot be rebuilt")
		default:
			contents[i], errs[i] = delta.Apply(next, body)
		}
		next = contents[i]
	}
	return contents, errs
}
