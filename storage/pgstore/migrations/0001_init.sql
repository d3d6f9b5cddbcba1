-- Copydesk's shared store, schema 1. Plain tables and types only, so that
-- CockroachDB and YugabyteDB run it too. Times that enter a chain hash are
-- TEXT in a fixed-width UTC form (2006-01-02T15:04:05.000000000Z): exact to
-- the nanosecond, where TIMESTAMPTZ keeps microseconds, and sortable.

-- One row per article: the working draft and the library's row for it.
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    content      BYTEA NOT NULL,  -- the draft, editor's canonical encoding
    content_hash TEXT NOT NULL,   -- editor.HashBytes(content)
    version      BIGINT NOT NULL, -- counts writes of the draft
    saved        TEXT NOT NULL,   -- when the draft was written
    seq          BIGINT NOT NULL, -- the newest revision when it was written
    headline     TEXT NOT NULL,
    slug         TEXT NOT NULL,
    section      TEXT NOT NULL,
    status       TEXT NOT NULL,
    tags         TEXT NOT NULL,   -- the tags as spelt, one per line
    words        BIGINT NOT NULL,
    search       TEXT NOT NULL,   -- storage.SearchText: headline, slug, tags
    terms        TEXT NOT NULL    -- the body's distinct words, ' a b c '
);
CREATE INDEX articles_by_saved ON articles (saved, id);
CREATE INDEX articles_by_status ON articles (status, saved, id);

-- The tags of each article, once per case-folded key, for Tag queries
-- and Tags.
CREATE TABLE article_tags (
    article_id TEXT NOT NULL,
    tag_key    TEXT NOT NULL, -- editor.TagKey
    tag        TEXT NOT NULL, -- as spelt
    PRIMARY KEY (article_id, tag_key)
);
CREATE INDEX article_tags_by_key ON article_tags (tag_key, article_id);

-- Revisions: the newest of an article and every 16th whole, the others as
-- reverse deltas against the next one (storage/delta).
CREATE TABLE revisions (
    article_id   TEXT NOT NULL,
    seq          BIGINT NOT NULL,
    time         TEXT NOT NULL,
    author       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    label        TEXT NOT NULL,
    note         TEXT NOT NULL,
    words        BIGINT NOT NULL,
    content_hash TEXT NOT NULL,
    parent_hash  TEXT NOT NULL,
    hash         TEXT NOT NULL,
    encoding     TEXT NOT NULL, -- 'whole' or 'delta'
    body         BYTEA NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value BYTEA NOT NULL
);

-- Article locks. Times are the database's clock, so desks' clocks do not
-- matter.
CREATE TABLE locks (
    article_id  TEXT PRIMARY KEY,
    holder_name TEXT NOT NULL,
    desk        TEXT NOT NULL,
    since       TIMESTAMPTZ NOT NULL,
    seen        TIMESTAMPTZ NOT NULL
);
CREATE INDEX locks_by_desk ON locks (desk);
