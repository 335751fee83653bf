package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// sqliteDialect is a SQLite archive: one file, one writer connection whose
// transactions take the file's write lock at BEGIN, a pool of read-only
// readers, and an FTS5 table over the articles.
type sqliteDialect struct{}

// migrate applies the embedded numbered migrations above PRAGMA user_version,
// each in its own transaction together with the version bump, so a failed
// migration leaves the file as it was. The version is read again inside each
// transaction, so two processes opening a new archive at once apply each
// migration once.
func (sqliteDialect) migrate(ctx context.Context, s *Store) error {
	ms, err := readMigrations(migrationSource)
	if err != nil {
		return err
	}
	var current int
	if err := s.w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if err := checkVersion(current, len(ms)); err != nil {
		return err
	}
	for _, m := range ms[current:] {
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			var now int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
				return fmt.Errorf("read schema version: %w", err)
			}
			if now >= m.version {
				return nil // another process applied it meanwhile
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// lock does nothing: the writer's transactions begin IMMEDIATE, taking the
// file's write lock, and the migrations run on the writer.
func (sqliteDialect) lock(context.Context, *sql.Tx, lockKey) error { return nil }

// readOptions: a SQLite read transaction sees one snapshot (WAL) already.
func (sqliteDialect) readOptions() *sql.TxOptions { return &sql.TxOptions{ReadOnly: true} }

func (sqliteDialect) matching() string {
	return `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`
}

// titleMatching reads the index of the titles alone (migration 0013):
// FTS5 streams matches in rowid order, descending as asked, and stops at
// the LIMIT.
func (sqliteDialect) titleMatching() string {
	return `SELECT rowid FROM titles_fts WHERE titles_fts MATCH ? ORDER BY rowid DESC LIMIT ?`
}

func (sqliteDialect) titleExpr(expr string) string { return expr }

func (sqliteDialect) ftsOps() (and, or string) { return " AND ", " OR " }

func (sqliteDialect) ftsTerm(words []string, prefix bool) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	t := strings.Join(quoted, " + ")
	if prefix {
		t += " *"
	}
	return t
}

func (sqliteDialect) ftsAndNot(positive, negative string) string {
	return "(" + positive + ") NOT (" + negative + ")"
}

// matchIDs: the ids are joined by the database and parsed here, much
// faster than a row each.
func (sqliteDialect) matchIDs(ctx context.Context, s *Store, match string) ([]int64, error) {
	q := `SELECT coalesce(group_concat(rowid), '') FROM articles_fts WHERE articles_fts MATCH ?`
	var list string
	if err := s.r.QueryRowContext(ctx, q, match).Scan(&list); err != nil {
		return nil, fmt.Errorf("search: list matches: %w", err)
	}
	return parseIDs(list)
}

// rankedIDs ranks by bm25.
func (sqliteDialect) rankedIDs(ctx context.Context, s *Store, match string) ([]int64, error) {
	q := `SELECT coalesce(group_concat(rowid), '') FROM
		(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank)`
	var list string
	if err := s.r.QueryRowContext(ctx, q, match).Scan(&list); err != nil {
		return nil, fmt.Errorf("search: rank matches: %w", err)
	}
	return parseIDs(list)
}

func (sqliteDialect) idsIn() string { return ` IN (SELECT value FROM json_each(?))` }

func (sqliteDialect) idList(expr string, distinct bool) string {
	d := ""
	if distinct {
		d = "DISTINCT "
	}
	return `coalesce(group_concat(` + d + expr + `), '')`
}

func (sqliteDialect) aliasList() string {
	return `coalesce((SELECT group_concat(alias, char(31) ORDER BY alias) FROM entity_aliases WHERE entity_id = e.id), '')`
}

func (sqliteDialect) hasEntityTables(ctx context.Context, q querier) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'
		AND name IN ('entities', 'entity_aliases', 'mentions')`).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look for the entity tables: %w", err)
	}
	return n == 3, nil
}

// clock is this machine's clock: a SQLite archive's workers share the
// machine.
func (sqliteDialect) clock() (string, []any) { return "?", []any{time.Now().UnixMilli()} }

// rowLock: a SQLite write transaction holds the whole file.
func (sqliteDialect) rowLock(bool) string { return "" }

// engineCheck runs SQLite's integrity check and FTS5's check of the index
// against its content table.
func (sqliteDialect) engineCheck(ctx context.Context, s *Store) ([]string, string, error) {
	problems, err := integrityCheck(ctx, s.r)
	if err != nil {
		return nil, "", err
	}
	version, err := schemaVersion(ctx, s.r)
	if err != nil {
		return nil, "", err
	}
	odd, err := unexpectedObjects(ctx, s.r, version)
	if err != nil {
		return nil, "", err
	}
	for _, o := range odd {
		problems = append(problems, "schema: "+o)
	}
	// The FTS5 check is written as an INSERT: it needs the writer. It
	// fails when the index and its content table disagree.
	for _, fts := range []string{"articles_fts", "titles_fts"} {
		if _, err := s.w.ExecContext(ctx, `INSERT INTO `+fts+` (`+fts+`, rank) VALUES ('integrity-check', 1)`); err != nil {
			return problems, err.Error(), nil
		}
	}
	return problems, "", nil
}

// integrityCheck runs SQLite's integrity check: a line per problem.
func integrityCheck(ctx context.Context, q querier) ([]string, error) {
	var problems []string
	err := eachRow(ctx, q, `PRAGMA integrity_check`, nil, func(rows *sql.Rows) error {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return err
		}
		if msg != "ok" {
			problems = append(problems, "sqlite: "+msg)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("integrity check: %w", err)
	}
	return problems, nil
}

func (sqliteDialect) checkSQL() checkSQL {
	return checkSQL{
		bytes:    func(x string) string { return `CAST(` + x + ` AS BLOB)` },
		shown:    func(x string) string { return `CAST(` + x + ` AS TEXT)` },
		format:   `printf`,
		quoted:   `%Q`,
		quote:    `quote`,
		aliasKey: `rowid`,
	}
}

// backup copies the file with VACUUM INTO: one read transaction, so
// writers (this process's or another's) go on meanwhile and the copy is
// the archive as it was when the backup began.
func (sqliteDialect) backup(ctx context.Context, s *Store, dest string) error {
	// The reader pool is query_only, which VACUUM INTO refuses, and the
	// writer is for writes: the copy gets a connection of its own.
	db, err := sql.Open("sqlite", dsn(s.path, false))
	if err != nil {
		return err
	}
	defer db.Close()
	return vacuumInto(ctx, db, dest)
}

// sameArchive: the same file, under any name.
func (sqliteDialect) sameArchive(_ context.Context, a, b *Store) (bool, error) {
	return sameFile(a.path, b.path)
}

// textProblem: SQLite stores any bytes as TEXT.
func (sqliteDialect) textProblem(string) string { return "" }

// syncIDSequence: an INTEGER PRIMARY KEY takes the highest id plus one.
func (sqliteDialect) syncIDSequence(context.Context, *sql.Tx, string) error { return nil }

// analyze: SQLite's planner needs no statistics for the archive's queries.
func (sqliteDialect) analyze(context.Context, *Store, string) error { return nil }

// matchFirstIDs lists the first n+1 matches only: FTS5 streams its doclists
// in rowid order, so stopping early costs what was read.
func (sqliteDialect) matchFirstIDs(ctx context.Context, s *Store, match string, n int) ([]int64, bool, error) {
	q := `SELECT coalesce(group_concat(rowid), '') FROM
		(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`
	var list string
	if err := s.r.QueryRowContext(ctx, q, match, n+1).Scan(&list); err != nil {
		return nil, false, fmt.Errorf("search: list matches: %w", err)
	}
	ids, err := parseIDs(list)
	if err != nil || len(ids) <= n {
		return ids, false, err
	}
	return ids[:n], true, nil
}

// matchAmong: FTS5 takes each id of the IN list as a rowid constraint and
// seeks it in every term's doclist (tens of microseconds each on an
// optimized index) instead of reading the doclists whole.
func (sqliteDialect) matchAmong(ctx context.Context, s *Store, match string, ids []int64) (idSet, error) {
	return s.articleSet(ctx, `SELECT coalesce(group_concat(rowid), '') FROM articles_fts
		WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`, match, jsonIDs(ids))
}
