// Package store keeps the archive: articles with their original bytes, a
// full-text index, entities, corrections, tags, notes and snapshots. An
// archive is one SQLite file (the default) or a PostgreSQL database shared
// by a team (an address postgres://...); callers see the same noun-named
// methods, each taking a context first. It is the only package that speaks
// SQL.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"time"

	"modernc.org/sqlite" // the pure-Go SQLite driver
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrNotFound is returned when a requested row does not exist.
var ErrNotFound = errors.New("not found")

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationSource holds the numbered migrations (NNNN_name.sql) at its top
// level; tests swap it to try upgrades and failing migrations.
var migrationSource = func() fs.FS {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		panic(err)
	}
	return sub
}()

// Store is an open archive. On SQLite: one writer connection and a pool of
// readers. On PostgreSQL: one pool for both, write transactions taking an
// advisory lock.
type Store struct {
	path string  // the file, or the PostgreSQL address without its password
	addr string  // the PostgreSQL address as given; "" for SQLite
	d    dialect // what differs between SQLite and PostgreSQL
	w    *sql.DB // SQLite: one connection, transactions take the write lock at BEGIN
	r    *sql.DB // SQLite: read-only pool; PostgreSQL: w
	meta searchMeta
}

// busyTimeoutMS is how long a connection waits for another writer.
const busyTimeoutMS = 10000

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	// busy_timeout comes first: switching a new file to WAL takes a lock
	// that another process opening the same archive may hold.
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(busyTimeoutMS)+")")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// A file from elsewhere (a restored backup) may carry triggers or views
	// calling functions with side effects: the schema is not trusted.
	q.Add("_pragma", "trusted_schema(0)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens the archive at path, creating it and its directory when needed,
// and brings its schema up to date. A path starting with postgres:// or
// postgresql:// opens a PostgreSQL database instead (see postgres.go).
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open archive: no path given")
	}
	if IsPostgres(path) {
		return openPostgres(ctx, path)
	}
	if err := createPrivate(path); err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	// Processes opening a new archive at once all switch it to WAL and
	// create its tables; SQLite answers some of them "busy" at once, without
	// waiting (two readers of a rollback-journal file both wanting the
	// exclusive lock), so opening tries again, for as long as a busy
	// connection would have waited.
	deadline := time.Now().Add(busyTimeoutMS * time.Millisecond)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 250*time.Millisecond) {
		s, err := openSQLite(ctx, path)
		if err == nil || !busy(err) || time.Now().Add(wait).After(deadline) {
			return s, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("open archive %s: %w", path, errors.Join(err, ctx.Err()))
		case <-time.After(wait):
		}
	}
}

// busy reports whether err is SQLite's "database is locked" or "table is
// locked".
func busy(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	code := e.Code() & 0xff
	return code == sqlite3.SQLITE_BUSY || code == sqlite3.SQLITE_LOCKED
}

// openSQLite opens the SQLite archive at path once: the writer, the
// migrations, the readers.
func openSQLite(ctx context.Context, path string) (*Store, error) {
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	s := &Store{path: path, w: w, d: sqliteDialect{}}
	if err := s.d.migrate(ctx, s); err != nil {
		w.Close()
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	r.SetMaxOpenConns(max(4, runtime.NumCPU()))
	s.r = r
	return s, nil
}

// Path returns the archive's file path, or its PostgreSQL address without
// the password: fit to show.
func (s *Store) Path() string { return s.path }

// Postgres reports whether the archive is a PostgreSQL database.
func (s *Store) Postgres() bool {
	_, pg := s.d.(pgDialect)
	return pg
}

// Close closes the archive.
func (s *Store) Close() error {
	if s.r == s.w {
		return s.w.Close()
	}
	return errors.Join(s.r.Close(), s.w.Close())
}

// migration is one numbered schema change.
type migration struct {
	version   int
	name, sql string
}

// readMigrations returns the migrations NNNN_name.sql at the top of src, in
// order, checking that they are numbered 1, 2, 3...
func readMigrations(src fs.FS) ([]migration, error) {
	entries, err := fs.ReadDir(src, ".")
	if err != nil {
		return nil, err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	ms := make([]migration, len(entries))
	for i, e := range entries {
		if n, _, _ := strings.Cut(e.Name(), "_"); n != fmt.Sprintf("%04d", i+1) {
			return nil, fmt.Errorf("migration %s is out of sequence", e.Name())
		}
		body, err := fs.ReadFile(src, e.Name())
		if err != nil {
			return nil, err
		}
		ms[i] = migration{version: i + 1, name: e.Name(), sql: string(body)}
	}
	return ms, nil
}

// checkVersion refuses an archive whose schema is newer than the known
// migrations.
func checkVersion(current, known int) error {
	if current > known {
		return fmt.Errorf("the archive's schema (version %d) is newer than this program knows (%d): update News Archive", current, known)
	}
	return nil
}

// inTx runs f in a write transaction (one at a time per archive), committing
// when it returns nil and rolling back otherwise.
func (s *Store) inTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	return s.transact(ctx, s.w, nil, writeLock, f)
}

// inQueueTx runs f in a write transaction that does not take PostgreSQL's
// archive-wide write lock: for the tagging queue's statements, whose row
// locks keep them apart. On SQLite it is inTx.
func (s *Store) inQueueTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	return s.transact(ctx, s.w, nil, noLock, f)
}

// readTx runs f in a read-only transaction: everything it reads is one
// consistent view of the archive, whatever writers do meanwhile.
func (s *Store) readTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	return s.transact(ctx, s.r, s.d.readOptions(), noLock, f)
}

// transact runs f in a transaction on db, first taking the archive-wide
// lock key unless it is noLock, committing when f returns nil and rolling
// back otherwise. Every transaction of the package goes through it.
func (s *Store) transact(ctx context.Context, db *sql.DB, opts *sql.TxOptions, key lockKey, f func(tx *sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if key != noLock {
		if err := s.d.lock(ctx, tx, key); err != nil {
			return errors.Join(fmt.Errorf("take the %s lock: %w", key, err), ignoreDone(tx.Rollback()))
		}
	}
	if err := f(tx); err != nil {
		return errors.Join(err, ignoreDone(tx.Rollback()))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

// getError maps sql.ErrNoRows to ErrNotFound and wraps everything else.
func getError(what string, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

// eachRow runs a query and calls scan on each row.
func eachRow(ctx context.Context, q querier, sqlText string, args []any, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
