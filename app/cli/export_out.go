package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/newsarchive/newsarchive/store"
)

// checkExportOut refuses an export's --out that is the archive itself or
// one of its SQLite files, under any name (a symbolic or hard link), and
// an existing file unless force is set.
func checkExportOut(out, archive string, force bool) error {
	if !store.IsPostgres(archive) {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			if samePath(out, archive+suffix) {
				return fmt.Errorf("--out %s is the archive itself (%s): refused", out, archive+suffix)
			}
		}
	}
	info, err := os.Stat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("--out %s: %w", out, err)
	case info.IsDir():
		return fmt.Errorf("--out %s is a folder", out)
	}
	if !store.IsPostgres(archive) {
		for _, f := range []string{archive, archive + "-wal", archive + "-shm", archive + "-journal"} {
			if ai, err := os.Stat(f); err == nil && os.SameFile(info, ai) {
				return fmt.Errorf("--out %s is the archive itself (%s): refused", out, f)
			}
		}
	}
	if !force {
		return fmt.Errorf("--out %s exists: use --force to overwrite it", out)
	}
	return nil
}

// samePath reports whether a and b name the same file, whether or not it
// exists: their absolute paths, with the folders' links resolved, agree.
func samePath(a, b string) bool {
	return resolved(a) == resolved(b)
}

func resolved(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}
