package chart

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestCSVGolden(t *testing.T) {
	smith := Series{Name: "Smith", Dates: days("2024-12-30", "2025-01-01", "2025-01-07", "2025-01-20"), Undated: 2}
	eq := Series{Name: "=cmd()", Counts: []DateCount{{day("2025-01-08"), 4}}}
	totals := &Series{Counts: []DateCount{{day("2024-12-31"), 10}, {day("2025-01-09"), 8}}}
	tests := []struct {
		name   string
		series []Series
		opt    Options
	}{
		{"week.csv", []Series{smith, eq}, Options{By: Week, From: day("2024-12-31"), To: day("2025-01-26")}},
		{"share.csv", []Series{smith, eq}, Options{By: Week, Share: true, Totals: totals, From: day("2024-12-31"), To: day("2025-01-26")}},
		{"month.csv", []Series{smith}, Options{By: Month}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := Count(tc.series, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := tab.WriteCSV(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}

// csvSums reads a CSV of WriteCSV and returns the sum of each count column.
func csvSums(t *testing.T, data []byte, series int) []int {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	sums := make([]int, series)
	for _, row := range rows[1:] {
		for k := range sums {
			n, err := strconv.Atoi(row[2+k])
			if err != nil {
				t.Fatal(err)
			}
			sums[k] += n
		}
	}
	return sums
}

// TestCSVSumsFeeds counts the items of the shared feeds corpus, one series
// per feed format, by each bucket, and checks the CSV sums equal the dated
// items in each series.
func TestCSVSumsFeeds(t *testing.T) {
	dir := corpus.Path(t, "corpus", "feeds")
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	bySuffix := map[string]*Series{".rss": {Name: "RSS"}, ".atom": {Name: "Atom"}}
	dated := map[string]int{}
	p := gofeed.NewParser()
	for _, f := range files {
		s := bySuffix[filepath.Ext(f)]
		if s == nil {
			continue
		}
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		feed, err := p.Parse(r)
		r.Close()
		if err != nil {
			continue // a few fixtures are broken on purpose
		}
		for _, it := range feed.Items {
			var d time.Time
			if it.PublishedParsed != nil {
				d = *it.PublishedParsed
			} else if it.UpdatedParsed != nil {
				d = *it.UpdatedParsed
			}
			s.Dates = append(s.Dates, d)
			if !d.IsZero() {
				dated[s.Name]++
			}
		}
	}
	series := []Series{*bySuffix[".rss"], *bySuffix[".atom"]}
	if dated["RSS"]+dated["Atom"] == 0 {
		t.Skip("no dated item in the feeds corpus")
	}
	for _, by := range []Bucket{Auto, Day, Week, Month} {
		tab, err := Count(series, Options{By: by})
		if err != nil {
			if by == Day && strings.Contains(err.Error(), "too many periods") {
				continue // the corpus spans decades
			}
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := tab.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		sums := csvSums(t, b.Bytes(), 2)
		for k, s := range series {
			if sums[k] != dated[s.Name] || sums[k] != tab.Series[k].Total() {
				t.Errorf("by %s: %s sums to %d, want %d dated items", tab.By, s.Name, sums[k], dated[s.Name])
			}
			if got := tab.Series[k].Undated + sums[k]; got != len(s.Dates) {
				t.Errorf("by %s: %s: %d undated + %d dated, want %d items", tab.By, s.Name, tab.Series[k].Undated, sums[k], len(s.Dates))
			}
		}
		t.Logf("by %s: %d periods, %v dated, note %q", tab.By, len(tab.Periods), sums, tab.UndatedNote())
		if by == Auto {
			path := filepath.Join(t.TempDir(), "feeds.svg")
			if err := tab.WriteFile(path, Style{Title: "Feeds corpus"}); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			root, text := svgTexts(t, f)
			f.Close()
			if note := tab.UndatedNote(); root != "svg" || !strings.Contains(text, note) {
				t.Errorf("feeds svg: root %q, text %q lacks %q", root, text, note)
			}
		}
	}
}
