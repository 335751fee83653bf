package search_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/chart"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/search"
)

// BenchmarkCoverage reports the p50 and p95 latency of counting a coverage
// chart by week on the synthetic 100k-article archive, store counts and
// tabulation included (target: under 300 ms).
func BenchmarkCoverage(b *testing.B) {
	benchCoverage(b, apptest.BenchArchive(b))
}

// BenchmarkCoveragePostgres is BenchmarkCoverage on the PostgreSQL copy of
// the synthetic archive.
func BenchmarkCoveragePostgres(b *testing.B) {
	benchCoverage(b, benchPGArchive(b))
}

// benchCoverage times coverage charts by week of a few kinds on a.
func benchCoverage(b *testing.B, a *apptest.Archive) {
	ctx := context.Background()
	if _, err := a.Search.Search(ctx, "warm", search.Options{}); err != nil { // loads the date cache
		b.Fatal(err)
	}
	src, err := a.Search.SourceSpans(ctx)
	if err != nil || len(src) == 0 {
		b.Fatalf("sources: %v %v", src, err)
	}
	cases := []struct {
		name  string
		specs []search.SeriesSpec
		share bool
	}{
		{"all-articles-share", []search.SeriesSpec{{Kind: search.KindSource, Value: src[0].Name}}, true},
		{"common-word", []search.SeriesSpec{{Kind: search.KindQuery, Value: "said"}}, false},
		{"common-word-share", []search.SeriesSpec{{Kind: search.KindQuery, Value: "said"}}, true},
		{"five-series", []search.SeriesSpec{{Kind: search.KindQuery, Value: "government"}, {Kind: search.KindQuery, Value: "football"},
			{Kind: search.KindQuery, Value: `"prime minister"`}, {Kind: search.KindSource, Value: src[0].Name},
			{Kind: search.KindQuery, Value: "econ*"}}, false},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var lat []time.Duration
			total := 0
			for b.Loop() {
				start := time.Now()
				tab, err := a.Search.Coverage(ctx, c.specs, search.CoverageOptions{By: chart.Week, Share: c.share})
				lat = append(lat, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				total = tab.Series[0].Total() + tab.Series[0].Undated
			}
			reportLatency(b, lat)
			b.ReportMetric(float64(total), "articles")
		})
	}
}
