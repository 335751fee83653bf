package htmleval

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// Floors on go-trafilatura's human-annotated comparison set: the figures
// measured (docs/extraction.md) minus a margin, so that a regression fails
// but noise does not. Measured: Parse's body, the learned line decision,
// F 0.916 held out by CrossValidateLines (5 site folds; the embedded
// model scores more on the pages it was trained on, which says nothing),
// the 2-of-3 vote 0.903, trafilatura 0.909 (the README publishes 0.910 for
// it: the port of the scoring is checked against that), title 0.769 with the site's name cut off and the <h1>
// taken when it has the same words (0.612 uncut, 0.747 with the cut
// alone), 0.766 held out by CrossValidateCut and 0.769 by
// CrossValidateHead (5 site folds).
const (
	minHumanLineF  = 0.911
	minHumanVoteF  = 0.895
	minHumanTrafF  = 0.90
	minHumanTitles = 0.75
)

func TestHumanBenchmark(t *testing.T) {
	if testing.Short() || raceOn {
		t.Skip("human-reference evaluation: not with -short or -race")
	}
	dir, err := TrafilaturaDir()
	if err != nil {
		t.Skipf("go-trafilatura's module directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "scripts", "comparison", "data.go")); err != nil {
		t.Skipf("benchmark entries not there: %v", err)
	}
	r, err := RunHuman(dir, 2)
	if err != nil {
		t.Fatal(err)
	}
	if r.Missing > 0 {
		t.Skipf("%d benchmark pages absent", r.Missing)
	}
	if len(r.Pages) < 900 || r.Errors > 5 {
		t.Fatalf("%d pages scored, %d errors", len(r.Pages), r.Errors)
	}
	for _, ex := range []htmlpage.Extractor{htmlpage.Readability, htmlpage.Trafilatura, htmlpage.Distiller, htmlpage.Vote} {
		c := r.ByExtractor[ex]
		t.Logf("%-11s P %.3f R %.3f A %.3f F %.3f", ex, c.Precision(), c.Recall(), c.Accuracy(), c.F())
	}
	t.Logf("vote, 2 of 3: P %.3f R %.3f A %.3f F %.3f", r.DefaultVote.Precision(), r.DefaultVote.Recall(), r.DefaultVote.Accuracy(), r.DefaultVote.F())
	if f := r.DefaultVote.F(); f < minHumanVoteF {
		t.Errorf("vote F %.4f < %.3f", f, minHumanVoteF)
	}
	lcv, err := CrossValidateLines(r, 5, DefaultLineScope, LineBoost)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("learned line decision held out: F %.4f, minus the vote's %+.4f (%+.4f .. %+.4f)", lcv.HeldOut.F(),
		lcv.HeldOut.F()-lcv.Default.F(), lcv.DiffLow, lcv.DiffHigh)
	if f := lcv.HeldOut.F(); f < minHumanLineF || lcv.DiffLow <= 0 {
		t.Errorf("learned line decision held out: F %.4f < %.3f, or its gain over the vote not firm (%+.4f .. %+.4f)",
			f, minHumanLineF, lcv.DiffLow, lcv.DiffHigh)
	}
	if f := r.ByExtractor[htmlpage.Vote].F(); f < minHumanLineF {
		t.Errorf("Parse's body (in-sample) F %.4f < %.3f", f, minHumanLineF)
	}
	if f := r.ByExtractor[htmlpage.Trafilatura].F(); f < minHumanTrafF {
		t.Errorf("trafilatura F %.4f < %.2f (published 0.910)", f, minHumanTrafF)
	}
	if acc := float64(r.TitleOK) / float64(r.Titled); r.Titled < 800 || acc < minHumanTitles {
		t.Errorf("titles right on %d of %d pages with one, < %.2f", r.TitleOK, r.Titled, minHumanTitles)
	}
	cv, err := CrossValidateCut(r, 5, CutGrid())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("titles: uncut %d, DefaultCut %d, held-out %d of %d", cv.Uncut, cv.Default, cv.HeldOut, cv.Titled)
	if acc := float64(cv.HeldOut) / float64(cv.Titled); acc < minHumanTitles || cv.Default != r.TitleOK {
		t.Errorf("titles held out %.3f < %.2f, or DefaultCut's %d differs from Parse's %d", acc, minHumanTitles, cv.Default, r.TitleOK)
	}
	hcv, err := CrossValidateHead(r, 5, []htmlpage.HeadOptions{htmlpage.DefaultHead(), {Overlap: 2}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("titles: DefaultHead %d, held-out %d of %d (chosen on all: %+v)", hcv.Default, hcv.HeldOut, hcv.Titled, hcv.All)
	if acc := float64(hcv.HeldOut) / float64(hcv.Titled); acc < minHumanTitles || hcv.Default != r.TitleOK {
		t.Errorf("titles held out %.3f < %.2f, or DefaultHead's %d differs from Parse's %d", acc, minHumanTitles, hcv.Default, r.TitleOK)
	}
}

func TestScoreSnippets(t *testing.T) {
	e := HumanEntry{With: []string{"the council voted", "six months"}, Without: []string{"Impressum", "Share this"}}
	tests := []struct {
		name, text string
		want       Counts
	}{
		{"all right", "Yesterday the council voted. Work takes six months.", Counts{TP: 2, TN: 2}},
		{"boilerplate kept", "the council voted for six months. Impressum", Counts{TP: 2, FP: 1, TN: 1}},
		{"half the story", "the council voted", Counts{TP: 1, FN: 1, TN: 2}},
		{"case and spaces are not normalised", "The Council voted, six  months", Counts{FN: 2, TN: 2}},
		{"empty text", "", Counts{FN: 2, TN: 2}},
	}
	for _, tt := range tests {
		if got := ScoreSnippets(e, tt.text); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
	c := Counts{TP: 6, FN: 2, FP: 3, TN: 9}
	for _, m := range []struct {
		name      string
		got, want float64
	}{
		{"precision", c.Precision(), 6.0 / 9},
		{"recall", c.Recall(), 6.0 / 8},
		{"accuracy", c.Accuracy(), 15.0 / 20},
		{"F", c.F(), 12.0 / 17},
		{"F of nothing", Counts{}.F(), 0},
	} {
		if math.Abs(m.got-m.want) > 1e-12 {
			t.Errorf("%s = %v, want %v", m.name, m.got, m.want)
		}
	}
}

func TestSiteOf(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.example.de/a/b", "example.de"},
		{"http://shop.example.de/", "example.de"},
		{"https://news.bbc.co.uk/x", "bbc.co.uk"},
		{"http://localhost:8080/x", "localhost"},
	}
	for _, tt := range tests {
		if got := siteOf(tt.url); got != tt.want {
			t.Errorf("siteOf(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

// benchmarkSource writes a data.go in the benchmark's layout.
func benchmarkSource(entries []HumanEntry) string {
	var b strings.Builder
	b.WriteString("package main\n\ntype ComparisonEntry struct{ File, Title string; With, Without, Tags []string }\n\nvar comparisonData = map[string]ComparisonEntry{\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "\t%q: {\n\t\tFile: %q,\n", e.URL, e.File)
		if e.Title != "" {
			fmt.Fprintf(&b, "\t\tTitle: %q,\n", e.Title)
		}
		fmt.Fprintf(&b, "\t\tWith: %s,\n\t\tWithout: %s,\n\t\tTags: []string{\"x\"},\n\t},\n", sliceLit(e.With), sliceLit(e.Without))
	}
	b.WriteString("}\n")
	return b.String()
}

func sliceLit(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

func TestLoadHumanEntries(t *testing.T) {
	want := []HumanEntry{
		{URL: "https://b.example/2", File: "b.html", With: []string{"Zitat: „so“\t"}, Without: []string{}},
		{URL: "https://a.example/1", File: "a.html", Title: "Ein \"Titel\"", With: []string{"one", "two"}, Without: []string{"menu"}},
	}
	path := filepath.Join(t.TempDir(), "data.go")
	if err := os.WriteFile(path, []byte(benchmarkSource(want)), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := LoadHumanEntries(path)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", []HumanEntry{want[1], want[0]}) {
		t.Errorf("entries\n%q\nwant (sorted by URL)\n%q", got, want)
	}
	bad := map[string]string{
		"no map":        "package main\nvar other = 1\n",
		"not Go":        "package main\nvar comparisonData = map[string]X{",
		"computed key":  "package main\nvar comparisonData = map[string]X{k: {File: \"a\"}}\n",
		"computed with": "package main\nvar comparisonData = map[string]X{\"u\": {With: list}}\n",
	}
	for name, src := range bad {
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadHumanEntries(path); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := LoadHumanEntries(filepath.Join(t.TempDir(), "absent.go")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("absent file: %v", err)
	}
}

func FuzzParseHumanEntries(f *testing.F) {
	f.Add(benchmarkSource([]HumanEntry{{URL: "https://a.example/", File: "a.html", With: []string{"x"}}}))
	f.Add("package main\nvar comparisonData = map[string]X{\"u\": {With: []string{1}}}\n")
	f.Fuzz(func(t *testing.T, src string) {
		entries, err := ParseHumanEntries("data.go", []byte(src))
		if err != nil && entries != nil {
			t.Errorf("entries with an error")
		}
	})
}
