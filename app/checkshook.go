package app

import (
	"time"

	"copydesk/editor"
)

// checkDelay is the pause in typing after which the Checks tab is given
// the copy: taking a copy of a long body on every keystroke would cost
// more than the keystroke.
const checkDelay = 300 * time.Millisecond

func (w *Window) checksShown() bool {
	return w.checks != nil && w.rightTabs.Selected() == w.checksTab
}

// runChecks gives the Checks tab the copy as it is now.
func (w *Window) runChecks() {
	if w.cancelCheck != nil {
		w.cancelCheck()
		w.cancelCheck = nil
	}
	if !w.checksShown() || w.doc == nil {
		return
	}
	w.checks.Check(w.Article())
}

// scheduleChecks runs the checks once typing pauses.
func (w *Window) scheduleChecks() {
	if !w.checksShown() {
		return
	}
	if w.cancelCheck != nil {
		w.cancelCheck()
	}
	w.cancelCheck = w.cfg.after(checkDelay, func() { w.cfg.do(w.runChecks) })
}

// jump shows a place the checks point at.
func (w *Window) jump(field string, block, start, end int) {
	if w.doc == nil {
		return
	}
	c := w.win.Canvas()
	switch field {
	case "headline":
		w.centreTabs.Select(w.editTab)
		c.Focus(w.pane.headline)
	case "standfirst":
		w.centreTabs.Select(w.editTab)
		c.Focus(w.pane.standfirst)
	case "body":
		w.centreTabs.Select(w.editTab)
		w.pane.body.FocusBlock(block, start)
	case "photo.caption":
		w.rightTabs.Select(w.metaTab)
		c.Focus(w.meta.Caption)
	case "photo.credit":
		w.rightTabs.Select(w.metaTab)
		c.Focus(w.meta.Credit)
	case "dateline", "dateline.place":
		w.rightTabs.Select(w.metaTab)
		c.Focus(w.meta.Place)
	case "dateline.source":
		w.rightTabs.Select(w.metaTab)
		c.Focus(w.meta.Source)
	case "slug":
		w.rightTabs.Select(w.metaTab)
		c.Focus(w.meta.Slug)
	}
}

// takeFix makes a fixed copy from the checks the working copy. It is an
// edit like typing (autosaved); the body's undo history starts afresh.
func (w *Window) takeFix(a *editor.Article) {
	if w.doc == nil || a == nil || a.ID != w.doc.Base.ID {
		return
	}
	fixed := a.Clone()
	fixed.Status, fixed.SpikedFrom = w.doc.Base.Status, w.doc.Base.SpikedFrom
	w.doc.Base = fixed
	w.loading = true
	w.pane.load(fixed)
	w.meta.Load(fixed)
	w.loading = false
	w.status.setCounts(w.pane.body.Counts())
	w.updateTitle()
	w.edited()
}
