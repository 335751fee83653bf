package htmleval

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// writeBenchmark writes a small benchmark in the module's layout: a page
// per entry (a story between a menu and a footer) and data.go.
func writeBenchmark(t *testing.T, entries []HumanEntry, stories map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"scripts/comparison", "test-files/comparison", "test-files/mock"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for i, e := range entries {
		story, ok := stories[e.File]
		if !ok {
			continue // an entry without its page
		}
		page := `<html><head><title>` + e.Title + `</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/nl">Newsletter sign-up</a></nav>` +
			`<article><h1>` + e.Title + `</h1>` + story + `</article><footer><p>Copyright the Gazette, all rights reserved, reprints on request.</p></footer></body></html>`
		sub := "comparison"
		if i%4 == 3 {
			sub = "mock" // the benchmark looks there too
		}
		if err := os.WriteFile(filepath.Join(dir, "test-files", sub, e.File), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "scripts", "comparison", "data.go"), []byte(benchmarkSource(entries)), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRunHumanAndCrossValidate(t *testing.T) {
	topics := []string{"bridge", "harbour", "school", "library", "market", "station", "museum"}
	var entries []HumanEntry
	stories := map[string]string{}
	for i, topic := range topics {
		for j := range 2 { // two pages of each site
			var story strings.Builder
			for s := range 8 + i {
				fmt.Fprintf(&story, "<p>Sentence %d of part %d tells the reader about the %s and what the council decided on it this week.</p>", s, j, topic)
			}
			file := fmt.Sprintf("%s-%d.html", topic, j)
			stories[file] = story.String()
			entries = append(entries, HumanEntry{
				URL: fmt.Sprintf("https://www%d.%s.example/story/%d", j, topic, j), File: file, Title: "The " + topic,
				With:    []string{fmt.Sprintf("Sentence 2 of part %d tells the reader about the %s", j, topic), "what the council decided"},
				Without: []string{"Newsletter sign-up", "Copyright the Gazette"},
			})
		}
	}
	entries = append(entries, HumanEntry{URL: "https://gone.example/", File: "gone.html"}, HumanEntry{URL: "not a url", File: "bridge-0.html"})
	dir := writeBenchmark(t, entries, stories)
	r, err := RunHuman(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pages) != 2*len(topics) || r.Missing != 2 || r.Errors != 0 {
		t.Fatalf("%d pages, %d missing, %d errors", len(r.Pages), r.Missing, r.Errors)
	}
	for _, c := range []Counts{r.ByExtractor[htmlpage.Vote], r.DefaultVote} {
		if c.F() < 0.9 || c.FP > 2 {
			t.Errorf("Parse and the vote on plain stories: %+v", c)
		}
	}
	if r.Titled != len(r.Pages) || r.TitleOK < len(r.Pages)-1 {
		t.Errorf("titles right on %d of %d", r.TitleOK, r.Titled)
	}
	fold, sites := siteFolds(r.Pages, 3)
	if sites[0]+sites[1]+sites[2] != len(topics) {
		t.Errorf("sites per fold %v", sites)
	}
	for i, p := range r.Pages {
		for j, q := range r.Pages {
			if p.Site == q.Site && fold[i] != fold[j] {
				t.Errorf("%s and %s of site %s in folds %d and %d", p.Entry.File, q.Entry.File, p.Site, fold[i], fold[j])
			}
		}
	}
	grid := VoteGrid()
	if !sameVote(grid[0], htmlpage.DefaultVote()) {
		t.Errorf("grid starts with %+v", grid[0])
	}
	for i := range grid {
		for j := range i {
			if sameVote(grid[i], grid[j]) {
				t.Errorf("votes %d and %d are the same: %+v", j, i, grid[i])
			}
		}
	}
	cv, err := CrossValidateHuman(r, 3, grid)
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, f := range cv.Folds {
		pages += f.Pages
	}
	if len(cv.Folds) != 3 || pages != len(r.Pages) {
		t.Fatalf("%d folds over %d pages", len(cv.Folds), pages)
	}
	if cv.Default != r.DefaultVote {
		t.Errorf("default vote in the CV %+v, in the run %+v", cv.Default, r.DefaultVote)
	}
	if cv.HeldOut.F() < 0.9 || cv.DiffLow > cv.DiffHigh {
		t.Errorf("held-out %+v, difference interval %v .. %v", cv.HeldOut, cv.DiffLow, cv.DiffHigh)
	}
	if _, err := CrossValidateHuman(r, 30, grid); err == nil {
		t.Error("30 folds of 14 pages: no error")
	}
}
