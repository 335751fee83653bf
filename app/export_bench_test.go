package app_test

import (
	"context"
	"io"
	"testing"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
)

// BenchmarkExport100k exports the synthetic archive of 100k articles (see
// benchArchive) in the stream formats, to io.Discard. B/op and the peak
// heap (sampled while the export runs) show that memory stays flat: a batch
// of articles is held at a time, never the archive.
//
//	go test ./app -run '^$' -bench Export100k -benchtime 1x
func BenchmarkExport100k(b *testing.B) {
	a := apptest.BenchArchive(b)
	ctx := context.Background()
	for _, f := range []export.Format{export.FormatJSONL, export.FormatCSV, export.FormatRIS, export.FormatBibTeX, export.FormatCSLJSON} {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			n := 0
			for b.Loop() {
				peak = max(peak, memPeak(func() {
					st, err := a.Exporter.Write(ctx, io.Discard, export.Options{Format: f})
					if err != nil {
						b.Fatal(err)
					}
					n = st.Articles
				}))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(n), "articles")
		})
	}
}

// BenchmarkExport10k exports the first 10k articles of the synthetic
// archive as JSONL: its peak heap, beside BenchmarkExport100k's, shows that
// memory does not grow with the number of articles.
func BenchmarkExport10k(b *testing.B) {
	a := apptest.BenchArchive(b)
	ids := make([]int64, 10_000)
	for i := range ids {
		ids[i] = int64(i + 1)
	}
	b.ReportAllocs()
	var peak uint64
	for b.Loop() {
		peak = max(peak, memPeak(func() {
			if _, err := a.Exporter.Write(context.Background(), io.Discard, export.Options{Format: export.FormatJSONL, Scope: export.Scope{IDs: ids}}); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkExportScoped exports the articles of one source in a date range.
func BenchmarkExportScoped(b *testing.B) {
	a := apptest.BenchArchive(b)
	opt := export.Options{Format: export.FormatCSV, Scope: export.Scope{Source: "Reuters", From: "2010", To: "2014"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Exporter.Write(context.Background(), io.Discard, opt); err != nil {
			b.Fatal(err)
		}
	}
}
