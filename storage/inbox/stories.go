package inbox

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"copydesk/storage"
)

// Stories lists the IDs of the stories the wire inbox brought to the desk
// (created or revised), from its notes in the store's settings, for the
// library's Inbox filter (storage.Query.IDs). Its cost grows with the
// settings the desk holds: one look at their names, then one read per
// imported file. A story the inbox made and that was later deleted is
// still named; the store lists only those it has.
func Stories(ctx context.Context, s storage.Store) ([]string, error) {
	sl, ok := s.(settingLister)
	if !ok {
		return nil, errors.New("inbox: this store cannot list its settings, so it cannot say what the inbox brought")
	}
	names, err := sl.SettingNames(ctx)
	if err != nil {
		return nil, fmt.Errorf("inbox: %w", err)
	}
	in := &Inbox{Store: s}
	seen := map[string]bool{}
	ids := []string{}
	for _, name := range names {
		if !strings.HasPrefix(name, hashPrefix) {
			continue
		}
		var n hashNote
		ok, err := in.get(ctx, name, &n)
		if err != nil {
			return nil, fmt.Errorf("inbox: %w", err)
		}
		if !ok {
			continue
		}
		for _, id := range n.IDs {
			if id != "" && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids, nil
}

// SettingNames lets Stories (and backups) see the shared store's
// settings through the inbox's wrapper.
func (c closer) SettingNames(ctx context.Context) ([]string, error) {
	sl, ok := c.Store.(settingLister)
	if !ok {
		return nil, errors.New("inbox: this store cannot list its settings")
	}
	return sl.SettingNames(ctx)
}
