package notes

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"copydesk/editor/comments"
	"copydesk/storage"
)

func commentName(articleID, id string) string {
	return commentPrefix + articleID + "/" + id
}

// SaveComment keeps a comment (a new one, or one replied to, resolved or
// reopened). One record a comment, so that two desks commenting on the
// same story at once on a shared store do not overwrite each other.
func SaveComment(ctx context.Context, s storage.Store, c *comments.Comment) error {
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return s.SetSetting(ctx, commentName(c.ArticleID, c.ID), data)
}

// Comments lists an article's comments as stored (anchored to the text
// they were last saved against: call comments.Reanchor with the current
// copy), oldest first.
func Comments(ctx context.Context, s storage.Store, articleID string) ([]*comments.Comment, error) {
	ns, err := names(ctx, s, commentPrefix+articleID+"/")
	if err != nil {
		return nil, err
	}
	out := make([]*comments.Comment, 0, len(ns))
	for _, n := range ns {
		data, err := s.Setting(ctx, n)
		if err != nil {
			return nil, err
		}
		var c comments.Comment
		if err := json.Unmarshal(data, &c); err != nil {
			return nil, fmt.Errorf("comment record %s is damaged: %v", n, err)
		}
		out = append(out, &c)
	}
	slices.SortStableFunc(out, func(a, b *comments.Comment) int { return a.Time.Compare(b.Time) })
	return out, nil
}

// ErrNoComment is returned by Comment for an ID the article has no
// comment with.
var ErrNoComment = errors.New("no such comment")

// Comment returns one comment by its ID (or a unique prefix of it).
func Comment(ctx context.Context, s storage.Store, articleID, id string) (*comments.Comment, error) {
	all, err := Comments(ctx, s, articleID)
	if err != nil {
		return nil, err
	}
	var found *comments.Comment
	for _, c := range all {
		if c.ID == id {
			return c, nil
		}
		if id != "" && strings.HasPrefix(c.ID, id) {
			if found != nil {
				return nil, fmt.Errorf("%q names more than one comment: give more of its ID", id)
			}
			found = c
		}
	}
	if found == nil {
		return nil, fmt.Errorf("%w %q on article %s (see copydesk comments %s)", ErrNoComment, id, articleID, articleID)
	}
	return found, nil
}
