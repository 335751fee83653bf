package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Source is one HTML page to render and label.
type Source struct {
	Name       string // the output folder's name
	Path       string // the HTML file
	URL        string // the page's address, when known
	HumanTitle string // a hand-written title, when known
}

// Entry is what the comparison set's data.go says about one page.
type Entry struct{ URL, File, Title string }

// ParseComparisonData reads go-trafilatura's scripts/comparison/data.go: a
// map literal from a page's URL to a struct with File and Title (among
// others) fields. It parses the Go source, it does not run it; entries
// without a File are left out.
func ParseComparisonData(src []byte) ([]Entry, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "data.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("parse comparison data: %w", err)
	}
	var out []Entry
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		u, ok := stringLit(kv.Key)
		lit, isLit := kv.Value.(*ast.CompositeLit)
		if !ok || !isLit {
			return true
		}
		e := Entry{URL: u}
		for _, el := range lit.Elts {
			f, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			id, ok := f.Key.(*ast.Ident)
			if !ok {
				continue
			}
			s, ok := stringLit(f.Value)
			if !ok {
				continue
			}
			switch id.Name {
			case "File":
				e.File = s
			case "Title":
				e.Title = s
			}
		}
		if e.File != "" {
			out = append(out, e)
		}
		return false
	})
	return out, nil
}

func stringLit(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}

// ComparisonSources lists the HTML pages of go-trafilatura's comparison
// set (root is the module's folder): every test-files/comparison/*.html,
// with its URL and human title from scripts/comparison/data.go where that
// names the file. Sorted by name.
func ComparisonSources(root string) ([]Source, error) {
	dir := filepath.Join(root, "test-files", "comparison")
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("comparison pages: %w", err)
	}
	byFile := map[string]Entry{}
	if b, err := os.ReadFile(filepath.Join(root, "scripts", "comparison", "data.go")); err == nil {
		entries, err := ParseComparisonData(b)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			byFile[e.File] = e
		}
	}
	var out []Source
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".html") {
			continue
		}
		d := byFile[e.Name()]
		out = append(out, Source{Name: strings.TrimSuffix(e.Name(), ".html"), Path: filepath.Join(dir, e.Name()),
			URL: d.URL, HumanTitle: strings.TrimSpace(d.Title)})
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
