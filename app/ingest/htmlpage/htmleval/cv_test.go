package htmleval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writePage writes a page folder in the corpus layout: a story of n
// sentences about topic, with a menu and a footer around it.
func writePage(t *testing.T, dir, name, topic string, n int) {
	t.Helper()
	var story strings.Builder
	for i := range n {
		fmt.Fprintf(&story, "<p>Sentence %d tells the reader about the %s and what the council decided on it this week.</p>", i, topic)
	}
	src := `<html><head><title>` + topic + `</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>` +
		`<article><h1>` + topic + `</h1>` + story.String() + `</article><footer>Copyright the Gazette</footer></body></html>`
	files := map[string]string{
		"source.html":            src,
		"expected.html":          "<div>" + story.String() + "</div>",
		"expected-metadata.json": `{"title": "` + topic + `"}`,
	}
	for file, body := range files {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name, file), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCrossValidate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "html-pages")
	topics := []string{"bridge", "harbour", "school", "library", "market"}
	for i, topic := range topics {
		writePage(t, dir, topic, topic, 8+i)
	}
	writePage(t, dir, "bridge-again", "bridge", 8) // a second save of one article
	r, err := Run(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r.Errors != 0 || r.ByExtractor[0].DumpPages != 0 {
		t.Fatalf("errors %d, dump pages %d", r.Errors, r.ByExtractor[0].DumpPages)
	}
	fold := foldOf(r.Pages, 3)
	byName := map[string]int{}
	for i, p := range r.Pages {
		byName[p.Name] = fold[i]
	}
	if byName["bridge"] != byName["bridge-again"] {
		t.Errorf("two saves of one article in folds %d and %d", byName["bridge"], byName["bridge-again"])
	}
	folds, held, err := CrossValidate(r, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(folds) != 3 || held.Pages != len(r.Pages) {
		t.Fatalf("%d folds, %d held-out pages", len(folds), held.Pages)
	}
	for _, f := range folds {
		if !slices.Contains(ShareGrid, f.Share) {
			t.Errorf("share %v not in the grid", f.Share)
		}
	}
	if held.Bag < 0.9 {
		t.Errorf("held-out bag F1 %.3f on plain articles", held.Bag)
	}
	folds, held, err = CrossValidateWeights(r, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range folds {
		for _, w := range f.Weights {
			if !slices.Contains(WeightGrid, w) {
				t.Errorf("weight %v not in the grid", w)
			}
		}
	}
	if held.Pages != len(r.Pages) || held.Bag < 0.9 {
		t.Errorf("weighted: %d held-out pages, bag F1 %.3f", held.Pages, held.Bag)
	}
	if _, _, err := CrossValidate(r, 10); err == nil {
		t.Error("10 folds of 6 pages: no error")
	}
}
