//go:build !ci

package blockedit

// spellInline is false in the real window: blocks are checked on the
// editor's worker goroutine, so that typing never waits for Hunspell.
const spellInline = false
