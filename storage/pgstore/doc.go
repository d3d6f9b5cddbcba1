// Package pgstore is Copydesk's shared store: one PostgreSQL database
// (through pgx/v5) that several desks use at once. It implements
// storage.Store, storage.Locker (article locks with a heartbeat) and
// storage.Watcher (live updates), and passes storetest.Run and
// storetest.RunShared (the latter also with every desk polling).
//
// Layout: one row per article holds the draft (the editor's canonical
// encoding) beside the library's summary columns; revisions are rows of
// their own, chained by storage.NewRevision's hashes, the newest and every
// 16th kept whole and the others as exact reverse deltas (storage/delta)
// written just after the save that superseded them. The schema comes from
// the embedded migrations/NNNN_*.sql files and is recorded in
// schema_version; Open migrates an older database and refuses a newer one
// with a *storage.SchemaError.
//
// Concurrency: every write runs in one transaction that locks the
// article's row (SELECT … FOR UPDATE, or an UPDATE whose WHERE carries the
// draft version), so the draft version check, the next sequence number and
// the revision chain are decided under the lock, never read-then-written.
// Serialization failures and deadlocks (SQLSTATE 40001, 40P01) are retried
// with jittered backoff by one helper, retry.
//
// Live updates. Every write that changes what other desks show (Create,
// SaveDraft, SaveRevision, SetLabel, a lock taken, taken over or released)
// reports a storage.Change signed with a desk ID, in the write's own
// transaction, so only committed work is reported, and in two ways:
//   - a notice, pg_notify on the copydesk_changes channel, where the engine
//     has it (Open probes for it). Watch listens on a connection of its own
//     and hears a change as it commits; this is the default.
//   - a row in the changes table, the change feed (migration 2), always: one
//     INSERT sent in the same round trip as the notice, which cost nothing
//     measurable in BenchmarkSaveRevision. Watch reads the feed where the
//     engine cannot notify, or when Options.Poll asks for it. Writing the
//     rows always lets a polling desk and a listening desk share a database.
//
// How the feed is read. A row's time is the database's clock_timestamp()
// when the row is written, the last statement before the commit where the
// write allows it, not now(), which on every engine here is the start of
// the transaction (on CockroachDB a timestamp with no relation to the
// commit order), possibly long before a commit that waited for a row lock.
// Row IDs are random (128 bits): desks make them without coordinating, and
// no order is assumed of them. The time is not trusted to be the commit
// order either: a poll (every 250 ms, one range query on the index
// changes_by_at, ORDER BY at, id, in pages of 500 rows) reads again
// everything from 10 s behind the newest time it has seen, and drops the
// IDs it delivered already; it remembers only the IDs of that window. So a
// change is delivered once, even when its row commits after rows with
// later times were delivered, provided it commits within 10 s of its time
// and the database nodes' clocks agree within those 10 s — else it is
// missed. The watch starts by reading the window as already delivered, so
// it reports the changes made after it returns. Every desk deletes rows
// older than 10 minutes about once a minute (jittered), in DELETEs of at
// most 1,000 rows; a watcher that could not read the feed for 5 minutes
// sends Change{} ("reload all") as rows it never read may be gone.
//
// Failover. Given a URL with several hosts and
// target_session_attrs=read-write, a desk follows the primary of a
// replicated cluster: a call cut off by a lost connection runs again once
// a primary answers (Options.Failover, 90 s by default), a write cut off
// during its commit recognizes its own effect or is refused as stale
// (failover.go), the watcher re-listens on the new primary, and
// SetOnConnection tells a window. Tested with pg_auto_failover
// (storage/pgtest/hacluster, cmd/deskload --failovers). The library's
// reads may go to a standby that has caught up (standby.go).
//
// Engines. Tested with PostgreSQL 15 (storage/pgtest), both ways of live
// updates (the feed with Options.Poll). The SQL is meant to run on
// CockroachDB and YugabyteDB as well, which speak PostgreSQL's protocol;
// what each needs:
//   - PostgreSQL: nothing beyond plain tables, INSERT … ON CONFLICT,
//     SELECT … FOR UPDATE, strpos, array_agg(… ORDER BY …), row-value
//     comparison, clock_timestamp(), and pg_notify for live updates by
//     LISTEN/NOTIFY (without it, as on the engines below, desks poll).
//   - CockroachDB: runs every transaction SERIALIZABLE and reports
//     conflicts as 40001, which retry absorbs; has no LISTEN/NOTIFY, so
//     Open finds pg_notify missing, writes add feed rows only, and Watch
//     polls the feed: other desks' changes show within about 250 ms plus a
//     query. clock_timestamp() is the clock of the node the desk is
//     connected to; a node whose clock is off from at least half the
//     others' by 80% of the cluster's maximum offset (500 ms by default)
//     stops itself, so clocks agree well inside the feed's 10 s. The
//     (at, id) index takes every feed INSERT at its end, one range: fine
//     for a newsroom, a hot spot for thousands of writes a second. pg_database_size is missing too, so Stats reports 0 bytes.
//     The migrations run DDL inside a transaction, which CockroachDB
//     allows for a new database.
//   - YugabyteDB: PostgreSQL's SQL layer. Its LISTEN/NOTIFY is early access
//     and off by default (ysql_yb_enable_listen_notify on masters and
//     tservers): off, Open finds pg_notify failing and desks poll as on
//     CockroachDB; on, desks listen; a LISTEN refused (SQLSTATE class 0A or
//     42) makes Watch poll too. DDL inside a transaction needs a release
//     with transactional DDL, else run the first Open on an idle cluster.
//
// No advisory locks, stored procedures, triggers or SERIAL columns are used:
// the migration guard is a row of schema_version locked FOR UPDATE.
package pgstore
