package ui

import (
	"context"
	"testing"

	"github.com/newsarchive/newsarchive/app"
)

// BenchmarkSidebarCounts measures, over the large benchmark archive, what
// one refresh of the sidebar's counts costs in the background (ns/op): the
// indexed counts, then the watches' new articles (the synthetic archive
// has no watch: the cost of finding none).
func BenchmarkSidebarCounts(b *testing.B) {
	path := benchArchive(b)
	ctx := context.Background()
	a, err := app.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	var c app.Counts
	for b.Loop() {
		if c, err = a.Counts(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := a.Workbench.Watches(ctx); err != nil {
			b.Fatal(err)
		}
	}
	if c.Articles == 0 {
		b.Fatal("the benchmark archive counts no article")
	}
	b.ReportMetric(float64(c.Articles), "articles")
}
