package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// The archive holds private notes: the folder made for it and the files
// made for it (the archive, its backups) are its owner's alone, whatever
// the umask. SQLite gives the -wal and -shm files the database's mode.
const (
	privateDir  fs.FileMode = 0o700
	privateFile fs.FileMode = 0o600
)

// mkdirPrivate makes dir (and missing parents) when it does not exist,
// mode 0700; an existing folder keeps its mode.
func mkdirPrivate(dir string) error {
	if dir == "" {
		return nil
	}
	if _, err := os.Stat(dir); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(dir, privateDir); err != nil {
		return err
	}
	return os.Chmod(dir, privateDir)
}

// createPrivate makes the empty file path, mode 0600, in a private folder
// when it does not exist yet, so that SQLite opens a file only its owner
// can read; an existing file keeps its mode.
func createPrivate(path string) error {
	if err := mkdirPrivate(filepath.Dir(path)); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, privateFile)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Chmod(path, privateFile)
}
