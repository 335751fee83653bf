package store

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/store/storetest"
)

var update = flag.Bool("update", false, "rewrite testdata/schema.golden from the SQLite migrations")

// schemaGolden describes the tables and columns both migration histories
// (migrations/ for SQLite, migrations_pg/ for PostgreSQL) must end with.
const schemaGolden = "testdata/schema.golden"

// backendOnly lists what one backend has and the other has not, by design:
// the full-text index is an FTS5 table on SQLite and a column on
// PostgreSQL, and PostgreSQL, without PRAGMA user_version, keeps the schema
// version in a table. Anything else one history makes must be in the other.
var backendOnly = map[string][]string{
	"sqlite": {"articles_fts", "articles_fts_config", "articles_fts_data", "articles_fts_docsize", "articles_fts_idx", "articles_fts_vocab",
		"titles_fts", "titles_fts_config", "titles_fts_data", "titles_fts_docsize", "titles_fts_idx"},
	"postgres": {"schema_version", "articles.fts"},
}

// schemaColumn is one column as both backends must agree on it.
type schemaColumn struct {
	table, name string
	kind        string // int, text or bytes: what the database's type stores
	notNull     bool
	key         int    // its place in the primary key, 0 when outside it
	def         string // its default as written in SQL, "" for none
	refs        string // "table(column) on delete RULE" for a foreign key
}

// describeSchema renders the tables and columns of the archive s, leaving
// out those backendOnly lists for its backend: a table a line followed by
// its columns in order, each with its kind, NOT NULL, key, default and
// foreign key.
func describeSchema(t *testing.T, s *Store) string {
	t.Helper()
	ctx := context.Background()
	backend, read := "sqlite", sqliteColumns
	if s.Postgres() {
		backend, read = "postgres", pgColumns
	}
	cols, err := read(ctx, s.r)
	if err != nil {
		t.Fatalf("read the %s schema: %v", backend, err)
	}
	skip := map[string]bool{}
	for _, name := range backendOnly[backend] {
		skip[name] = true
	}
	seen := map[string]bool{}
	var b strings.Builder
	table := ""
	for _, c := range cols {
		if skip[c.table] || skip[c.table+"."+c.name] {
			seen[c.table], seen[c.table+"."+c.name] = true, true
			continue
		}
		if c.table != table {
			table = c.table
			b.WriteString(table + "\n")
		}
		fmt.Fprintf(&b, "\t%s %s", c.name, c.kind)
		switch {
		case c.key > 0:
			fmt.Fprintf(&b, " key %d", c.key) // a key is never NULL, on either backend
		case c.notNull:
			b.WriteString(" not null")
		}
		if c.def != "" {
			b.WriteString(" default " + c.def)
		}
		if c.refs != "" {
			b.WriteString(" references " + c.refs)
		}
		b.WriteString("\n")
	}
	for name := range skip {
		if seen[name] {
			continue
		}
		t.Errorf("%s: %s is listed in backendOnly but the schema has no such table or column", backend, name)
	}
	return b.String()
}

// kindOf maps a column type of either backend to what it stores.
func kindOf(typ string) string {
	switch t := strings.ToLower(typ); {
	case strings.Contains(t, "int"): // INTEGER; bigint, integer
		return "int"
	case t == "text":
		return "text"
	case t == "blob" || t == "bytea":
		return "bytes"
	default:
		return t
	}
}

// sqliteColumns reads the columns of every table of a SQLite archive, by
// table name and column order.
func sqliteColumns(ctx context.Context, db *sql.DB) ([]schemaColumn, error) {
	rows, err := db.QueryContext(ctx, `SELECT m.name, c.name, c.type, c."notnull", c.pk, coalesce(c.dflt_value, ''),
			coalesce((SELECT f."table" || '(' || f."to" || ') on delete ' || f.on_delete
				FROM pragma_foreign_key_list(m.name) f WHERE f."from" = c.name), '')
		FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
		ORDER BY m.name, c.cid`)
	if err != nil {
		return nil, err
	}
	return scanColumns(rows, func(c *schemaColumn) {})
}

// pgColumns reads the columns of every table of the archive's schema on
// PostgreSQL, by table name and column order. A default loses its cast
// ('pending'::text is 'pending').
func pgColumns(ctx context.Context, db *sql.DB) ([]schemaColumn, error) {
	rows, err := db.QueryContext(ctx, `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'NO',
			coalesce((SELECT k.ordinal_position FROM information_schema.table_constraints tc
				JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema
					AND k.constraint_name = tc.constraint_name
				WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = c.table_schema
					AND tc.table_name = c.table_name AND k.column_name = c.column_name), 0),
			coalesce(c.column_default, ''),
			coalesce((SELECT u.table_name || '(' || u.column_name || ') on delete ' || r.delete_rule
				FROM information_schema.referential_constraints r
				JOIN information_schema.key_column_usage k ON k.constraint_schema = r.constraint_schema
					AND k.constraint_name = r.constraint_name
				JOIN information_schema.constraint_column_usage u ON u.constraint_schema = r.constraint_schema
					AND u.constraint_name = r.constraint_name
				WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name), '')
		FROM information_schema.columns c JOIN information_schema.tables t
			ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = current_schema()
		ORDER BY c.table_name COLLATE "C", c.ordinal_position`)
	if err != nil {
		return nil, err
	}
	return scanColumns(rows, func(c *schemaColumn) {
		if i := strings.Index(c.def, "::"); i > 0 && strings.HasPrefix(c.def, "'") {
			c.def = c.def[:i]
		}
	})
}

// scanColumns reads rows of (table, column, type, not null, key, default,
// foreign key), fixing each with fix, and closes rows.
func scanColumns(rows *sql.Rows, fix func(*schemaColumn)) ([]schemaColumn, error) {
	defer rows.Close()
	var out []schemaColumn
	for rows.Next() {
		var c schemaColumn
		var typ string
		if err := rows.Scan(&c.table, &c.name, &typ, &c.notNull, &c.key, &c.def, &c.refs); err != nil {
			return nil, err
		}
		c.kind = kindOf(typ)
		fix(&c)
		out = append(out, c)
	}
	return out, rows.Err()
}

// TestMigrationHistoriesAgree checks that the SQLite and the PostgreSQL
// migrations end with the same tables and columns (see backendOnly for the
// differences meant), by comparing each with testdata/schema.golden. The
// PostgreSQL half needs $NEWSARCHIVE_TEST_PG and skips without it; the
// SQLite pass runs both, so the PostgreSQL pass of the suite skips it.
func TestMigrationHistoriesAgree(t *testing.T) {
	if onPostgres() {
		t.Skip("the SQLite pass compares both backends")
	}
	ctx := context.Background()
	lite, err := Open(ctx, filepath.Join(t.TempDir(), "archive.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	got := describeSchema(t, lite)
	if *update {
		if err := os.WriteFile(schemaGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(schemaGolden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestMigrationHistoriesAgree -update ./store to write it)", err)
	}
	t.Run("sqlite", func(t *testing.T) {
		if d := lineDiff(string(want), got); d != "" {
			t.Errorf("the SQLite migrations differ from %s (- golden, + SQLite; -update rewrites it):\n%s", schemaGolden, d)
		}
	})
	t.Run("postgres", func(t *testing.T) {
		pg, err := Open(ctx, storetest.Postgres(t))
		if err != nil {
			t.Fatal(err)
		}
		defer pg.Close()
		if d := lineDiff(string(want), describeSchema(t, pg)); d != "" {
			t.Errorf("the PostgreSQL migrations differ from the SQLite ones (- SQLite, + PostgreSQL):\n%s", d)
		}
	})
}

// TestCopyCoversSchema checks that Copy's table list names every table and
// column of the schema, so a copy loses nothing: all but the tagging
// leases, which belong to the source's workers and are dropped on purpose.
func TestCopyCoversSchema(t *testing.T) {
	s := openTest(t)
	schema := map[string][]string{}
	table := ""
	for line := range strings.Lines(describeSchema(t, s)) {
		if name, ok := strings.CutPrefix(line, "\t"); ok {
			col, _, _ := strings.Cut(name, " ")
			schema[table] = append(schema[table], col)
		} else {
			table = strings.TrimSpace(line)
			schema[table] = nil
		}
	}
	dropped := map[string][]string{"tagging": {"lease_owner", "lease_until"}}
	for _, ct := range copyTables {
		cols, ok := schema[ct.name]
		if !ok {
			t.Errorf("Copy copies %s, which the schema lacks", ct.name)
			continue
		}
		var copied []string
		for _, c := range ct.cols {
			copied = append(copied, strings.Trim(c.name, `"`))
		}
		for _, c := range cols {
			if !slices.Contains(copied, c) && !slices.Contains(dropped[ct.name], c) {
				t.Errorf("Copy leaves out %s.%s", ct.name, c)
			}
		}
		for _, c := range copied {
			if !slices.Contains(cols, c) {
				t.Errorf("Copy copies %s.%s, which the schema lacks", ct.name, c)
			}
		}
		delete(schema, ct.name)
	}
	for name := range schema {
		t.Errorf("Copy leaves out the table %s", name)
	}
}

// lineDiff returns the lines of want missing from got (-) and of got
// missing from want (+), each with its table; "" when they are the same.
func lineDiff(want, got string) string {
	key := func(text string) []string {
		var out []string
		table := ""
		for line := range strings.Lines(text) {
			line = strings.TrimRight(line, "\n")
			if !strings.HasPrefix(line, "\t") {
				table = line
			}
			out = append(out, table+": "+strings.TrimSpace(line))
		}
		return out
	}
	w, g := key(want), key(got)
	var b strings.Builder
	for _, l := range w {
		if !slices.Contains(g, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	if b.Len() == 0 && want != got {
		return "the same lines in another order:\n" + got
	}
	return b.String()
}
