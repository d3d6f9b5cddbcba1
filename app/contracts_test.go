package app

import (
	"copydesk/app/checks"
	"copydesk/app/history"
)

// The views cmd/copydesk wires into the window (Extensions) keep the
// contracts the window relies on, optional ones included: a History view
// that lost Reload would silently fall back to a full Load on every live
// change, one that lost SetReadOnly would offer Restore on a story
// another desk holds. Checked at compile time.
var (
	_ ArticleView  = (*history.View)(nil)
	_ Reloader     = (*history.View)(nil)
	_ ReadOnlyView = (*history.View)(nil)
	_ ChecksView   = (*checks.Panel)(nil)
)
