package pgstore

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"copydesk/storage"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one embedded migrations/NNNN_name.sql file.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migrations in order; their numbers must
// run 1, 2, 3 … without gaps.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration file %s is not named NNNN_name.sql", e.Name())
		}
		b, err := migrationFiles.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return out, nil
}

// SchemaVersion is the newest schema this program knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// catalogueRace holds the SQLSTATEs of two CREATE TABLE IF NOT EXISTS
// colliding: unique_violation, duplicate_table, duplicate_object.
var catalogueRace = map[string]bool{"23505": true, "42P07": true, "42710": true}

// migrate brings the schema up to date and returns its version. The row
// of schema_version is locked FOR UPDATE for the whole migration, so a
// second desk starting at the same moment waits, then finds the schema
// current; no advisory lock (CockroachDB has none) is needed.
func (s *Store) migrate(ctx context.Context) (int, error) {
	ms, err := migrations()
	if err != nil {
		return 0, err
	}
	// Two desks creating the table at once can collide in PostgreSQL's
	// catalogue (a unique violation on pg_type, "type already exists"); the
	// loser tries again and finds the table there.
	for attempt := 0; ; attempt++ {
		_, err = s.pool.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
			id      INT PRIMARY KEY,
			version INT NOT NULL,
			applied TIMESTAMPTZ NOT NULL DEFAULT now())`)
		if err == nil {
			_, err = s.pool.Exec(ctx, `INSERT INTO schema_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`)
		}
		if st := sqlState(err); err == nil || attempt == 5 || (!catalogueRace[st] && !retryable(err)) {
			break
		}
		time.Sleep(time.Duration(10*(attempt+1)) * time.Millisecond)
	}
	if err != nil {
		return 0, fmt.Errorf("database %s: creating the schema table: %w", s.location, err)
	}
	var found int
	err = s.retry(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT version FROM schema_version WHERE id = 1 FOR UPDATE`).Scan(&found); err != nil {
			return err
		}
		if found > len(ms) {
			return &storage.SchemaError{Path: s.location, Found: found, Supported: len(ms)}
		}
		for _, m := range ms[found:] {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			s.logger().Info("migrated the database", "database", s.location, "to", m.version)
		}
		if found < len(ms) {
			_, err := tx.Exec(ctx, `UPDATE schema_version SET version = $1, applied = now() WHERE id = 1`, len(ms))
			return err
		}
		return nil
	})
	var se *storage.SchemaError
	if errors.As(err, &se) {
		return 0, err
	}
	if err != nil {
		return 0, fmt.Errorf("database %s: migrating the schema: %w", s.location, err)
	}
	return len(ms), nil
}
