package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

const dataSrc = `package main

var comparisonData = map[string]ComparisonEntry{
	"https://a.example/x": {
		File:    "a.example.x.html",
		Title:   "A \"quoted\" title",
		With:    []string{"one"},
	},
	"https://b.example/": {
		File: ` + "`b.html`" + `,
	},
	"https://c.example/": {
		Title: "no file",
	},
}
`

// writeModule lays out a comparison set as go-trafilatura's module does:
// the pages in test-files/comparison, the entries in
// scripts/comparison/data.go (skipped when data is "").
func writeModule(t *testing.T, data string, pages ...string) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "test-files", "comparison")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if err := os.WriteFile(filepath.Join(dir, p), []byte("<p>x</p>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if data != "" {
		sd := filepath.Join(root, "scripts", "comparison")
		if err := os.MkdirAll(sd, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sd, "data.go"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestComparisonSources: every page of the set, with the URL and the
// hand-written title of the entry that names its file (an entry without a
// file names none), sorted by name; a broken data.go is an error.
func TestComparisonSources(t *testing.T) {
	root := writeModule(t, dataSrc, "b.html", "a.example.x.html", "c.html", "notes.txt")
	got, err := ComparisonSources(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "test-files", "comparison")
	want := []Source{
		{Name: "a.example.x", Path: filepath.Join(dir, "a.example.x.html"), URL: "https://a.example/x", HumanTitle: `A "quoted" title`},
		{Name: "b", Path: filepath.Join(dir, "b.html"), URL: "https://b.example/"},
		{Name: "c", Path: filepath.Join(dir, "c.html")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if _, err := ComparisonSources(writeModule(t, "package main\nvar x = {", "b.html")); err == nil {
		t.Error("broken data.go read")
	}
	if got, err := ComparisonSources(writeModule(t, "", "b.html")); err != nil || len(got) != 1 || got[0].URL != "" {
		t.Errorf("without data.go: %+v, %v", got, err)
	}
}
