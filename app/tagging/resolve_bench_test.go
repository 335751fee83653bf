package tagging_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
)

// taggedBenchArchive returns a new archive of n tagged, unresolved
// articles (100,000; 10,000 with -short) with 15 mentions each, drawn as
// BenchmarkResolveEntities says, the model loaded.
func taggedBenchArchive(b *testing.B) (*apptest.Archive, int) {
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	a := apptest.Open(b)
	if _, err := a.Tagging.Tagger(); err != nil {
		b.Fatal(err)
	}
	fillTagged(b, a.Store, 0, n, 15)
	return a, n
}

// BenchmarkResolveEntities re-decides a tagged archive of 100,000 articles
// (10,000 with -short) with 15 mentions each, names drawn with a Zipf law
// from 40,000 (people as full names and surnames, organisations, places,
// each tagged with its own type 80% of the time): the whole-archive
// decision a worker makes when the queue empties. The first resolution
// (ms/first) moves the mentions; the timed ones find them in place (what a
// worker's resolution after a few new batches costs).
//
//	go test ./app/tagging -run '^$' -bench ResolveEntities -benchtime 3x
func BenchmarkResolveEntities(b *testing.B) {
	ctx := context.Background()
	a, _ := taggedBenchArchive(b)
	start := time.Now()
	if err := a.Tagging.ResolveEntities(ctx); err != nil { // moves the mentions
		b.Fatal(err)
	}
	first := time.Since(start)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := a.Tagging.ResolveEntities(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(first.Milliseconds()), "ms/first")
}

// BenchmarkResolveAfterImport is what importing and tagging 1 or 100
// articles into a tagged and resolved archive of 100,000 articles (10,000
// with -short; see BenchmarkResolveEntities) costs the resolution a worker
// then makes: ms/op in all, lock-ms/op of it holding the archive's write
// lock (the watermark check and the moves; reading, read-ms/op, and
// deciding, decide-ms/op, hold none: before, all three held it). A second
// resolution over the same evidence (skip-ms) is skipped.
//
//	go test ./app/tagging -run '^$' -bench ResolveAfterImport -benchtime 3x
func BenchmarkResolveAfterImport(b *testing.B) {
	ctx := context.Background()
	a, n := taggedBenchArchive(b)
	if err := a.Tagging.ResolveEntities(ctx); err != nil {
		b.Fatal(err)
	}
	next := n
	for _, k := range []int{1, 100} {
		b.Run(fmt.Sprintf("articles=%d", k), func(b *testing.B) {
			var locked, read, decided, skip time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				fillTagged(b, a.Store, next, k, 15)
				next += k
				b.StartTimer()
				st, err := a.Tagging.ResolveStats(ctx, true)
				if err != nil {
					b.Fatal(err)
				}
				if st.Skipped {
					b.Fatal("a resolution after new articles was skipped")
				}
				locked, read, decided = locked+st.Locked, read+st.Read, decided+st.Decide
				b.StopTimer()
				start := time.Now()
				if st, err := a.Tagging.ResolveStats(ctx, true); err != nil || !st.Skipped {
					b.Fatalf("a resolution over unchanged evidence: skipped %v, %v", st.Skipped, err)
				}
				skip += time.Since(start)
				b.StartTimer()
			}
			b.ReportMetric(float64(locked.Microseconds())/1000/float64(b.N), "lock-ms/op")
			b.ReportMetric(float64(read.Microseconds())/1000/float64(b.N), "read-ms/op")
			b.ReportMetric(float64(decided.Microseconds())/1000/float64(b.N), "decide-ms/op")
			b.ReportMetric(float64(skip.Microseconds())/1000/float64(b.N), "skip-ms/op")
		})
	}
}

// fillTagged adds n articles with per mentions each, saved as a worker
// saves them; from numbers the first (articles from earlier calls are
// numbered below it).
func fillTagged(b *testing.B, s *store.Store, from, n, per int) {
	b.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, uint64(4+from)))
	first := []string{"John", "Mary", "Tony", "Gordon", "Anna", "Peter", "Sarah", "David", "Li", "Ahmed"}
	type name struct{ text, typ string }
	var pool []name
	for i := range 40_000 {
		last := fmt.Sprintf("Surname%d", i/4)
		switch i % 4 {
		case 0:
			pool = append(pool, name{first[i/4%len(first)] + " " + last, store.TypePerson})
		case 1:
			pool = append(pool, name{last, store.TypePerson})
		case 2:
			pool = append(pool, name{fmt.Sprintf("Company%d Holdings", i), store.TypeOrg})
		default:
			pool = append(pool, name{fmt.Sprintf("Town%d", i), store.TypePlace})
		}
	}
	types := []string{store.TypePerson, store.TypeOrg, store.TypePlace}
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(pool)-1))
	const chunk = 2000
	for done := 0; done < n; done += chunk {
		arts := make([]store.Article, min(chunk, n-done))
		origs := make([]store.Original, len(arts))
		bodies := make([][]name, len(arts))
		for i := range arts {
			var body strings.Builder
			for range per {
				nm := pool[zipf.Uint64()]
				if rng.IntN(5) == 0 {
					nm.typ = types[rng.IntN(len(types))]
				}
				bodies[i] = append(bodies[i], nm)
				body.WriteString(nm.text + " said so. ")
			}
			title := fmt.Sprintf("Article %d", from+done+i)
			arts[i] = store.Article{Title: title, Body: body.String(), Language: "en", ContentHash: title}
			origs[i] = store.Original{ContentType: "text/plain"}
		}
		ids, _, err := s.CreateArticles(ctx, arts, origs)
		if err != nil {
			b.Fatal(err)
		}
		byID := map[int64][]name{}
		for i, id := range ids {
			byID[id] = bodies[i]
		}
		jobs, err := s.ClaimTagging(ctx, "bench", len(arts), time.Hour)
		if err != nil {
			b.Fatal(err)
		}
		results := make([]store.Tagged, len(jobs))
		for i, j := range jobs {
			r := store.Tagged{ArticleID: j.ArticleID, Model: "bench"}
			at := 0
			for _, nm := range byID[j.ArticleID] {
				r.Mentions = append(r.Mentions, store.Mention{Start: at, End: at + len(nm.text), Text: nm.text, Name: nm.text, Type: nm.typ})
				at += len(nm.text + " said so. ")
			}
			results[i] = r
		}
		if _, err := s.SaveClaimed(ctx, "bench", results); err != nil {
			b.Fatal(err)
		}
	}
}
