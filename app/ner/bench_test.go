package ner

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

// bbcTexts loads up to n BBC articles (local corpus only; never copied).
func bbcTexts(b *testing.B, n int) (texts []string, words int) {
	b.Helper()
	dir := corpus.Path(b, "corpus", "bbc")
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || len(texts) >= n || !strings.HasSuffix(p, ".txt") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err == nil {
			texts = append(texts, string(data))
			words += len(strings.Fields(string(data)))
		}
		return nil
	})
	if len(texts) == 0 {
		b.Skip("no BBC texts")
	}
	return texts, words
}

// runWorkers tags every text once per iteration with the given number of
// goroutines, reporting words per second.
func runWorkers(b *testing.B, workers int, tag func(string)) {
	texts, words := bbcTexts(b, 200)
	b.ResetTimer()
	for b.Loop() {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1)) - 1
					if i >= len(texts) {
						return
					}
					tag(texts[i])
				}
			}()
		}
		wg.Wait()
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkTag(b *testing.B) {
	tg := loadTagger(b)
	for _, w := range []int{1, runtime.NumCPU()} {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) {
			runWorkers(b, w, func(s string) { tg.Tag(s, nil) })
		})
	}
}

// BenchmarkStockProse runs stock prose (segmentation, tagging and its own
// entity extraction) on the same texts, for comparison.
func BenchmarkStockProse(b *testing.B) {
	model := prose.ModelFromData("stock")
	for _, w := range []int{1, runtime.NumCPU()} {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) {
			runWorkers(b, w, func(s string) {
				if _, err := prose.NewDocument(s, prose.UsingModel(model)); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkMemory reports the peak resident set size of the process after
// loading the model and tagging the corpus (Linux only).
func BenchmarkMemory(b *testing.B) {
	tg := loadTagger(b)
	texts, _ := bbcTexts(b, 200)
	for b.Loop() {
		for _, s := range texts {
			tg.Tag(s, nil)
		}
	}
	runtime.GC()
	if mb, ok := procStatusMB("VmHWM:"); ok {
		b.ReportMetric(mb, "peak-RSS-MB")
	}
	if mb, ok := procStatusMB("VmRSS:"); ok {
		b.ReportMetric(mb, "RSS-MB")
	}
}

func procStatusMB(field string) (float64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024, err == nil
		}
	}
	return 0, false
}

// BenchmarkTagHuge tags a 19 MB text without sentence punctuation with
// DefaultLimits (security issue #15 item 4): one call is bounded by the
// 1 MiB cap and the sentence cap. It reports seconds per call and the
// process's peak RSS (run it alone: -bench TagHuge).
func BenchmarkTagHuge(b *testing.B) {
	tg := loadTagger(b)
	text := hugeText()
	b.ResetTimer()
	for b.Loop() {
		if _, err := tg.TagContext(context.Background(), text, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/call")
	runtime.GC()
	if mb, ok := procStatusMB("VmHWM:"); ok {
		b.ReportMetric(mb, "peak-RSS-MB")
	}
}
