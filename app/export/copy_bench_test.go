package export_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/store/storetest"
)

// BenchmarkCopyBBC copies the whole BBC corpus, imported and tagged, from
// SQLite to PostgreSQL and back to a new file (when $NEWSARCHIVE_TEST_PG
// names a server), and from file to file. rows/s counts the rows of every
// table written.
//
//	NEWSARCHIVE_TEST_PG='postgres://...' go test ./app -run '^$' -bench CopyBBC -benchtime 1x
func BenchmarkCopyBBC(b *testing.B) {
	ctx := context.Background()
	root := corpus.Path(b, "corpus", "bbc")
	dir := b.TempDir()
	src := filepath.Join(dir, "bbc.db")
	a, err := apptest.OpenAt(ctx, src)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := a.Importer.Import(ctx, []string{root}, importer.Options{}); err != nil {
		b.Fatal(err)
	}
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		b.Fatal(err)
	}
	a.Close()

	n := 0
	leg := func(name, from string, to func() string) {
		b.Run(name, func(b *testing.B) {
			var rep export.CopyReport
			for b.Loop() {
				b.StopTimer()
				dst := to()
				b.StartTimer()
				var err error
				if rep, err = export.CopyArchive(ctx, from, dst, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(rep.RowsPerSecond(), "rows/s")
			b.ReportMetric(float64(rep.Rows), "rows")
		})
	}
	file := func() string {
		n++
		return filepath.Join(dir, fmt.Sprintf("copy-%d.db", n))
	}
	leg("sqlite-to-sqlite", src, file)
	if !storetest.Available() {
		return
	}
	pg := storetest.Postgres(b)
	if _, err := export.CopyArchive(ctx, src, pg, nil); err != nil {
		b.Fatal(err)
	}
	leg("sqlite-to-postgres", src, func() string { return storetest.Postgres(b) })
	leg("postgres-to-sqlite", pg, file)
}
