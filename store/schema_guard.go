package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// ErrForeignSchema reports an archive file holding schema objects (tables,
// views, triggers, indexes) that this program's migrations do not make: a
// backup crafted to run its own triggers once restored.
var ErrForeignSchema = errors.New("the file holds objects that are not part of an archive's schema")

// schemaObject is one row of sqlite_schema.
type schemaObject struct {
	typ, name, table, sql string
}

func (o schemaObject) key() string { return o.typ + " " + o.name }

// expectedSchemas caches, by schema version, the objects a fresh archive
// migrated to that version holds.
var expectedSchemas sync.Map // int -> map[string]schemaObject

// expectedSchema returns the objects of an archive at schema version
// version, made by applying the migrations to an in-memory database.
func expectedSchema(ctx context.Context, version int) (map[string]schemaObject, error) {
	if m, ok := expectedSchemas.Load(version); ok {
		return m.(map[string]schemaObject), nil
	}
	ms, err := readMigrations(migrationSource)
	if err != nil {
		return nil, err
	}
	if version < 0 || version > len(ms) {
		return nil, fmt.Errorf("schema version %d unknown", version)
	}
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, m := range ms[:version] {
		if _, err := db.ExecContext(ctx, m.sql); err != nil {
			return nil, fmt.Errorf("expected schema: migration %s: %w", m.name, err)
		}
	}
	objs, err := schemaObjects(ctx, db)
	if err != nil {
		return nil, err
	}
	expectedSchemas.Store(version, objs)
	return objs, nil
}

// schemaObjects reads sqlite_schema, leaving out the statistics tables
// ANALYZE makes.
func schemaObjects(ctx context.Context, q querier) (map[string]schemaObject, error) {
	out := map[string]schemaObject{}
	err := eachRow(ctx, q, `SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
		WHERE name NOT LIKE 'sqlite\_stat%' ESCAPE '\'`, nil, func(rows *sql.Rows) error {
		var o schemaObject
		if err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql); err != nil {
			return err
		}
		out[o.key()] = o
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the schema: %w", err)
	}
	return out, nil
}

// unexpectedObjects compares the schema of the SQLite database q, at
// schema version version, with what the migrations make: one line per
// object that is extra or defined otherwise, sorted.
func unexpectedObjects(ctx context.Context, q querier, version int) ([]string, error) {
	want, err := expectedSchema(ctx, version)
	if err != nil {
		return nil, err
	}
	have, err := schemaObjects(ctx, q)
	if err != nil {
		return nil, err
	}
	var out []string
	for k, o := range have {
		w, ok := want[k]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("unexpected %s %q on %q: not part of the archive's schema", o.typ, o.name, o.table))
		case normaliseSQL(w.sql) != normaliseSQL(o.sql) || w.table != o.table:
			out = append(out, fmt.Sprintf("%s %q is defined otherwise than the archive's schema defines it", o.typ, o.name))
		}
	}
	sort.Strings(out)
	return out, nil
}

// normaliseSQL collapses runs of white space, which ALTER TABLE may change.
func normaliseSQL(s string) string { return strings.Join(strings.Fields(s), " ") }

// schemaVersion reads an SQLite database's user_version.
func schemaVersion(ctx context.Context, q querier) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}
