package htmlpage

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

// BenchmarkParseCorpus parses every page of the shared html-pages corpus
// (130 real and test pages, 12 MB) once per iteration and reports pages/s.
func BenchmarkParseCorpus(b *testing.B) {
	dir := corpus.Path(b, "corpus", "html-pages")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	size := 0
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name(), "source.html"))
		if err != nil {
			continue
		}
		pages = append(pages, raw)
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, raw := range pages {
			_, _ = Parse(raw, "http://fakehost/test/page.html", "")
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkDecision times the body's decision alone on the html-pages
// corpus's pages, extracted once: the 2-of-3 vote against the learned line
// decision (Parse's), each from the ballots' indexing to the text.
func BenchmarkDecision(b *testing.B) {
	dir := corpus.Path(b, "corpus", "html-pages")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var xs []*Extraction
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name(), "source.html"))
		if err != nil {
			continue
		}
		if x, err := Extract(raw, "http://fakehost/test/page.html", ""); err == nil {
			xs = append(xs, x)
		}
	}
	m := DefaultLineModel()
	for _, bc := range []struct {
		name string
		text func(x *Extraction) string
	}{
		{"vote", func(x *Extraction) string { return x.VoteText(DefaultVote()) }},
		{"learned", func(x *Extraction) string { return x.LineText(m) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, x := range xs {
					_ = bc.text(x)
				}
			}
			b.ReportMetric(float64(b.N*len(xs))/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
