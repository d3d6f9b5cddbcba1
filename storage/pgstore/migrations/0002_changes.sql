-- Schema 2: the change feed. Every write that tells other desks of a change
-- (records.go, sendChange) also adds a row here, in its own transaction, so
-- that a desk on an engine without LISTEN/NOTIFY (CockroachDB) learns of
-- changes by reading the rows newer than the ones it has seen. Rows are kept
-- for minutes only: every desk deletes the old ones now and then (feed.go).
--
-- No SERIAL and no order in the id: the id is random, made by the writing
-- desk; the order is `at`, the database's clock_timestamp() when the row was
-- written, the last statement before the commit. A reader does not trust
-- `at` to be the commit order: it reads again an overlap of seconds behind
-- the newest time it has seen and drops the ids it has delivered.
CREATE TABLE changes (
    id         TEXT PRIMARY KEY,     -- random, 128 bits in hex
    at         TIMESTAMPTZ NOT NULL, -- clock_timestamp() at the write
    article_id TEXT NOT NULL,
    kind       TEXT NOT NULL,        -- storage.ChangeKind
    seq        BIGINT NOT NULL,      -- 0: not known
    version    BIGINT NOT NULL,      -- 0: not known
    desk       TEXT NOT NULL         -- the desk that made the change
);
CREATE INDEX changes_by_at ON changes (at, id);
