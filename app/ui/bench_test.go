package ui

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/synth"
)

// benchFallbackArticles is how many synthetic articles the benchmarks
// import when cmd/genarchive has not built its 100,000-article archive.
const benchFallbackArticles = 20_000

// benchArchive returns the path of a large archive: genarchive's cached
// 100,000-article one when present, else one of benchFallbackArticles
// synthetic text files imported through app.Import (built once and kept
// beside it in os.TempDir()/newsarchive-bench/).
func benchArchive(b *testing.B) string {
	b.Helper()
	if testing.Short() {
		b.Skip("large archive benchmark skipped with -short")
	}
	if p := synth.CachePath(100_000); fileExists(p) {
		return p
	}
	p := filepath.Join(os.TempDir(), "newsarchive-bench", fmt.Sprintf("ui-import-%d.db", benchFallbackArticles))
	if fileExists(p) {
		return p
	}
	b.Logf("no genarchive archive at %s: importing %d synthetic articles into %s", synth.CachePath(100_000), benchFallbackArticles, p)
	if err := buildImportedArchive(p, benchFallbackArticles); err != nil {
		b.Fatal(err)
	}
	return p
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// buildImportedArchive writes n synthetic articles as text files and
// imports them into a new archive at path (renamed into place when done).
func buildImportedArchive(path string, n int) error {
	dir, err := os.MkdirTemp("", "newsarchive-bench-files")
	if err != nil {
		return fmt.Errorf("synthetic articles: %w", err)
	}
	defer os.RemoveAll(dir)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("%03d", i/1000), fmt.Sprintf("article-%06d.txt", i))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return fmt.Errorf("synthetic articles: %w", err)
		}
		if err := os.WriteFile(name, []byte(synthArticle(rng, i)), 0o644); err != nil {
			return fmt.Errorf("synthetic articles: %w", err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("synthetic archive: %w", err)
	}
	tmp := path + ".tmp" + strconv.Itoa(os.Getpid())
	ctx := context.Background()
	a, err := app.Open(ctx, tmp)
	if err != nil {
		return err
	}
	_, err = a.Importer.Import(ctx, []string{dir}, importer.Options{})
	if cerr := a.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
		return fmt.Errorf("synthetic archive %s: %w", path, err)
	}
	return nil
}

var (
	synthWords = strings.Fields("the government said on monday that its plans for the economy would bring new jobs " +
		"to the region while critics warned that prices and taxes were rising faster than wages in most towns " +
		"ministers met officials from the central bank to discuss interest rates trade and energy supplies")
	synthNames = []string{"Alice Marlow", "Martin Okafor", "Daniel Reyes", "Priya Natarajan", "Tomas Novak",
		"Harbour Board", "Northern Rail", "Portsea", "Kingsbridge", "the Treasury"}
)

// synthArticle is a plain-text article: a title line, a blank line and
// paragraphs of words and names.
func synthArticle(rng *rand.Rand, i int) string {
	var b strings.Builder
	words := func(n int) {
		for j := range n {
			if j > 0 {
				b.WriteByte(' ')
			}
			if rng.IntN(12) == 0 {
				b.WriteString(synthNames[rng.IntN(len(synthNames))])
			} else {
				b.WriteString(synthWords[rng.IntN(len(synthWords))])
			}
		}
	}
	b.WriteString(strings.ToUpper(synthWords[rng.IntN(len(synthWords))][:1]))
	words(6)
	fmt.Fprintf(&b, " %d\n\n", i)
	for p := range 4 + rng.IntN(4) {
		if p > 0 {
			b.WriteString("\n\n")
		}
		words(40 + rng.IntN(60))
		b.WriteString(".")
	}
	b.WriteString("\n")
	return b.String()
}

// openBenchWindow opens the archive at path in a window of fa as the app
// does (background work on goroutines, no tagging) and waits for the
// first page of the article list.
func openBenchWindow(b *testing.B, fa fyne.App, path string) (*Window, time.Duration, time.Duration) {
	b.Helper()
	start := time.Now()
	a, err := app.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	opened := time.Since(start)
	w := newWindow(fa, a, path, Options{NoTagging: true})
	w.win.Resize(fyne.NewSize(1280, 800))
	deadline := time.Now().Add(time.Minute)
	for {
		var shown bool
		fyne.DoAndWait(func() { _, shown = w.articles.list.row(0) })
		if shown {
			break
		}
		if time.Now().After(deadline) {
			b.Fatal("the article list did not load in a minute")
		}
		time.Sleep(time.Millisecond)
	}
	w.Canvas().Capture()
	return w, opened, time.Since(start) - opened
}

// BenchmarkMainWindow measures, over a large archive, the time from
// opening it to the first frame showing the article list (open-ms for the
// archive, paint-ms for building the main view and painting it with the
// software driver), the palette's results after a keystroke (the time to
// look up and show them, after the palette's 60 ms wait for more typing),
// the same in the header's field (header-keystroke), and the process's
// resident memory once all is loaded (rss-MB); then scrolling the article
// list and opening an article (bench_window_test.go).
// $NEWSARCHIVE_BENCH_WINDOW runs it over another archive (the 1M one).
func BenchmarkMainWindow(b *testing.B) {
	path := benchWindowArchive(b)
	fa := test.NewTempApp(b)

	b.Run("first-paint", func(b *testing.B) {
		var open, paint time.Duration
		n := 0
		for b.Loop() {
			w, o, p := openBenchWindow(b, fa, path)
			open, paint, n = open+o, paint+p, n+1
			w.shutdown()
		}
		b.ReportMetric(float64(open.Milliseconds())/float64(n), "open-ms")
		b.ReportMetric(float64(paint.Milliseconds())/float64(n), "paint-ms")
	})

	b.Run("palette-keystroke", func(b *testing.B) {
		w, _, _ := openBenchWindow(b, fa, path)
		defer w.shutdown()
		if err := w.app.Search.PrepareLookup(w.ctx); err != nil {
			b.Fatal(err)
		}
		row, _ := w.articles.list.row(0)
		query := []rune(strings.ToLower(row.Title))[:min(12, len([]rune(row.Title)))]
		w.opt.Sync = true // look up at once, without the typing delay
		w.showPalette()
		i, found := 0, 0
		for b.Loop() {
			if i == len(query) {
				w.palette.entry.SetText("")
				i = 0
			}
			w.palette.entry.TypedRune(query[i])
			i++
			found += len(w.palette.results)
		}
		if found == 0 {
			b.Fatalf("typing %q found nothing", string(query))
		}
		runtime.GC()
		b.ReportMetric(rssMB(), "rss-MB")
		b.ReportMetric(heapMB(), "heap-MB")
	})

	// header-keystroke: a keystroke in the header's field, its matches
	// looked up with their particulars and shown under it.
	b.Run("header-keystroke", func(b *testing.B) {
		w, _, _ := openBenchWindow(b, fa, path)
		defer w.shutdown()
		if err := w.app.Search.PrepareLookup(w.ctx); err != nil {
			b.Fatal(err)
		}
		row, _ := w.articles.list.row(0)
		query := []rune(strings.ToLower(row.Title))[:min(12, len([]rune(row.Title)))]
		w.opt.Sync = true // look up at once, without the typing delay
		i, found := 0, 0
		for b.Loop() {
			if i == len(query) {
				w.header.entry.SetText("")
				i = 0
			}
			w.header.entry.TypedRune(query[i])
			i++
			found += len(w.header.matches.results)
		}
		if found == 0 {
			b.Fatalf("typing %q found nothing", string(query))
		}
	})

	for _, sub := range []struct {
		name string
		run  func(*testing.B, *Window)
	}{
		{"scroll-jump", func(b *testing.B, w *Window) { benchScroll(b, w, true) }},
		{"scroll-step", func(b *testing.B, w *Window) { benchScroll(b, w, false) }},
		{"open-article", benchOpenArticle},
	} {
		b.Run(sub.name, func(b *testing.B) {
			w := openSyncWindow(b, fa, path)
			defer w.shutdown()
			sub.run(b, w)
		})
	}
}

// heapMB is the live Go heap after a collection, in MB (the window's
// models, fonts and lookup index).
func heapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// rssMB returns the process's resident set size in MB (0 where
// /proc/self/status is missing).
func rssMB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}
