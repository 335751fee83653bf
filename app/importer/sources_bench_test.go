package importer_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
)

// BenchmarkImportWebArchive imports the wget WACZ (3 pages, 16 records)
// into a fresh archive per iteration: the cost of a small crawl, storage
// and provenance included.
func BenchmarkImportWebArchive(b *testing.B) {
	ctx := context.Background()
	src := filepath.Join("testdata", "sources", "sample.wacz")
	for b.Loop() {
		b.StopTimer()
		a := apptest.Open(b)
		b.StartTimer()
		rep, err := a.Importer.Import(ctx, []string{src}, importer.Options{})
		if err != nil || rep.Imported != 1 {
			b.Fatalf("%+v %v", rep, err)
		}
		b.StopTimer()
		a.Close()
		b.StartTimer()
	}
}

// BenchmarkRefreshDueNone is the cost of one look for due feeds when none
// is due, which the GUI pays every minute.
func BenchmarkRefreshDueNone(b *testing.B) {
	a := apptest.Open(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := a.Importer.RefreshDue(ctx, time.Unix(0, 0), importer.FeedOptions{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
