// Package storetest gives tests throwaway PostgreSQL archives: each call
// makes a new schema in the database named by $NEWSARCHIVE_TEST_PG and
// returns an archive address whose search_path points at it, so tests run
// side by side on one server. Tests skip when the variable is unset.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the pgx database/sql driver
)

// EnvPG names the variable holding the test server's address, such as
// postgres://user@127.0.0.1:5432/postgres?sslmode=disable.
const EnvPG = "NEWSARCHIVE_TEST_PG"

// Available reports whether a test server is configured.
func Available() bool { return os.Getenv(EnvPG) != "" }

// Postgres returns the address of a new, empty PostgreSQL archive, dropped
// when the test ends. It skips the test when $NEWSARCHIVE_TEST_PG is unset.
func Postgres(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(EnvPG)
	if base == "" {
		tb.Skip(EnvPG + " is not set: no PostgreSQL server to test against")
	}
	addr, drop, err := NewSchema(context.Background(), base)
	if err != nil {
		tb.Fatalf("test schema: %v", err)
	}
	tb.Cleanup(func() {
		if err := drop(); err != nil {
			tb.Errorf("drop test schema: %v", err)
		}
	})
	return addr
}

// NewSchema creates a schema with a random name in the database at base
// and returns an address using it, and a function that drops it.
func NewSchema(ctx context.Context, base string) (addr string, drop func() error, err error) {
	var b [6]byte
	rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	if addr, err = SchemaAddress(base, schema); err != nil {
		return "", nil, err
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		return "", nil, err
	}
	defer db.Close()
	if err := CreateSchema(ctx, db, schema); err != nil {
		return "", nil, err
	}
	drop = func() error {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`)
		return err
	}
	return addr, drop, nil
}

// SchemaAddress returns the address base with a search_path that puts
// schema first (and public, where extensions live, after it).
func SchemaAddress(base, schema string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("parse %s: %w", EnvPG, err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// CreateSchema creates schema in the database db is open on. The unaccent
// extension, which a schema cannot hold on its own, is created in public
// once (under a lock, as tests create schemas side by side).
func CreateSchema(ctx context.Context, db *sql.DB, schema string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7)`); err != nil {
		return err
	}
	if _, err = tx.ExecContext(ctx, `CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`); err != nil {
		return fmt.Errorf("create extension unaccent: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `CREATE SCHEMA `+schema)
	return err
}
