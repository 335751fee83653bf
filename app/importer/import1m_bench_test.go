package importer_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/internal/synth"
	"github.com/newsarchive/newsarchive/store"
)

// BenchmarkImport1M imports the BBC corpus (2,127 files) without tagging
// into a copy of the archive of a million articles (issue #20: at least
// 1,000 articles/s), per second of wall clock and of CPU time, and reports
// the archive's size on disk per article.
// Then, into the same archive, it stores 2,000 synthetic articles in the
// importer's batches of 64 (store-articles/s) and 300 more one by one, a
// transaction each, the naive way (naive-store-articles/s). It skips
// unless that archive is cached or apptest.Bench1MEnv is set; each
// iteration copies it (8 GB): run it with -benchtime 1x.
func BenchmarkImport1M(b *testing.B) {
	ctx := context.Background()
	bbc := corpus.Path(b, "corpus", "bbc")
	pools, err := synth.LoadPools(bbc, "")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		path := apptest.CopyBench1M(b, b.TempDir())
		a, err := apptest.OpenAt(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cpu := apptest.CPUTime()
		rep, err := a.Importer.Import(ctx, []string{bbc}, importer.Options{})
		if err != nil {
			b.Fatal(err)
		}
		files := float64(rep.Imported + rep.Duplicates)
		b.ReportMetric(files/rep.Elapsed.Seconds(), "articles/s")
		// On a shared machine the wall-clock rate is the share of the
		// cores the import got; this one is not.
		b.ReportMetric(files/(apptest.CPUTime()-cpu).Seconds(), "articles/cpu-s")
		g := synth.NewGenerator(pools, uint64(time.Now().UnixNano()))
		b.ReportMetric(storeRate(b, a.Store, g, 2000, importer.BatchSize), "store-articles/s")
		b.ReportMetric(storeRate(b, a.Store, g, 300, 1), "naive-store-articles/s")
		b.StopTimer()
		n, err := a.Store.ArticleCount(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if err := a.Close(); err != nil {
			b.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(info.Size())/float64(n), "disk-B/article")
		b.ReportMetric(float64(n), "articles")
		b.StartTimer()
	}
}

// storeRate stores n generated articles in calls of batch and returns how
// many it stored per second.
func storeRate(b *testing.B, s *store.Store, g *synth.Generator, n, batch int) float64 {
	arts := make([]store.Article, n)
	origs := make([]store.Original, n)
	for i := range arts {
		arts[i] = g.Article()
		origs[i] = store.Original{ContentType: "text/plain", Data: []byte(arts[i].Title + "\n\n" + arts[i].Body)}
	}
	start := time.Now()
	for lo := 0; lo < n; lo += batch {
		hi := min(lo+batch, n)
		if _, _, err := s.CreateArticles(context.Background(), arts[lo:hi], origs[lo:hi]); err != nil {
			b.Fatal(err)
		}
	}
	return float64(n) / time.Since(start).Seconds()
}
