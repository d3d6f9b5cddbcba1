// Package outputs is the shapes a story leaves the desk in: output
// profiles (an alert, an urgent, the full story, a web version, print),
// each with a format, the fields it carries and its length limits, and
// the counters that measure a story against them.
//
// An editor finds an alert too long only when it is pasted into the wire
// system; the counters say so while the story is being written. The
// package knows no Fyne and no store: a desk keeps its profiles in the
// store's settings through the narrow SettingsReader and SettingsStore
// declared here, as editor/check keeps its house style.
package outputs
