// Package checks is the window's check panel: the story's spelling and
// house-style findings in reading order, with suggestions and one-click
// fixes, "ignore" and "add to desk dictionary", the section's length
// limits ("87/90") and a row per output profile (alert, urgent, story,
// web) with its counts and overruns. The main window embeds it with New, calls Check after
// every edit, and wires OnJump (show the place) and OnFix (take the fixed
// article as the new working copy).
//
// Checking runs off the UI goroutine, debounced, and its results are
// applied with fyne.Do: typing never waits for Hunspell.
package checks

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"copydesk/app/i18n"
	"copydesk/editor"
	"copydesk/editor/check"
	"copydesk/editor/outputs"
	"copydesk/storage"
)

// DefaultDelay is how long the panel waits after the last edit before it
// checks: long enough to skip the keystrokes of a word, short enough to
// feel live.
const DefaultDelay = 400 * time.Millisecond

// Options configure a panel.
type Options struct {
	// Store keeps the desk dictionary and the desk's house-style rules.
	// Nil: no desk dictionary ("add" is hidden) and the built-in rules.
	Store storage.Store
	// Rules, when set, are used instead of the desk's rules in Store.
	Rules *check.Rules
	// Style picks the built-in rules when the desk has none (default TASS).
	Style editor.Style
	// OnJump is called when the user picks a finding: show its place
	// (for the body, blockedit's FocusBlock(f.Place.Block, f.Place.Start)).
	OnJump func(f check.Finding)
	// OnFix receives the article with a fix made (a new copy: the one
	// passed to Check is not changed). The window makes it the working copy.
	OnFix func(a *editor.Article)
	// OnChecked is called on the UI goroutine after each check is shown:
	// the window updates its "72/90" counters beside the fields from
	// r.Limits and can refuse Ready with r.Over().
	OnChecked func(r check.Report)
	// Delay is the debounce; 0 means DefaultDelay.
	Delay time.Duration
}

// Panel is the check panel widget.
type Panel struct {
	widget.BaseWidget
	opt Options

	setupMu   sync.Mutex
	checker   *check.Checker // nil until loaded, and after Reload
	speller   *check.Speller // kept across Reload: it holds the session's ignores
	setupNote string         // a problem loading the desk's rules or dictionary
	rules     atomic.Pointer[check.Rules]
	profiles  []outputs.Profile // the desk's output profiles; setupMu

	spellingChanged func() // the window's marks (marks.go)

	mu    sync.Mutex
	gen   uint64 // bumped by every Check; stale results are dropped
	timer *time.Timer

	// UI state: touched on the UI goroutine only.
	shown   *editor.Article
	report  check.Report
	title   *widget.Label
	limits  *fyne.Container
	outputs *fyne.Container // a row per output profile (outputs.go)
	notice  *widget.Label
	summary *widget.Label
	list    *fyne.Container
	scroll  *container.Scroll
}

// New returns an empty panel; it shows findings after the first Check.
func New(opt Options) *Panel {
	if opt.Delay <= 0 {
		opt.Delay = DefaultDelay
	}
	if opt.Style == "" {
		opt.Style = editor.StyleTASS
	}
	p := &Panel{opt: opt}
	p.title = widget.NewLabelWithStyle(i18n.T("Checks"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.limits = container.New(layout.NewCustomPaddedVBoxLayout(0))
	p.outputs = container.New(layout.NewCustomPaddedVBoxLayout(0))
	p.notice = widget.NewLabel("")
	p.notice.Wrapping = fyne.TextWrapWord
	p.notice.Importance = widget.WarningImportance
	p.notice.Hide()
	p.summary = widget.NewLabel(i18n.T("Not checked yet"))
	p.summary.Importance = widget.LowImportance
	p.list = container.NewVBox()
	p.scroll = container.NewVScroll(p.list)
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer lays the panel out: title, limits, notice and summary on
// top, the findings scrolling below.
func (p *Panel) CreateRenderer() fyne.WidgetRenderer {
	top := container.NewVBox(p.title, p.limits, p.outputs, p.notice, p.summary, widget.NewSeparator())
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, p.scroll))
}

// Check asks for the article to be checked once typing pauses. It returns
// at once; call it on every edit, from any goroutine.
func (p *Panel) Check(a *editor.Article) {
	if a == nil {
		return
	}
	c := a.Clone()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gen++
	if p.timer != nil {
		p.timer.Stop()
	}
	gen := p.gen
	p.timer = time.AfterFunc(p.opt.Delay, func() { p.run(gen, c) })
}

// CheckNow checks at once (on opening a story, or after a fix), still off
// the UI goroutine.
func (p *Panel) CheckNow(a *editor.Article) {
	if a == nil {
		return
	}
	c := a.Clone()
	p.mu.Lock()
	p.gen++
	gen := p.gen
	if p.timer != nil {
		p.timer.Stop()
	}
	p.mu.Unlock()
	go p.run(gen, c)
}

// Report returns the report on show. Call it on the UI goroutine.
func (p *Panel) Report() check.Report { return p.report }

func (p *Panel) current(gen uint64) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return gen == p.gen
}

// run checks on the calling (background) goroutine and shows the result
// unless a newer Check came in meanwhile.
func (p *Panel) run(gen uint64, a *editor.Article) {
	c, note, ps := p.loaded()
	if !p.current(gen) {
		return
	}
	rep := c.Check(a)
	outs := measureOutputs(ps, a)
	if note != "" {
		if rep.Notice != "" {
			rep.Notice = note + "\n" + rep.Notice
		} else {
			rep.Notice = note
		}
	}
	fyne.Do(func() {
		if !p.current(gen) {
			return
		}
		p.showOutputs(outs)
		p.show(a, rep)
	})
}

// Reload makes the next check read the desk's rules and dictionary from
// the store again (after the desk changed them elsewhere). Words ignored
// in this session stay ignored.
func (p *Panel) Reload() {
	p.setupMu.Lock()
	p.checker = nil
	p.setupMu.Unlock()
}

// loaded returns the checker, loading the desk's rules and dictionary
// first when needed. It does store I/O: not on the UI goroutine.
func (p *Panel) loaded() (*check.Checker, string, []outputs.Profile) {
	p.setupMu.Lock()
	defer p.setupMu.Unlock()
	if p.checker == nil {
		p.setup()
	}
	return p.checker, p.setupNote, p.profiles
}

// setup loads the desk's rules and dictionary. Called with setupMu held.
func (p *Panel) setup() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rules := p.opt.Rules
	var desk []string
	p.setupNote = ""
	if p.opt.Store != nil {
		if rules == nil {
			r, err := check.LoadRules(ctx, p.opt.Store, string(p.opt.Style))
			if err != nil {
				p.setupNote = i18n.T("The desk's house style could not be used, so the built-in one is: ") + err.Error()
			}
			rules = r
		}
		d, err := check.LoadDesk(ctx, p.opt.Store)
		if err != nil {
			p.setupNote = i18n.T("The desk dictionary could not be read: ") + err.Error()
		}
		desk = d
	}
	if rules == nil {
		rules = check.ForStyle(p.opt.Style)
	}
	if p.speller == nil {
		p.speller = check.NewSpeller(nil, desk)
	} else {
		p.speller.SetDesk(desk)
	}
	p.checker = &check.Checker{Rules: rules, Speller: p.speller}
	var note string
	if p.profiles, note = p.loadProfiles(); note != "" && p.setupNote == "" {
		p.setupNote = note
	}
	p.rules.Store(rules)
}

// Counts measures the article against its section's limits at once, for
// the "72/90" counters beside the fields on every keystroke (counting is
// cheap; no spelling). It returns nil until the first check has loaded
// the desk's rules.
func (p *Panel) Counts(a *editor.Article) []editor.LimitCount {
	r := p.rules.Load()
	if r == nil || a == nil {
		return nil
	}
	return r.Counts(a)
}
