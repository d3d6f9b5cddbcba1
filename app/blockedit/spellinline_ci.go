//go:build ci

package blockedit

// spellInline is true under the test driver, whose fyne.Do runs the
// function at once on the calling goroutine: an answer from the worker
// would race with the test. Tests check each block as its row is laid out.
const spellInline = true
