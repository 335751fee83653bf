package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// A PostgreSQL archive is the same schema as a SQLite one, less the FTS5
// table: full-text search reads a tsvector column with a GIN index instead.
// The SQL in this package is written once, with ? placeholders; the
// connections below rewrite them to $n (rebind.go). What differs between
// the two databases is the dialect's (dialect.go, dialect_pg.go).

//go:embed migrations_pg/*.sql
var pgMigrationFiles embed.FS

// pgMigrationSource holds the PostgreSQL migrations, numbered as the SQLite
// ones but on their own sequence.
var pgMigrationSource = func() fs.FS {
	sub, err := fs.Sub(pgMigrationFiles, "migrations_pg")
	if err != nil {
		panic(err)
	}
	return sub
}()

// IsPostgres reports whether addr names a PostgreSQL archive
// (postgres://... or postgresql://...) rather than a SQLite file.
func IsPostgres(addr string) bool {
	a := strings.ToLower(addr)
	return strings.HasPrefix(a, "postgres://") || strings.HasPrefix(a, "postgresql://")
}

// Redact returns addr fit to print: a PostgreSQL address with its password
// (in the user part or a password parameter) replaced by xxxxx. Other
// addresses are returned as they are.
func Redact(addr string) string {
	if !IsPostgres(addr) {
		return addr
	}
	u, err := url.Parse(addr)
	if err != nil {
		return "postgres://(an address that does not parse)"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// WithoutPassword returns a PostgreSQL address with its password removed,
// fit to remember (the password then comes from ~/.pgpass, $PGPASSWORD or
// the user). Other addresses are returned as they are.
func WithoutPassword(addr string) string {
	if !IsPostgres(addr) {
		return addr
	}
	u, err := url.Parse(addr)
	if err != nil {
		return addr
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// WithPassword returns a PostgreSQL address with password set in its user
// part ("" leaves addr as it is).
func WithPassword(addr, password string) (string, error) {
	if password == "" {
		return addr, nil
	}
	u, err := url.Parse(addr)
	if err != nil || !IsPostgres(addr) {
		return "", fmt.Errorf("not a postgres:// address: %s", Redact(addr))
	}
	name := ""
	if u.User != nil {
		name = u.User.Username()
	}
	u.User = url.UserPassword(name, password)
	return u.String(), nil
}

// pgConnectTimeout bounds how long opening an archive waits for a server
// that does not answer, unless the address sets connect_timeout.
const pgConnectTimeout = 10 * time.Second

func openPostgres(ctx context.Context, addr string) (*Store, error) {
	shown := Redact(addr)
	cfg, err := pgx.ParseConfig(addr)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", shown, pgError(err))
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = pgConnectTimeout
	}
	db := sql.OpenDB(pgConnector{stdlib.GetConnector(*cfg)})
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open archive %s: cannot reach the PostgreSQL server at %s: %w", shown,
			net.JoinHostPort(cfg.Host, fmt.Sprint(cfg.Port)), pgError(err))
	}
	s := &Store{path: shown, addr: addr, w: db, r: db, d: pgDialect{}}
	if err := s.d.migrate(ctx, s); err != nil {
		db.Close()
		return nil, fmt.Errorf("open archive %s: %w", shown, pgError(err))
	}
	return s, nil
}

// pgError shortens a server error to its message, detail and hint.
func pgError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.Detail != "" {
			msg += " (" + pe.Detail + ")"
		}
		if pe.Hint != "" {
			msg += "; " + pe.Hint
		}
		return fmt.Errorf("%s [%s]: %w", msg, pe.Code, err)
	}
	return err
}

// pgConnector hands database/sql connections whose statements may use ?
// placeholders.
type pgConnector struct{ driver.Connector }

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	sc, ok := conn.(*stdlib.Conn)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("unexpected driver connection %T", conn)
	}
	return &pgConn{sc}, nil
}

// pgConn is a pgx connection that rewrites ? placeholders to $n. The other
// optional driver interfaces (transactions, session reset, value checks)
// are the embedded connection's.
type pgConn struct{ *stdlib.Conn }

func (c *pgConn) Prepare(q string) (driver.Stmt, error) { return c.Conn.Prepare(rebind(q)) }

func (c *pgConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, rebind(q))
}

func (c *pgConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, rebind(q), args)
}

func (c *pgConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, rebind(q), args)
}

// isPermissionDenied reports whether err is PostgreSQL's
// insufficient_privilege (42501).
func isPermissionDenied(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}
