package apptest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/internal/synth"
	"github.com/newsarchive/newsarchive/assets"
	"github.com/newsarchive/newsarchive/store"
)

// here returns the directory of this source file.
func here() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// FixtureFiles returns the seed and the export test pages, written to a
// temporary folder.
func FixtureFiles(t testing.TB) []string {
	t.Helper()
	dir := t.TempDir()
	paths := []string{filepath.Join(dir, assets.SampleArticleName)}
	if err := os.WriteFile(paths[0], assets.SampleArticle, 0o644); err != nil {
		t.Fatal(err)
	}
	return append(paths, filepath.Join(here(), "..", "..", "export", "testdata", "export"))
}

// BBCSubset returns the first n files of the BBC corpus, skipping when it
// is absent.
func BBCSubset(t testing.TB, n int) []string {
	t.Helper()
	root := corpus.Path(t, "corpus", "bbc")
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") && (n <= 0 || len(files) < n) {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// BuildArchive imports paths, tags them, and adds the user's work the
// export must carry: tags, notes, a story fetched in two versions, and one
// correction of each kind.
func BuildArchive(t testing.TB, a *Archive, paths []string) {
	t.Helper()
	ctx := context.Background()
	if _, err := a.Importer.Import(ctx, paths, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	for i, body := range []string{"First version of the story about Port Ellery and its ferries.",
		"Second version of the story about Port Ellery, its ferries and Saltmarsh Island."} {
		art := store.Article{Title: "Ferry story", Body: body, URL: "https://courier.example.org/ferry-story",
			Source: "The Coastal Courier", ContentHash: ingest.ContentHash("Ferry story", body), Origin: "test"}
		if _, err := a.Store.SaveVersion(ctx, art, store.Original{ContentType: "text/html", Data: []byte(body)},
			time.Date(2024, 3, 14+i, 9, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate.AddTags(ctx, 1, "trade", "China"); err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate.AddTags(ctx, 2, "trade"); err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate.SetNote(ctx, 1, "Check the Geneva date.\nSecond line with \"quotes\" and <tags>."); err != nil {
		t.Fatal(err)
	}
	ents, err := a.Tagging.Entities(ctx, "", 6, 0)
	if err != nil || len(ents) < 6 {
		t.Fatalf("entities: %v %v", ents, err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(a.Tagging.RenameEntity(ctx, ents[0].ID, ents[0].Name+" (renamed)"))
	must(a.Tagging.RetypeEntity(ctx, ents[1].ID, "MISC"))
	must(a.Tagging.MergeEntities(ctx, ents[2].ID, ents[3].ID))
	must(a.Tagging.RejectEntity(ctx, ents[4].ID, 0))
	_, err = a.Tagging.AddEntity(ctx, "Geneva meeting", "MISC", 1)
	must(err)
	_, err = a.Tagging.AddEntity(ctx, "harbour council", "ORG", 0)
	must(err)
}

// ExportJSONL exports the whole archive as JSONL.
func ExportJSONL(t testing.TB, a *Archive) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := a.Exporter.Write(context.Background(), &buf, export.Options{Format: export.FormatJSONL}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// BenchArticles is the size of the synthetic archive the search benchmarks
// run on.
const BenchArticles = 100_000

var (
	benchOnce sync.Once
	benchApp  *Archive
	benchErr  error
)

// BenchArchive opens the synthetic archive of 100k articles, building it the
// first time (2-4 minutes; cached under os.TempDir()/newsarchive-bench/).
func BenchArchive(b *testing.B) *Archive {
	b.Helper()
	bbc := corpus.Path(b, "corpus", "bbc")
	gmb := corpus.Path(b, "ner", "gmb-train.csv")
	benchOnce.Do(func() {
		ctx := context.Background()
		start := time.Now()
		path, err := synth.Ensure(ctx, bbc, gmb, BenchArticles, nil)
		if err != nil {
			benchErr = err
			return
		}
		if d := time.Since(start); d > time.Second {
			b.Logf("built %s in %s", path, d.Round(time.Second))
		}
		benchApp, benchErr = OpenAt(ctx, path)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchApp
}
