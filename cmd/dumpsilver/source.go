package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage/htmleval"
)

// Source is one HTML page to render and label.
type Source struct {
	Name       string // the output folder's name
	Path       string // the HTML file
	URL        string // the page's address, when known
	HumanTitle string // a hand-written title, when known
}

// ComparisonSources lists the HTML pages of go-trafilatura's comparison
// set (root is the module's folder): every test-files/comparison/*.html,
// with its URL and human title from scripts/comparison/data.go where that
// names the file (read by htmleval.LoadHumanEntries, as the human-reference
// benchmark reads it). Sorted by name.
func ComparisonSources(root string) ([]Source, error) {
	files, err := htmlFiles(filepath.Join(root, "test-files", "comparison"))
	if err != nil {
		return nil, fmt.Errorf("comparison pages: %w", err)
	}
	byFile := map[string]htmleval.HumanEntry{}
	dataGo := filepath.Join(root, "scripts", "comparison", "data.go")
	if _, err := os.Stat(dataGo); err == nil {
		entries, err := htmleval.LoadHumanEntries(dataGo)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.File != "" {
				byFile[e.File] = e
			}
		}
	}
	var out []Source
	for _, p := range files {
		file := filepath.Base(p)
		d := byFile[file]
		out = append(out, Source{Name: strings.TrimSuffix(file, ".html"), Path: p, URL: d.URL, HumanTitle: strings.TrimSpace(d.Title)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// HTMLPagesSources lists a corpus laid out as corpus/html-pages
// (<name>/source.html): the development set's own pages, to check that the
// generator's labels agree with the development labels.
func HTMLPagesSources(dir string) ([]Source, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("html pages: %w", err)
	}
	var out []Source
	for _, e := range ents {
		p := filepath.Join(dir, e.Name(), "source.html")
		if _, err := os.Stat(p); err == nil {
			out = append(out, Source{Name: e.Name(), Path: p})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// FolderSources lists the *.html files of each folder (pages without
// references of their own, such as go-htmldate's test sets), named
// "<folder>-<file>" so that folders with the same file names do not clash.
// A page whose bytes equal those of a page in one of the exclude folders'
// *.html (a set already used for training), or of a page listed before it,
// is left out, so that the pages listed are unseen by a model trained on
// that set. Sorted by name. A folder that cannot be read (a mistyped
// exclude folder would otherwise exclude nothing) and two folders of one
// name are errors.
func FolderSources(dirs, exclude []string) ([]Source, error) {
	seen := map[[32]byte]bool{}
	for _, d := range exclude {
		files, err := htmlFiles(d)
		if err != nil {
			return nil, fmt.Errorf("exclude: %w", err)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("exclude: %w", err)
			}
			seen[sha256.Sum256(raw)] = true
		}
	}
	var out []Source
	bases := map[string]bool{}
	for _, d := range dirs {
		base := filepath.Base(filepath.Clean(d))
		if bases[base] {
			return nil, fmt.Errorf("two html folders named %q: their pages' names would clash", base)
		}
		bases[base] = true
		files, err := htmlFiles(d)
		if err != nil {
			return nil, fmt.Errorf("html folder: %w", err)
		}
		for _, p := range files {
			raw, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("html folder: %w", err)
			}
			if h := sha256.Sum256(raw); !seen[h] {
				seen[h] = true
				out = append(out, Source{Name: base + "-" + strings.TrimSuffix(filepath.Base(p), ".html"), Path: p})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// htmlFiles lists the regular files named *.html in dir (not a folder,
// pipe or dangling link of that name: reading a pipe blocks), in name
// order. Callers say which folder in the error.
func htmlFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".html") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			out = append(out, p)
		}
	}
	return out, nil
}
