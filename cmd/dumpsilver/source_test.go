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

// TestFolderSources: the *.html of each folder, named by folder and file
// (two folders' "1.html" do not clash), less a page whose bytes a page of
// an exclude folder has (under any name), a second copy of one page, and
// what is not a regular file; a missing folder (to list or to exclude) and
// two folders of one name are errors.
func TestFolderSources(t *testing.T) {
	root := t.TempDir()
	write := func(dir, name, text string) string {
		t.Helper()
		d := filepath.Join(root, dir)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(d, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("trained", "x.html", "<p>trained on</p>")
	a1 := write("news", "1.html", "<p>one</p>")
	write("news", "2.html", "<p>trained on</p>") // the trained page under another name
	write("news", "notes.txt", "not a page")
	b1 := write("mock", "1.html", "<p>another one</p>")
	write("mock", "copy.html", "<p>one</p>")                                            // news/1.html again
	if err := os.MkdirAll(filepath.Join(root, "news", "sub.html"), 0o755); err != nil { // a folder, not a page
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "gone.html"), filepath.Join(root, "mock", "dangling.html")); err != nil {
		t.Fatal(err)
	}
	got, err := FolderSources([]string{filepath.Join(root, "news"), filepath.Join(root, "mock")}, []string{filepath.Join(root, "trained")})
	if err != nil {
		t.Fatal(err)
	}
	want := []Source{{Name: "mock-1", Path: b1}, {Name: "news-1", Path: a1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if _, err := FolderSources([]string{filepath.Join(root, "missing")}, nil); err == nil {
		t.Error("a missing folder listed")
	}
	if _, err := FolderSources([]string{filepath.Join(root, "news")}, []string{filepath.Join(root, "trainde")}); err == nil {
		t.Error("a mistyped exclude folder excluded nothing, silently")
	}
	write("other/news", "9.html", "<p>nine</p>")
	if _, err := FolderSources([]string{filepath.Join(root, "news"), filepath.Join(root, "other", "news")}, nil); err == nil {
		t.Error("two folders named news listed")
	}
	if got := splitList(" a, ,b,"); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("splitList = %q", got)
	}
}
