package search_test

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// BenchmarkLookupTitles compares the palette's two ways of finding titles
// over the synthetic archive (100k articles; the million with
// NEWSARCHIVE_BENCH_1M set, or with it cached): titles in the lookup index
// (memory) and titles found through the store (store). Each types the
// first 16 characters of 20 titles (the newest articles and 10 spread over
// the archive) a keystroke at a time, as the palette asks (LookupDescribed,
// 20 results), and reports the wall and CPU p50 and p95 of a keystroke,
// the live heap the built index holds (heap-MB), and in how many of the
// typings the article typed was among the first 3 titles (top3-%).
func BenchmarkLookupTitles(b *testing.B) {
	for _, size := range []string{"100k", "1M"} {
		b.Run(size, func(b *testing.B) {
			var a *apptest.Archive
			if size == "1M" {
				a = apptest.BenchArchive1M(b)
			} else {
				a = apptest.BenchArchive(b)
			}
			targets := lookupTargets(b, a)
			for _, mode := range []string{"memory", "store"} {
				b.Run(mode, func(b *testing.B) { benchTitles(b, a, targets, mode == "store") })
			}
		})
	}
}

// lookupTargets returns the articles whose titles the benchmark types.
func lookupTargets(b *testing.B, a *apptest.Archive) []store.ArticleListing {
	ctx := context.Background()
	out, err := a.Store.Articles(ctx, store.SortDate, 10, 0)
	if err != nil {
		b.Fatal(err)
	}
	last, err := a.Store.MaxArticleID(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var ids []int64
	for i := range int64(10) {
		ids = append(ids, 1+i*last/10)
	}
	spread, err := a.Store.ArticleListings(ctx, ids)
	if err != nil {
		b.Fatal(err)
	}
	return append(out, spread...)
}

func benchTitles(b *testing.B, a *apptest.Archive, targets []store.ArticleListing, inStore bool) {
	ctx := context.Background()
	at := "999999999999"
	if inStore {
		at = "0"
	}
	b.Setenv("NEWSARCHIVE_TITLES_IN_STORE_AT", at)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sr := search.New(a.Store)
	if err := sr.PrepareLookup(ctx); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if stored, err := sr.TitlesInStore(ctx); err != nil || stored != inStore {
		b.Fatalf("titles in store: %v %v", stored, err)
	}
	var lat, cpu []time.Duration
	top3, typed := 0, 0
	for b.Loop() {
		for _, t := range targets {
			text := []rune(strings.ToLower(t.Title))
			text = text[:min(16, len(text))]
			var res []search.Found
			for i := 1; i <= len(text); i++ {
				start, startCPU := time.Now(), apptest.CPUTime()
				var err error
				if res, err = sr.LookupDescribed(ctx, string(text[:i]), lookup.Kind(""), 20); err != nil {
					b.Fatal(err)
				}
				lat, cpu = append(lat, time.Since(start)), append(cpu, apptest.CPUTime()-startCPU)
			}
			typed++
			titles := 0
			for _, f := range res {
				if f.Kind != lookup.KindTitle || titles == 3 {
					continue
				}
				titles++
				if f.ID == t.ID {
					top3++
					break
				}
			}
		}
	}
	reportLatency(b, lat)
	reportCPU(b, cpu)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "heap-MB")
	b.ReportMetric(100*float64(top3)/float64(typed), "top3-%")
	runtime.KeepAlive(sr)
}
