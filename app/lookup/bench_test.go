package lookup

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"
)

// Benchmark sizes: the acceptance is a lookup p50 under 16 ms at 1M
// names. Run with:
//
//	go test -run '^$' -bench . -benchtime 400x ./app/lookup/
var benchSizes = []int{100_000, 1_000_000}

var (
	benchMu      sync.Mutex
	benchItems   = map[int][]Item{}
	benchIndexes = map[int]*Index{}
)

// benchNames returns the generated list of n items, built once per process.
func benchNames(b *testing.B, n int) []Item {
	g := loadGMB(b)
	benchMu.Lock()
	defer benchMu.Unlock()
	if items, ok := benchItems[n]; ok {
		return items
	}
	items := generateNames(g, n, 1)
	benchItems[n] = items
	return items
}

// benchIndex returns an index of the n generated items, built once.
func benchIndex(b *testing.B, n int) *Index {
	items := benchNames(b, n)
	benchMu.Lock()
	defer benchMu.Unlock()
	if ix, ok := benchIndexes[n]; ok {
		return ix
	}
	ix := New()
	ix.Add(items...)
	benchIndexes[n] = ix
	return ix
}

// benchQueries draws 200 items of the list and makes a query of each.
func benchQueries(items []Item, shape string) (queries, wants []string) {
	rng := rand.New(rand.NewPCG(7, 7))
	for len(queries) < 200 {
		it := items[rng.IntN(len(items))]
		queries = append(queries, makeQuery(rng, it.Text, shape))
		wants = append(wants, it.Text)
	}
	return queries, wants
}

// reportLatency reports the p50 and p95 of the latencies in milliseconds.
func reportLatency(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*95/100]), "p95-ms")
}

// BenchmarkSearch measures Search latency for exact, prefix and typo
// queries, and how often the intended text is in the top 3 (top3-%).
func BenchmarkSearch(b *testing.B) {
	for _, n := range benchSizes {
		for _, shape := range []string{queryExact, queryPrefix, queryTypo} {
			b.Run(fmt.Sprintf("names=%d/%s", n, shape), func(b *testing.B) {
				ix := benchIndex(b, n)
				queries, wants := benchQueries(benchNames(b, n), shape)
				lat := make([]time.Duration, 0, b.N)
				hits := 0
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					q := queries[i%len(queries)]
					start := time.Now()
					rs := ix.Search(q, "", 10)
					lat = append(lat, time.Since(start))
					if r := rankOf(rs, wants[i%len(wants)]); r >= 1 && r <= 3 {
						hits++
					}
				}
				reportLatency(b, lat)
				b.ReportMetric(100*float64(hits)/float64(b.N), "top3-%")
			})
		}
	}
}

// BenchmarkBuild measures building the index and its heap size per name.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("names=%d", n), func(b *testing.B) {
			items := benchNames(b, n)
			var before, after runtime.MemStats
			var ix *Index
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				ix = nil
				runtime.GC()
				runtime.ReadMemStats(&before)
				b.StartTimer()
				ix = New()
				ix.Add(items...)
			}
			b.StopTimer()
			runtime.GC()
			runtime.ReadMemStats(&after)
			bytes := float64(after.HeapAlloc) - float64(before.HeapAlloc)
			b.ReportMetric(bytes/float64(n), "bytes/name")
			b.ReportMetric(bytes/(1<<20), "heap-MB")
			runtime.KeepAlive(ix)
		})
	}
}

// BenchmarkFuzzyAlone runs github.com/sahilm/fuzzy over the whole 1M list,
// for comparison with BenchmarkSearch (and top3-% shows what it finds).
func BenchmarkFuzzyAlone(b *testing.B) {
	const n = 1_000_000
	for _, shape := range []string{queryExact, queryTypo} {
		b.Run(fmt.Sprintf("names=%d/%s", n, shape), func(b *testing.B) {
			items := benchNames(b, n)
			texts := make([]string, len(items))
			for i, it := range items {
				texts[i] = it.Text
			}
			queries, wants := benchQueries(items, shape)
			lat := make([]time.Duration, 0, b.N)
			hits := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				ms := fuzzy.Find(queries[i%len(queries)], texts)
				lat = append(lat, time.Since(start))
				for _, m := range ms[:min(3, len(ms))] {
					if texts[m.Index] == wants[i%len(wants)] {
						hits++
						break
					}
				}
			}
			reportLatency(b, lat)
			b.ReportMetric(100*float64(hits)/float64(b.N), "top3-%")
		})
	}
}
