package check

import (
	"context"
	"errors"
	"sort"
	"strings"
)

// SettingsReader is what the desk's checks read from the desk's store: a
// setting by name (storage.Store is one). An unset setting is reported
// with an error that has a NotFound method returning true, as storage's
// *NotFoundError has — declared here, on the checks' side, so that the
// core never imports the stores built on it.
type SettingsReader interface {
	Setting(ctx context.Context, name string) ([]byte, error)
}

// SettingsStore also keeps settings (storage.Store is one).
type SettingsStore interface {
	SettingsReader
	SetSetting(ctx context.Context, name string, value []byte) error
}

// unset says whether err is a SettingsReader's "never set".
func unset(err error) bool {
	var nf interface{ NotFound() bool }
	return errors.As(err, &nf) && nf.NotFound()
}

// The names of the desk's check settings in the store (Store.Setting).
const (
	// DeskDictionarySetting holds the desk dictionary: UTF-8 text, one
	// word a line, sorted.
	DeskDictionarySetting = "check.desk-dictionary"
	// RulesSetting holds the desk's house-style rules file (YAML, see Load).
	RulesSetting = "check.house-style"
)

// LoadDesk reads the desk dictionary from the store; an unset one is empty.
func LoadDesk(ctx context.Context, s SettingsReader) ([]string, error) {
	data, err := s.Setting(ctx, DeskDictionarySetting)
	if unset(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var words []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			words = append(words, l)
		}
	}
	return words, nil
}

// SaveDesk keeps the desk dictionary in the store.
func SaveDesk(ctx context.Context, s SettingsStore, words []string) error {
	ws := append([]string(nil), words...)
	sort.Strings(ws)
	return s.SetSetting(ctx, DeskDictionarySetting, []byte(strings.Join(ws, "\n")+"\n"))
}

// AddDeskWord adds one word to the stored desk dictionary (reading it
// afresh, so words another window added are kept) and returns the list.
func AddDeskWord(ctx context.Context, s SettingsStore, word string) ([]string, error) {
	word = strings.TrimSpace(word)
	words, err := LoadDesk(ctx, s)
	if err != nil {
		return nil, err
	}
	for _, w := range words {
		if deskKey(w) == deskKey(word) {
			return words, nil
		}
	}
	words = append(words, word)
	sort.Strings(words)
	return words, SaveDesk(ctx, s, words)
}

// LoadRules returns the desk's rules kept in the store, or the built-in
// set for fallback (a dateline style name) when the desk has none.
func LoadRules(ctx context.Context, s SettingsReader, fallback string) (*Rules, error) {
	data, err := s.Setting(ctx, RulesSetting)
	if unset(err) {
		return Builtin(fallback)
	}
	if err != nil {
		return nil, err
	}
	return Load("the desk's house style ("+RulesSetting+")", data)
}

// SaveRules validates a rules file and keeps it as the desk's.
func SaveRules(ctx context.Context, s SettingsStore, file string, data []byte) (*Rules, error) {
	r, err := Load(file, data)
	if err != nil {
		return nil, err
	}
	return r, s.SetSetting(ctx, RulesSetting, data)
}
