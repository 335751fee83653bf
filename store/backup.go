package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// ErrExists reports a file that a backup or restore would overwrite.
var ErrExists = errors.New("already exists (use --force to overwrite)")

// ErrNotArchive reports a file that is not a News Archive.
var ErrNotArchive = errors.New("not a News Archive")

// Backup writes a consistent copy of the archive to dest with VACUUM INTO:
// one read transaction, so writers (this process's or another's) go on
// meanwhile and the copy is the archive as it was when the backup began.
// The copy is written beside dest and renamed into place; an existing dest
// is replaced only when overwrite is set.
//
// A PostgreSQL archive is backed up as a SQLite file too: it is copied (see
// Copy, which reads it in one transaction) into a new SQLite archive beside
// dest, renamed into place when complete.
func (s *Store) Backup(ctx context.Context, dest string, overwrite bool) error {
	if err := checkDest(dest, overwrite); err != nil {
		return fmt.Errorf("back up to %s: %w", dest, err)
	}
	if err := s.d.backup(ctx, s, dest); err != nil {
		return fmt.Errorf("back up to %s: %w", dest, err)
	}
	return nil
}

// backupToFile copies the archive into a new SQLite archive beside dest,
// and renames it over dest.
func (s *Store) backupToFile(ctx context.Context, dest string) error {
	name, err := tempBeside(dest)
	if err != nil {
		return err
	}
	files := []string{name, name + "-wal", name + "-shm", name + "-journal"}
	defer func() {
		for _, f := range files {
			os.Remove(f)
		}
	}()
	tmp, err := Open(ctx, name)
	if err != nil {
		return err
	}
	err = Copy(ctx, tmp, s, nil)
	if err == nil {
		// Everything into the main file, so that it alone is the archive.
		_, err = tmp.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	if err = errors.Join(err, tmp.Close()); err != nil {
		return err
	}
	return replaceFile(name, dest)
}

// tempBeside returns the name of a file, not yet made, in dest's folder.
func tempBeside(dest string) (string, error) {
	dir := filepath.Dir(dest)
	if err := mkdirPrivate(dir); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return "", err
	}
	name := tmp.Name()
	tmp.Close()
	os.Remove(name)
	return name, nil
}

// replaceFile renames the database name over dest, dropping dest's WAL
// files, which belong to the file replaced.
func replaceFile(name, dest string) error {
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dest + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return os.Rename(name, dest)
}

// checkDest fails when dest exists and may not be overwritten, or is a
// folder.
func checkDest(dest string, overwrite bool) error {
	info, err := os.Stat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.IsDir():
		return errors.New("is a folder")
	case !overwrite:
		return ErrExists
	}
	return nil
}

// vacuumInto copies the database open in db to dest through a temporary
// file in dest's folder, renamed over dest when complete.
func vacuumInto(ctx context.Context, db *sql.DB, dest string) error {
	name, err := tempBeside(dest) // VACUUM INTO wants to create the file itself
	if err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, name); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Chmod(name, privateFile); err != nil {
		os.Remove(name)
		return err
	}
	if err := replaceFile(name, dest); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// CheckArchiveFile returns nil when path is a News Archive this program can
// open: an SQLite file whose schema version it knows, holding the articles
// tables, that passes SQLite's quick check. Other files give an error
// wrapping ErrNotArchive. The file is opened read-only.
func CheckArchiveFile(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	head := make([]byte, len(sqliteMagic))
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteMagic) {
		return fmt.Errorf("check %s: %w: not an SQLite database", path, ErrNotArchive)
	}
	db, err := openReadOnly(path)
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	defer db.Close()
	known, err := fs.ReadDir(migrationSource, ".")
	if err != nil {
		return fmt.Errorf("check %s: read the known migrations: %w", path, err)
	}
	var version, tables int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("check %s: %w: %w", path, ErrNotArchive, err)
	}
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name IN ('articles', 'originals', 'articles_fts')`).Scan(&tables)
	switch {
	case err != nil:
		return fmt.Errorf("check %s: %w: %w", path, ErrNotArchive, err)
	case version < 1 || tables != 3:
		return fmt.Errorf("check %s: %w: it lacks the archive's tables", path, ErrNotArchive)
	case version > len(known):
		return fmt.Errorf("check %s: the archive's schema (version %d) is newer than this program knows (%d): update News Archive",
			path, version, len(known))
	}
	odd, err := unexpectedObjects(ctx, db, version)
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	if len(odd) > 0 {
		return fmt.Errorf("check %s: %w: %s", path, ErrForeignSchema, strings.Join(odd, "; "))
	}
	var ok string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&ok); err != nil || ok != "ok" {
		return fmt.Errorf("check %s: the archive is damaged: %s %v", path, ok, err)
	}
	return nil
}

// openReadOnly opens a database file for reading only.
func openReadOnly(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro&_pragma=busy_timeout(10000)&_pragma=trusted_schema(0)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// Restore makes the archive at dest a copy of the backup src, after
// checking that src is a News Archive (see CheckArchiveFile). An existing
// dest is replaced only when overwrite is set; no program may have it open
// then. The copy is written beside dest and renamed into place, so a failed
// restore leaves dest as it was.
//
// A PostgreSQL archive is not replaced so: Restore refuses it, pointing to
// newsarchive copy, which loads a backup into it.
func Restore(ctx context.Context, src, dest string, overwrite bool) error {
	if IsPostgres(dest) {
		return fmt.Errorf("restore %s: %s is a PostgreSQL archive, which restore cannot replace; "+
			"to load the backup into it (an empty one), run: newsarchive copy --from %s --to %s",
			src, Redact(dest), src, Redact(dest))
	}
	if err := CheckArchiveFile(ctx, src); err != nil {
		return fmt.Errorf("restore %s: %w", src, err)
	}
	if err := checkDest(dest, overwrite); err != nil {
		return fmt.Errorf("restore to %s: %w", dest, err)
	}
	if same, _ := sameFile(src, dest); same {
		return fmt.Errorf("restore %s: it is the archive itself", src)
	}
	if overwrite {
		release, err := lockIdle(ctx, dest)
		if err != nil {
			return fmt.Errorf("restore to %s: %w", dest, err)
		}
		defer release()
	}
	db, err := openReadOnly(src)
	if err != nil {
		return fmt.Errorf("restore %s: %w", src, err)
	}
	defer db.Close()
	if err := vacuumInto(ctx, db, dest); err != nil {
		return fmt.Errorf("restore %s to %s: %w", src, dest, err)
	}
	return nil
}

// escapePath escapes a file path for a database URI.
func escapePath(path string) string { return (&url.URL{Path: path}).EscapedPath() }

func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}
