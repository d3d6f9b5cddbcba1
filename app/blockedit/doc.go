// Package blockedit is the body editor of the Copydesk window: a Fyne widget
// that edits a story's body as a column of blocks (paragraphs, subheads,
// quotes), one wrapped entry per block, and stays fast on long copy.
//
// # Why blocks
//
// A single multi-line widget.Entry re-wraps and re-lays out its whole text
// on every keystroke: at 10,000 words that is hundreds of milliseconds. Here
// a keystroke re-wraps one block, and the editor's own bookkeeping (an undo
// record, the block's word count, its height) is proportional to that block
// too.
//
// # Why a virtual column, and not widget.List
//
// Building an entry for each of 300 blocks up front takes seconds, so only
// the blocks in and near the viewport have a row (an entry and its
// decorations). Every block has a slot height: estimated from its length
// until it is first laid out, then measured from its entry's wrapped lines.
// When a block above the viewport turns out taller or shorter than
// estimated, the scroll offset moves with it, so the page does not jump.
// Fyne's widget.List (2.8.1) can vary row heights only through SetItemHeight
// for every item, which means measuring all 300 blocks to open; it also
// recycles a row for another item while its entry may have the keyboard,
// selects rows on tap and highlights them on hover, and is itself focusable
// and takes the arrow keys. None of that suits copy.
//
// # Theme scopes
//
// Each entry is drawn in the theme of its block kind (no input box, the
// kind's type size), which Fyne can only give a widget through a theme
// override; and Fyne parses a full font set, about 5 MB, for every override
// scope whose text it draws. So rows are made in batches that share one
// scope per theme group, kept for reuse, and never thrown away: a story
// costs two or three scopes, not one per row. See scope.go.
//
// # Keys
//
// Each block's entry is a blockEntry, a widget.Entry whose keys and
// shortcuts reach the editor first: Enter splits, Backspace at the start and
// Delete at the end merge, arrows at a block's edge cross to the next block,
// undo and paste act on the body, and Ctrl+1/Ctrl+2/Ctrl+Q set the kind.
// Shortcuts the editor does not use go to Editor.OnShortcut, because a
// focused Entry swallows them and Canvas().AddShortcut never sees them.
//
// Whole blocks are selected with Shift+Up/Down at a block's first or last
// line, Shift+click on the handles in the gutter, or Ctrl+A twice; while
// they are, a widget of the editor's own has the keyboard (copy gives the
// blocks' Markdown, typing or Delete replaces them).
//
// # Threading
//
// Everything runs on the Fyne UI goroutine, and the editor's callbacks
// (OnChanged, OnShortcut, OnKey) are called on it. Code on other goroutines
// calls the editor through fyne.Do. The one goroutine of the editor's own
// checks the spelling of the blocks shown (spellmarks.go) and hands its
// answers back through fyne.Do.
//
// # Spelling
//
// With a SpellChecker set, misspelled words get a red wavy underline, with
// suggestions and "Add to desk dictionary" on a right-click on the word or
// on Ctrl+. (SpellMenuAtCaret); FieldMarks does the same over a plain
// Entry. See spellmarks.go.
package blockedit
