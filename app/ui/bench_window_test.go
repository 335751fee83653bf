package ui

import (
	"context"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/newsarchive/newsarchive/app"
)

// benchWindowEnv names an archive the window benchmarks open instead of the
// 100,000-article one: the 1M-article archive, say. The benchmarks write to
// it (app.Open migrates; the window may record preferences), so give them a
// copy:
//
//	cp /work/bench/synthetic-1m.db /tmp/1m.db
//	NEWSARCHIVE_BENCH_WINDOW=/tmp/1m.db go test -run '^$' -bench MainWindow ./app/ui
const benchWindowEnv = "NEWSARCHIVE_BENCH_WINDOW"

// benchWindowArchive is the archive of the window benchmarks: the one
// named by $NEWSARCHIVE_BENCH_WINDOW, else benchArchive's.
func benchWindowArchive(b *testing.B) string {
	b.Helper()
	if p := os.Getenv(benchWindowEnv); p != "" {
		if testing.Short() {
			b.Skip("large archive benchmark skipped with -short")
		}
		if !fileExists(p) {
			b.Fatalf("$%s: no archive at %s", benchWindowEnv, p)
		}
		return p
	}
	return benchArchive(b)
}

// openSyncWindow opens the archive at path in a window of fa that does
// all its work in order on the calling goroutine (Options.Sync), its
// lookup index built and its first rows shown. The test driver runs
// fyne.Do on the goroutine calling it: background loads would draw the
// list while the benchmark does.
func openSyncWindow(b *testing.B, fa fyne.App, path string) *Window {
	b.Helper()
	a, err := app.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	w := newWindow(fa, a, path, Options{Sync: true, NoTagging: true, FeedCheck: -1})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.showSection(sectionArticles)
	w.Canvas().Capture()
	return w
}

// waitUI polls cond on the UI goroutine until it holds, failing after a
// minute.
func waitUI(b *testing.B, what string, cond func() bool) {
	b.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		var ok bool
		fyne.DoAndWait(func() { ok = cond() })
		if ok {
			return
		}
		if time.Now().After(deadline) {
			b.Fatalf("%s: not done in a minute", what)
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// visibleRows is about how many rows of the article list a 800-pixel
// window shows: a step scrolls by as many.
const visibleRows = 20

// benchScroll measures scrolling the article list: each op scrolls to a row
// (jump: anywhere in the archive, as dragging the scroll bar does; step: a
// screenful further down, as the wheel or Page Down does) and waits until
// the rows drawn there are loaded and drawn. It reports the p50 and p95 of
// the ops in ms and how deep the rows went (max-row).
func benchScroll(b *testing.B, w *Window, jump bool) {
	p := w.articles.list
	var total int
	waitUI(b, "article count", func() bool { total = p.total; return total > 0 })
	rng := rand.New(rand.NewPCG(7, 11))
	row, deepest := 0, 0
	var took []time.Duration
	cpu0, _ := processCPU()
	for b.Loop() {
		if jump {
			row = rng.IntN(max(1, total-visibleRows))
		} else {
			row += visibleRows
			if row+visibleRows >= total {
				row = 0
			}
		}
		deepest = max(deepest, row)
		start := time.Now()
		fyne.DoAndWait(func() { p.list.ScrollTo(row) })
		// Done when the row is loaded and so is every page the list asked
		// for while drawing the rows around it (a load redraws the list).
		waitUI(b, "scrolled rows", func() bool {
			_, ok := p.row(row)
			return ok && len(p.loading) == 0
		})
		took = append(took, time.Since(start))
	}
	reportQuantiles(b, took, cpu0)
	b.ReportMetric(float64(deepest), "max-row")
}

// benchOpenArticle measures opening an article from the list: each op opens
// one at a random row of the loaded pages (scrolled anywhere in the
// archive first, outside the timing) and waits until the reader shows it.
func benchOpenArticle(b *testing.B, w *Window) {
	p := w.articles.list
	var total int
	waitUI(b, "article count", func() bool { total = p.total; return total > 0 })
	rng := rand.New(rand.NewPCG(3, 5))
	var took []time.Duration
	var cpu time.Duration // CPU time of the timed parts
	for b.Loop() {
		b.StopTimer()
		row := rng.IntN(total)
		fyne.DoAndWait(func() { p.list.ScrollTo(row) })
		var r articleRow
		waitUI(b, "row to open", func() bool {
			var ok bool
			r, ok = p.row(row)
			return ok
		})
		b.StartTimer()
		start := time.Now()
		c0, _ := processCPU()
		fyne.DoAndWait(func() { w.articles.reader.show(r.ID) })
		waitUI(b, "article shown", func() bool { return w.articles.reader.id == r.ID })
		took = append(took, time.Since(start))
		c1, _ := processCPU()
		cpu += c1 - c0
	}
	reportQuantiles(b, took, 0)
	if len(took) > 0 && cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(took)), "cpu-ms/op")
	}
}

// reportQuantiles reports the p50 and p95 of took in ms and, when cpu0
// is the process's CPU time before the ops, their mean CPU time.
func reportQuantiles(b *testing.B, took []time.Duration, cpu0 time.Duration) {
	if len(took) == 0 {
		return
	}
	if cpu1, ok := processCPU(); ok && cpu0 > 0 {
		b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1000/float64(len(took)), "cpu-ms/op")
	}
	slices.Sort(took)
	q := func(f float64) float64 {
		return float64(took[min(len(took)-1, int(f*float64(len(took))))].Microseconds()) / 1000
	}
	b.ReportMetric(q(0.50), "p50-ms")
	b.ReportMetric(q(0.95), "p95-ms")
}
