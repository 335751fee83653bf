package search_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/synth"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/storetest"
)

var (
	benchPGOnce sync.Once
	benchPGApp  *apptest.Archive
	benchPGErr  error
)

// benchPGSchema names the schema holding the synthetic archive of n
// articles on the PostgreSQL test server; the generator's version is part
// of it, so a new generator builds a new archive.
func benchPGSchema(n int) string { return fmt.Sprintf("bench_synth_v%d_%d", synth.Version, n) }

// ensurePGSynth returns the address of a PostgreSQL archive of the n
// synthetic articles in src (benchArchive's), in the schema benchPGSchema(n)
// of the database at base. It is copied from src the first time (store.Copy)
// and kept: a schema that already holds n articles is reused, anything else
// in it (a build cut short) is dropped and copied again.
func ensurePGSynth(ctx context.Context, base string, src *store.Store, n int) (string, error) {
	schema := benchPGSchema(n)
	addr, err := storetest.SchemaAddress(base, schema)
	if err != nil {
		return "", err
	}

	db, err := sql.Open("pgx", base)
	if err != nil {
		return "", err
	}
	defer db.Close()
	var have int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM `+schema+`.articles`).Scan(&have)
	if err == nil && have == n {
		return addr, nil
	}
	if _, err := db.ExecContext(ctx, `DROP SCHEMA IF EXISTS `+schema+` CASCADE`); err != nil {
		return "", err
	}
	if err := storetest.CreateSchema(ctx, db, schema); err != nil {
		return "", err
	}
	dst, err := store.Open(ctx, addr)
	if err != nil {
		return "", err
	}
	err = store.Copy(ctx, dst, src, nil)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("copy the synthetic archive into schema %s: %w", schema, err)
	}
	return addr, nil
}

// benchPGArchive opens the PostgreSQL copy of the synthetic benchmark
// archive: the same 100k articles as benchArchive's, written by the same
// generator. It skips without $NEWSARCHIVE_TEST_PG.
func benchPGArchive(b *testing.B) *apptest.Archive {
	b.Helper()
	base := os.Getenv(storetest.EnvPG)
	if base == "" {
		b.Skip(storetest.EnvPG + " is not set: no PostgreSQL server to benchmark")
	}
	src := apptest.BenchArchive(b)
	benchPGOnce.Do(func() {
		ctx := context.Background()
		start := time.Now()
		addr, err := ensurePGSynth(ctx, base, src.Store, apptest.BenchArticles)
		if err != nil {
			benchPGErr = err
			return
		}
		if d := time.Since(start); d > time.Second {
			b.Logf("built %s in %s", store.Redact(addr), d.Round(time.Second))
		}
		benchPGApp, benchPGErr = apptest.OpenAt(ctx, addr)
	})
	if benchPGErr != nil {
		b.Fatal(benchPGErr)
	}
	return benchPGApp
}

// BenchmarkSearchPostgres is BenchmarkSearch on PostgreSQL: the p50 and p95
// latency of each query class over the same 100k synthetic articles.
func BenchmarkSearchPostgres(b *testing.B) {
	benchSearchClasses(b, benchPGArchive(b))
}
