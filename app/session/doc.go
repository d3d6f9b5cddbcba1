// Package session is the window's editing session without the window: the
// open document and its draft, revision and checkpoint rules, the
// bookkeeping of article locks on a store several desks share, and the
// batching of other desks' live changes. It does not import Fyne, so its
// rules are tested with plain `go test` (make check enforces it); the
// window (package app) calls it from the UI goroutine and its own
// goroutines.
package session
