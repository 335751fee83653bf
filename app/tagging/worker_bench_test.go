package tagging_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/tagging"
	"github.com/newsarchive/newsarchive/store/storetest"
)

// BenchmarkWorkers tags the BBC corpus in a PostgreSQL archive with one
// worker and with three side by side, each with its own connection pool and
// tagger as separate machines would have, and reports the articles and
// words tagged a second. On one machine the workers share its cores (each
// worker already tags on all of them), so three are not three times one:
// the gain is the claims, saves and waits that overlap.
//
//	NEWSARCHIVE_TEST_PG=postgres://... go test ./app -run '^$' -bench Workers -benchtime 1x
func BenchmarkWorkers(b *testing.B) {
	addr := storetest.Postgres(b)
	ctx := context.Background()
	a, err := apptest.OpenAt(ctx, addr)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	if rep, err := a.Importer.Import(ctx, []string{corpus.Path(b, "corpus", "bbc")}, importer.Options{}); err != nil || rep.Imported == 0 {
		b.Fatalf("import: %d %v", rep.Imported, err)
	}
	for _, n := range []int{1, 3} {
		b.Run(fmt.Sprintf("workers=%d", n), func(b *testing.B) {
			apps := make([]*apptest.Archive, n)
			for i := range apps {
				w, err := apptest.OpenAt(ctx, addr)
				if err != nil {
					b.Fatal(err)
				}
				defer w.Close()
				if _, err := w.Tagging.Tagger(); err != nil {
					b.Fatal(err)
				}
				apps[i] = w
			}
			var articles, words int
			var elapsed time.Duration
			for b.Loop() {
				b.StopTimer()
				if err := a.Store.ResetTagging(ctx); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				start := time.Now()
				got, w := runWorkers(b, apps)
				elapsed += time.Since(start)
				articles += got
				words += w
			}
			if q, err := a.Tagging.QueueStatus(ctx); err != nil || q.Waiting() != 0 || q.Done+q.Failed != q.Total() {
				b.Fatalf("queue after the workers: %+v %v", q, err)
			}
			b.ReportMetric(float64(articles)/elapsed.Seconds(), "articles/s")
			b.ReportMetric(float64(words)/elapsed.Seconds(), "words/s")
		})
	}
}

// runWorkers runs a worker on each app until the queue is empty and
// returns the articles and words they tagged.
func runWorkers(b *testing.B, apps []*apptest.Archive) (articles, words int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, w := range apps {
		wg.Go(func() {
			var last tagging.Progress
			err := w.Tagging.Work(context.Background(), tagging.Options{Poll: 50 * time.Millisecond, ExitWhenDone: true}, func(p tagging.Progress) { last = p })
			if err != nil {
				b.Error(err)
			}
			mu.Lock()
			articles += last.Tagged
			words += last.Words
			mu.Unlock()
		})
	}
	wg.Wait()
	return articles, words
}
