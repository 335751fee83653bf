package ui

import (
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
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
	waitUI(b, "article count", func() bool { total = p.total; return total > 0 && len(p.loading) == 0 })
	// The test driver runs fyne.Do on the calling goroutine: loads finishing
	// in the background would draw the list while this goroutine does.
	// From here all work is done in order, on this goroutine.
	w.opt.Sync = true
	rng := rand.New(rand.NewPCG(7, 11))
	row, deepest := 0, 0
	var took []time.Duration
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
	reportQuantiles(b, took)
	b.ReportMetric(float64(deepest), "max-row")
}

// benchOpenArticle measures opening an article from the list: each op opens
// one at a random row of the loaded pages (scrolled anywhere in the
// archive first, outside the timing) and waits until the reader shows it.
func benchOpenArticle(b *testing.B, w *Window) {
	p := w.articles.list
	var total int
	waitUI(b, "article count", func() bool { total = p.total; return total > 0 && len(p.loading) == 0 })
	// The test driver runs fyne.Do on the calling goroutine: loads finishing
	// in the background would draw the list while this goroutine does.
	// From here all work is done in order, on this goroutine.
	w.opt.Sync = true
	rng := rand.New(rand.NewPCG(3, 5))
	var took []time.Duration
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
		fyne.DoAndWait(func() { w.articles.reader.show(r.ID) })
		waitUI(b, "article shown", func() bool { return w.articles.reader.id == r.ID })
		took = append(took, time.Since(start))
	}
	reportQuantiles(b, took)
}

// reportQuantiles reports the p50 and p95 of took in ms.
func reportQuantiles(b *testing.B, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	slices.Sort(took)
	q := func(f float64) float64 {
		return float64(took[min(len(took)-1, int(f*float64(len(took))))].Microseconds()) / 1000
	}
	b.ReportMetric(q(0.50), "p50-ms")
	b.ReportMetric(q(0.95), "p95-ms")
}
