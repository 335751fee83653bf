package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// skippedExt lists extensions of files that a folder import passes over:
// images, styles, scripts, fonts, media and archives saved beside pages.
var skippedExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true, ".bmp": true,
	".css": true, ".js": true, ".mjs": true, ".map": true, ".woff": true, ".woff2": true, ".ttf": true, ".otf": true,
	".eot": true, ".mp3": true, ".mp4": true, ".webm": true, ".ogg": true, ".wav": true, ".zip": true, ".gz": true,
	".db": true, ".db-wal": true, ".db-shm": true, ".sqlite": true, ".exe": true, ".so": true, ".dll": true,
}

// inputFile is one file to import, or a path that could not be read.
type inputFile struct {
	path string
	err  error
}

// collect expands the given paths into the files to import, in order:
// named files as given, folders recursively in name order (hidden entries and
// known non-article files skipped, symbolic links followed once). Paths that
// cannot be read become entries with their error.
func collect(paths []string) (files []inputFile, skipped int) {
	visited := map[string]bool{}
	var walk func(dir string)
	walk = func(dir string) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			if visited[real] {
				return // a symbolic link loop, or a folder named twice
			}
			visited[real] = true
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			files = append(files, inputFile{path: dir, err: readError(err)})
			return
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
		for _, e := range entries {
			name := e.Name()
			p := filepath.Join(dir, name)
			if strings.HasPrefix(name, ".") {
				skipped++
				continue
			}
			info, err := os.Stat(p) // follows symbolic links
			switch {
			case err != nil:
				files = append(files, inputFile{path: p, err: readError(err)})
			case info.IsDir():
				walk(p)
			case !info.Mode().IsRegular():
				skipped++
			case skippedExt[strings.ToLower(filepath.Ext(name))] && sniffFormat(p) == formatOther:
				skipped++
			default:
				files = append(files, inputFile{path: p})
			}
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil:
			files = append(files, inputFile{path: p, err: readError(err)})
		case info.IsDir():
			walk(p)
		case !info.Mode().IsRegular():
			files = append(files, inputFile{path: p, err: fmt.Errorf("not a regular file (%s)", info.Mode().Type())})
		default:
			files = append(files, inputFile{path: p})
		}
	}
	return files, skipped
}

// readError turns a file system error into the reason a user reads.
func readError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}
