package apptest

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/internal/synth"
)

// Bench1MArticles is the size of the archive of the scale benchmarks (#20).
const Bench1MArticles = 1_000_000

// Bench1MEnv names the environment variable that lets the scale benchmarks
// build their archive (15-60 minutes on two shared cores; cached under
// os.TempDir()/newsarchive-bench/). Without it they run only when the
// archive is cached already, and skip otherwise: `go test -bench .` stays
// as fast as before.
const Bench1MEnv = "NEWSARCHIVE_BENCH_1M"

var (
	bench1MOnce sync.Once
	bench1MPath string
	bench1MErr  error
	bench1MApp  *Archive
	bench1MOpen sync.Once
)

// Bench1MPath returns the path of the cached synthetic archive of a million
// articles, building it when Bench1MEnv is set, and skips b otherwise
// when it is not cached.
func Bench1MPath(b *testing.B) string {
	b.Helper()
	path := synth.CachePath(Bench1MArticles)
	if _, err := os.Stat(path); err != nil && os.Getenv(Bench1MEnv) == "" {
		b.Skipf("no archive of a million articles at %s: set %s=1 to build it", path, Bench1MEnv)
	}
	bbc := corpus.Path(b, "corpus", "bbc")
	gmb := corpus.Path(b, "ner", "gmb-train.csv")
	bench1MOnce.Do(func() {
		start := time.Now()
		bench1MPath, bench1MErr = synth.Ensure(context.Background(), bbc, gmb, Bench1MArticles, nil)
		if d := time.Since(start); d > time.Second {
			b.Logf("built %s in %s", bench1MPath, d.Round(time.Second))
		}
	})
	if bench1MErr != nil {
		b.Fatal(bench1MErr)
	}
	return bench1MPath
}

// BenchArchive1M opens the cached archive of a million articles (see
// Bench1MPath), once per test binary. Benchmarks must not write to it.
func BenchArchive1M(b *testing.B) *Archive {
	b.Helper()
	path := Bench1MPath(b)
	bench1MOpen.Do(func() { bench1MApp, bench1MErr = OpenAt(context.Background(), path) })
	if bench1MErr != nil {
		b.Fatal(bench1MErr)
	}
	return bench1MApp
}

// CopyBench1M copies the archive of a million articles into dir, for a
// benchmark that writes to it, and returns the copy's path.
func CopyBench1M(b *testing.B, dir string) string {
	b.Helper()
	src := Bench1MPath(b)
	dst := filepath.Join(dir, filepath.Base(src))
	if err := copyFile(dst, src); err != nil {
		b.Fatal(err)
	}
	return dst
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("copy archive: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("copy archive: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy archive to %s: %w", dst, err)
	}
	return out.Close()
}
