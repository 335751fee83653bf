package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// ErrInUse reports an archive another program has open.
var ErrInUse = errors.New("the archive is open in another program (close it first)")

// lockIdle makes sure no program has the SQLite archive at path open
// before restore replaces it, and keeps others out until release is
// called. An archive in use has its write-ahead log open: its -wal holds
// changes not yet in the main file, and deleting it would lose them. So
// the archive is switched out of WAL mode, which SQLite does only when no
// other connection has the file open (checkpointing the log into the file
// and removing it), then locked exclusively. A file that is no database
// (a damaged archive being replaced) has no log to keep.
func lockIdle(ctx context.Context, path string) (release func(), err error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return func() {}, nil
	}
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?_pragma=busy_timeout(0)&_pragma=trusted_schema(0)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	release = func() {
		conn.ExecContext(context.Background(), `ROLLBACK`)
		conn.Close()
		db.Close()
	}
	var mode string
	err = conn.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode)
	if err != nil && isNotADatabase(err) {
		return release, nil
	}
	if err != nil || mode != "delete" {
		release()
		if err == nil {
			err = fmt.Errorf("journal mode stays %s", mode)
		}
		return nil, fmt.Errorf("%w (%v)", ErrInUse, err)
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA locking_mode = EXCLUSIVE`); err != nil {
		release()
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `BEGIN EXCLUSIVE`); err != nil {
		release()
		return nil, fmt.Errorf("%w (%v)", ErrInUse, err)
	}
	return release, nil
}

// isNotADatabase reports SQLite's "file is not a database".
func isNotADatabase(err error) bool {
	return strings.Contains(err.Error(), "not a database")
}
