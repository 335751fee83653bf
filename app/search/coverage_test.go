package search_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/chart"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// TestCoverageFeedsAgreeWithSearch is the acceptance test of the coverage
// charts: on the held-in feeds corpus, each period's count equals the total
// of `search` over that period, the CSV sums to the search total of the
// dated articles, and the SVG parses as XML.
func TestCoverageFeedsAgreeWithSearch(t *testing.T) {
	feeds := corpus.Path(t, "corpus", "feeds")
	a := apptest.Open(t)
	ctx := context.Background()
	if _, err := a.Importer.Import(ctx, []string{feeds}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		word string
		by   chart.Bucket
	}{{"the", chart.Month}, {"new", chart.Week}, {"new", chart.Day}} {
		word, by := c.word, c.by
		{
			t.Run(word+"/"+by.String(), func(t *testing.T) {
				spec := search.SeriesSpec{Kind: search.KindQuery, Value: word}
				tab, err := a.Search.Coverage(ctx, []search.SeriesSpec{spec}, search.CoverageOptions{By: by})
				if err != nil {
					t.Fatal(err)
				}
				all, err := a.Search.Search(ctx, word, search.Options{})
				if err != nil {
					t.Fatal(err)
				}
				col := tab.Series[0]
				if all.Total < 10 || col.Total() == 0 {
					t.Fatalf("%q: %d matches, %d dated: the corpus is too small for this test", word, all.Total, col.Total())
				}
				if got := col.Total() + col.Undated; got != all.Total {
					t.Errorf("dated %d + undated %d = %d, search total %d", col.Total(), col.Undated, got, all.Total)
				}
				// Every period with articles is checked against search; the
				// empty ones together, by the search of the whole range.
				ranged, err := a.Search.Search(ctx, word, search.Options{From: tab.From.Format(time.DateOnly), To: tab.To.Format(time.DateOnly), Limit: 1, Sort: "date"})
				if err != nil {
					t.Fatal(err)
				}
				if ranged.Total != col.Total() {
					t.Errorf("search from %s to %s: %d, chart %d", tab.From.Format(time.DateOnly), tab.To.Format(time.DateOnly), ranged.Total, col.Total())
				}
				for i, p := range tab.Periods {
					if col.Counts[i] == 0 {
						continue
					}
					res, err := a.Search.Search(ctx, word, search.Options{From: p.Start.Format(time.DateOnly), To: p.Last().Format(time.DateOnly), Limit: 1, Sort: "date"})
					if err != nil {
						t.Fatal(err)
					}
					if res.Total != col.Counts[i] {
						t.Errorf("%s: chart %d, search %d", tab.PeriodLabel(i), col.Counts[i], res.Total)
					}
					list, err := a.Search.PeriodArticles(ctx, spec, p.Start, p.End, 5, 0)
					if err != nil || list.Total != col.Counts[i] {
						t.Errorf("%s: clicking lists %d articles (%v), chart %d", tab.PeriodLabel(i), list.Total, err, col.Counts[i])
					}
				}
				var buf bytes.Buffer
				if err := tab.WriteCSV(&buf); err != nil {
					t.Fatal(err)
				}
				if sum := csvSum(t, buf.Bytes()); sum != all.Total-col.Undated {
					t.Errorf("CSV sums to %d, search total of dated articles %d", sum, all.Total-col.Undated)
				}
				buf.Reset()
				if err := tab.WriteSVG(&buf, chart.Style{Title: word}); err != nil {
					t.Fatal(err)
				}
				checkXML(t, buf.Bytes())
			})
		}
	}
}

// csvSum sums the third column of a chart's CSV.
func csvSum(t *testing.T, data []byte) int {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, r := range rows[1:] {
		n, err := strconv.Atoi(r[2])
		if err != nil {
			t.Fatalf("CSV row %v: %v", r, err)
		}
		sum += n
	}
	return sum
}

// checkXML fails unless data is one well-formed XML document with an svg root.
func checkXML(t *testing.T, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	if root != "svg" {
		t.Errorf("SVG root element %q", root)
	}
}

// coverageArchive is a small archive of dated articles from two sources
// with tags.
func coverageArchive(t *testing.T) *apptest.Archive {
	t.Helper()
	a := apptest.Open(t)
	ctx := context.Background()
	arts := []store.Article{
		{Title: "Port opens", Body: "The harbour port opened.", Published: "2024-01-02", Source: "Courier"},
		{Title: "Port grows", Body: "The port grew again.", Published: "2024-01-20", Source: "Courier"},
		{Title: "Port strike", Body: "Dockers at the port struck.", Published: "2024-02-05", Source: "Herald"},
		{Title: "Weather", Body: "Rain all week.", Published: "2024-02-06", Source: "Herald"},
		{Title: "Port, undated", Body: "An old port story.", Source: "Courier"},
	}
	origs := make([]store.Original, len(arts))
	for i := range arts {
		arts[i].ContentHash, arts[i].Origin = "h"+arts[i].Title, "test"
		origs[i] = store.Original{ContentType: "text/plain", Data: []byte(arts[i].Body)}
	}
	ids, _, err := a.Store.CreateArticles(ctx, arts, origs)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 2, 4} {
		if err := a.Annotate.AddTags(ctx, ids[i], "shipping"); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func TestCoverage(t *testing.T) {
	a := coverageArchive(t)
	ctx := context.Background()
	q := func(v string) search.SeriesSpec { return search.SeriesSpec{Kind: search.KindQuery, Value: v} }
	tests := []struct {
		name    string
		specs   []search.SeriesSpec
		opt     search.CoverageOptions
		want    string // per series: counts by period, then "u" undated
		wantErr bool
	}{
		{"query by month", []search.SeriesSpec{q("port")}, search.CoverageOptions{By: chart.Month}, "query: port [2 1] u1", false},
		{"source and tag", []search.SeriesSpec{{Kind: search.KindSource, Value: "herald"}, {Kind: search.KindTag, Value: "Shipping"}},
			search.CoverageOptions{By: chart.Month}, "source: herald [0 2] u0; tag: Shipping [1 1] u1", false},
		{"range", []search.SeriesSpec{q("port")}, search.CoverageOptions{By: chart.Month, From: "2024-02"}, "query: port [1] u1", false},
		{"query with source filter", []search.SeriesSpec{{Kind: search.KindQuery, Value: "port", Filters: search.Options{Source: "Courier"}}},
			search.CoverageOptions{By: chart.Month, From: "2024-01", To: "2024-02"}, "query: port [2 0] u1", false},
		{"share", []search.SeriesSpec{q("port")}, search.CoverageOptions{By: chart.Month, Share: true, To: "2024-02"}, "query: port [2 1] u1 share [100 50]", false},
		// Without a range, the last period ends at the series' last date (5 February).
		{"share of clipped period", []search.SeriesSpec{q("port")}, search.CoverageOptions{By: chart.Month, Share: true}, "query: port [2 1] u1 share [100 100]", false},
		{"no series", nil, search.CoverageOptions{}, "", true},
		{"six series", []search.SeriesSpec{q("a"), q("b"), q("c"), q("d"), q("e"), q("f")}, search.CoverageOptions{}, "", true},
		{"unknown entity", []search.SeriesSpec{{Kind: search.KindEntity, Value: "Nobody"}}, search.CoverageOptions{}, "", true},
		{"bad kind", []search.SeriesSpec{{Kind: "colour", Value: "red"}}, search.CoverageOptions{}, "", true},
		{"bad date", []search.SeriesSpec{q("port")}, search.CoverageOptions{From: "last year"}, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := a.Search.Coverage(ctx, tc.specs, tc.opt)
			if tc.wantErr {
				if !errors.Is(err, search.ErrBadQuery) {
					t.Fatalf("got %v, want a bad-query error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var parts []string
			for s, c := range tab.Series {
				p := c.Name + " [" + sprintInts(c.Counts) + "] u" + strconv.Itoa(c.Undated)
				if tab.Share() {
					var sh []int
					for i := range c.Counts {
						sh = append(sh, int(tab.Value(s, i)+0.5))
					}
					p += " share [" + sprintInts(sh) + "]"
				}
				parts = append(parts, p)
			}
			if got := strings.Join(parts, "; "); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func sprintInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, " ")
}
