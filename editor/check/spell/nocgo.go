//go:build !cgo

package spell

// Dictionary is a stand-in: spelling needs Hunspell, reached through cgo.
type Dictionary struct{ Name string }

// Open always fails in a build without cgo.
func Open(lang string) (*Dictionary, error) {
	return nil, &NoDictionaryError{Lang: lang, Reason: "this build of Copydesk has no Hunspell (built without cgo)"}
}

// Correct reports every word correct.
func (d *Dictionary) Correct(string) bool { return true }

// Suggest has nothing to suggest.
func (d *Dictionary) Suggest(string) []string { return nil }

// Close does nothing.
func (d *Dictionary) Close() {}
