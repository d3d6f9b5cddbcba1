// Package crashtest holds the crash-safety harness for the embedded store:
// its test re-runs the test binary as a child that edits, autosaves and
// saves revisions through badgerstore and reports each acknowledged write
// on a pipe, kills the child with SIGKILL at random moments, and checks
// after each kill that the database opens, verifies, and holds every
// acknowledged revision and a draft no older than the last acknowledged
// autosave. Nothing outside tests uses it.
//
// "Acknowledged" means the store call returned without error. A SIGKILL
// ends the process, not the machine: Badger's memtable is an mmap'd file,
// so a returned SaveDraft is in the page cache and survives. A power cut
// is another matter — only synced writes (revisions, or every write with
// SyncEveryWrite) survive that — and no kill can test it.
//
// Run it longer with COPYDESK_CRASH_KILLS=200 (make crashtest).
package crashtest
