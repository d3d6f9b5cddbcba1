package app

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"copydesk/app/checks"
	"copydesk/app/field"
	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/check"
)

// limitCounters are the live "72/90" counters: headline characters and
// standfirst words beside their fields, body words in the status bar.
// They run on every keystroke, so they count three numbers directly
// (the body's words are kept by the block editor) instead of checking
// the article; the desk's rules are read once and again only when the
// dateline house style — whose built-in set is the fallback — changes.
type limitCounters struct {
	w          *Window
	headline   *checks.LimitLabel
	standfirst *checks.LimitLabel

	loaded     *check.Rules
	loadedFor  editor.Style
	loadFailed string // why the desk's rules could not be used, once
	shown      [3]editor.LimitCount
}

func newLimitCounters(w *Window) *limitCounters {
	c := &limitCounters{w: w, headline: checks.NewLimitLabel(), standfirst: checks.NewLimitLabel()}
	c.headline.Hide()
	c.standfirst.Hide()
	return c
}

// rules are the desk's house-style rules, read from the store once (the
// built-in set of the dateline style when the desk has none, or when its
// file cannot be used).
func (c *limitCounters) rules() *check.Rules {
	style := c.w.settings.Style()
	if c.loaded != nil && c.loadedFor == style {
		return c.loaded
	}
	var r *check.Rules
	if c.w.store != nil {
		ctx, cancel := context.WithTimeout(c.w.ctx, 5*time.Second)
		var err error
		r, err = check.LoadRules(ctx, c.w.store, string(style))
		cancel()
		if err != nil {
			c.loadFailed = i18n.T("The desk's house style cannot be used, so the built-in limits apply: ") + field.OneLine(err)
			slog.Error("shown in the status bar: house style unusable", "err", err)
			r = nil
		}
	}
	if r == nil {
		r = check.ForStyle(style)
	}
	c.loaded, c.loadedFor = r, style
	return r
}

// counts are the three fields measured against the section's limits,
// as Rules.Counts measures them, without building the article.
func (c *limitCounters) counts() [3]editor.LimitCount {
	p, m := c.w.pane, c.w.meta
	l := c.rules().LimitsFor(strings.TrimSpace(m.Section.Text))
	return [3]editor.LimitCount{
		{Field: "headline", Unit: "chars", Used: editor.CountChars(strings.TrimSpace(p.headline.Text)), Max: l.HeadlineChars},
		{Field: "standfirst", Unit: "words", Used: editor.CountWords(p.standfirst.Text), Max: l.StandfirstWords},
		{Field: "body", Unit: "words", Used: p.body.Counts().Words, Max: l.BodyWords},
	}
}

// update shows the counts; labels whose count has not changed are left
// alone, so a keystroke in the body refreshes one label at most.
func (c *limitCounters) update() {
	if c.w.doc == nil || c.w.meta == nil || c.w.status == nil {
		c.headline.Hide()
		c.standfirst.Hide()
		if c.w.status != nil {
			c.w.status.limit.Hide()
		}
		c.shown = [3]editor.LimitCount{}
		return
	}
	now := c.counts()
	for i, l := range []*checks.LimitLabel{c.headline, c.standfirst, c.w.status.limit} {
		if now[i] == c.shown[i] && (l.Visible() || now[i].Max <= 0) {
			continue
		}
		l.Set(now[i])
		switch {
		case now[i].Max <= 0:
		case i == 1:
			l.SetText(now[i].String() + i18n.T(" words"))
		case i == 2:
			l.SetText(i18n.T("body ") + now[i].String() + i18n.T(" words"))
		}
	}
	c.shown = now
	if c.loadFailed != "" {
		c.w.status.setText(c.loadFailed)
		c.loadFailed = ""
	}
}
