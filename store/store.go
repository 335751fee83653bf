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
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver
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
	pg   bool    // a PostgreSQL archive
	w    *sql.DB // SQLite: one connection, transactions take the write lock at BEGIN
	r    *sql.DB // SQLite: read-only pool
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
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open archive %s: %w", path, err)
		}
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	s := &Store{path: path, w: w}
	if err := s.migrate(ctx); err != nil {
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
func (s *Store) Postgres() bool { return s.pg }

// Close closes the archive.
func (s *Store) Close() error {
	if s.pg {
		return s.w.Close()
	}
	return errors.Join(s.r.Close(), s.w.Close())
}

// migrate applies the embedded numbered migrations above PRAGMA user_version,
// each in its own transaction together with the version bump, so a failed
// migration leaves the file as it was. The version is read again inside each
// transaction, so two processes opening a new archive at once apply each
// migration once.
func (s *Store) migrate(ctx context.Context) error {
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
	return s.transact(ctx, s.pg, f)
}

// inQueueTx runs f in a write transaction that does not take PostgreSQL's
// archive-wide write lock: for the tagging queue's statements, whose row
// locks keep them apart. On SQLite it is inTx.
func (s *Store) inQueueTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	return s.transact(ctx, false, f)
}

// transact runs f in a transaction on the writer, first taking the
// advisory write lock when lock is set (PostgreSQL only).
func (s *Store) transact(ctx context.Context, lock bool, f func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if lock {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(pgWriteLock)); err != nil {
			return errors.Join(fmt.Errorf("take the write lock: %w", err), tx.Rollback())
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
