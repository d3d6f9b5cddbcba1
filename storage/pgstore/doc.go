// Package pgstore is Copydesk's shared store: one PostgreSQL database
// (through pgx/v5) that several desks use at once. It implements
// storage.Store, storage.Locker (article locks with a heartbeat) and
// storage.Watcher (live updates over LISTEN/NOTIFY), and passes
// storetest.Run and storetest.RunShared.
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
// Engines. Tested with PostgreSQL 15 (storage/pgtest). The SQL is meant to
// run on CockroachDB and YugabyteDB as well, which speak PostgreSQL's
// protocol; what each needs:
//   - PostgreSQL: nothing beyond plain tables, INSERT … ON CONFLICT,
//     SELECT … FOR UPDATE, strpos, array_agg(… ORDER BY …), pg_notify.
//   - CockroachDB: runs every transaction SERIALIZABLE and reports
//     conflicts as 40001, which retry absorbs; has no LISTEN/NOTIFY, so Open
//     finds pg_notify missing, writes then send nothing, and Watch fails
//     with ErrNoNotify (the window then tells the user other desks'
//     changes show on reopening; a polling fallback over a changes table
//     is not built);
//     pg_database_size is missing too, so Stats reports 0 bytes. The
//     migrations run DDL inside a transaction, which CockroachDB allows
//     for a new database.
//   - YugabyteDB: PostgreSQL's SQL layer, LISTEN/NOTIFY included in
//     recent releases; DDL inside a transaction needs a release with
//     transactional DDL, else run the first Open on an idle cluster.
//
// No advisory locks, stored procedures, triggers or SERIAL columns are used:
// the migration guard is a row of schema_version locked FOR UPDATE.
package pgstore
