package dumpeval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCorpus lays out page folders as corpus/text-dumps: expected.txt,
// expected.json and the five dumps.
func writeCorpus(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		pd := filepath.Join(dir, n)
		if err := os.MkdirAll(pd, 0o755); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{"expected.txt": "Body of " + n + ".\n", "expected.json": `{"title": "` + n + `"}`}
		for _, r := range Renderers {
			files[r+".txt"] = "   " + r + " dump of " + n + "\n"
		}
		for f, text := range files {
			if err := os.WriteFile(filepath.Join(pd, f), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestLoadFolders: two folders read as one, sorted by name across them as
// Load of one folder holding all the pages sorts them; a name in both, a
// missing folder and an empty list are errors.
func TestLoadFolders(t *testing.T) {
	root := t.TempDir()
	a, b, all := filepath.Join(root, "a"), filepath.Join(root, "b"), filepath.Join(root, "all")
	writeCorpus(t, a, "p2", "p4")
	writeCorpus(t, b, "p1", "p3")
	writeCorpus(t, all, "p1", "p2", "p3", "p4")
	got, err := LoadFolders(a + "," + b + ",")
	if err != nil {
		t.Fatal(err)
	}
	one, err := Load(all)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(one) {
		t.Fatalf("%d pages, want %d", len(got), len(one))
	}
	for i := range got {
		if got[i].Name != one[i].Name || got[i].Gold != one[i].Gold || got[i].Title != one[i].Title || got[i].Dumps["w3m"] != one[i].Dumps["w3m"] {
			t.Errorf("page %d: %s %q, want %s %q", i, got[i].Name, got[i].Gold, one[i].Name, one[i].Gold)
		}
	}
	if _, err := LoadFolders(a + "," + all); err == nil || !strings.Contains(err.Error(), `"p2"`) {
		t.Errorf("a page in two folders: err %v", err)
	}
	if _, err := LoadFolders(a + "," + filepath.Join(root, "missing")); err == nil {
		t.Error("a missing folder read")
	}
	if _, err := LoadFolders(" , "); err == nil {
		t.Error("an empty list read")
	}
}

// TestLoadOwnDumps: a page folder with copy.txt or markdown.txt alone
// (dumpsilver -copy, -markdown) loads with that one dump, which Join picks
// however many dumps per page it is asked for; a folder with some of the
// five renderers' dumps but not all is an error.
func TestLoadOwnDumps(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, "p1")
	for name, file := range map[string]string{"p2-copy": Copy + ".txt", "p3-md": Markdown + ".txt", "p4": "lynx.txt"} {
		pd := filepath.Join(dir, name)
		if err := os.MkdirAll(pd, 0o755); err != nil {
			t.Fatal(err)
		}
		for f, text := range map[string]string{"expected.txt": "Body.\n", file: "Home\nNews\n\nBody.\n"} {
			if err := os.WriteFile(filepath.Join(pd, f), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "p4") {
		t.Fatalf("a page with one of the five dumps: err %v", err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "p4")); err != nil {
		t.Fatal(err)
	}
	pages, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"p1": Renderers, "p2-copy": {Copy}, "p3-md": {Markdown}}
	for _, p := range pages {
		if got := PageRenderers(p); strings.Join(got, ",") != strings.Join(want[p.Name], ",") {
			t.Errorf("%s: dumps %v, want %v", p.Name, got, want[p.Name])
		}
	}
	_, samples := Join(pages[:1], pages[1:], 5)
	if n := len(samples); n != 5+2 {
		t.Fatalf("%d samples, want the first page's five and one each of the others", n)
	}
	if samples[5].Renderer != Copy || samples[6].Renderer != Markdown {
		t.Errorf("the extra pages' dumps: %s, %s", samples[5].Renderer, samples[6].Renderer)
	}
}
