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

// ErrLinkOutside reports a symbolic link in an imported folder that leads
// out of it: not followed without Options.FollowSymlinks.
var ErrLinkOutside = errors.New("symbolic link out of the imported folder, not followed (allow with --follow-symlinks)")

// collect expands the given paths into the files to import, in order:
// named files as given, folders recursively in name order (hidden entries and
// known non-article files skipped, symbolic links followed once, those
// leading out of the folder named only when follow is set). Paths that
// cannot be read become entries with their error.
func collect(paths []string, follow bool) (files []inputFile, skipped int) {
	visited := map[string]bool{}
	var walk func(dir, root string)
	walk = func(dir, root string) {
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
			if e.Type()&fs.ModeSymlink != 0 && !follow && !inside(p, root) {
				files = append(files, inputFile{path: p, err: ErrLinkOutside})
				continue
			}
			info, err := os.Stat(p) // follows symbolic links
			switch {
			case err != nil:
				files = append(files, inputFile{path: p, err: readError(err)})
			case info.IsDir():
				walk(p, root)
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
			root, err := filepath.EvalSymlinks(p)
			if err != nil {
				root = p
			}
			walk(p, root)
		case !info.Mode().IsRegular():
			files = append(files, inputFile{path: p, err: fmt.Errorf("not a regular file (%s)", info.Mode().Type())})
		default:
			files = append(files, inputFile{path: p})
		}
	}
	return files, skipped
}

// inside reports whether the symbolic link p resolves to a path within
// the folder root (itself resolved). A dangling link counts as inside:
// reading it fails with its own reason.
func inside(p, root string) bool {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return true
	}
	rel, err := filepath.Rel(root, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
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
