package app_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/assets"
)

// TestLookupAcceptance imports the sample article and the whole BBC corpus,
// tags them, and checks that each half-remembered name finds the intended
// entity among the first three, with the BBC's entities as distractors. It
// is too slow under -race; make test runs it in its plain pass.
func TestLookupAcceptance(t *testing.T) {
	bbc := corpus.Path(t, "corpus", "bbc")
	if testing.Short() || raceEnabled() {
		t.Skip("imports and tags the BBC corpus: skipped with -short and under -race")
	}
	a := apptest.Open(t)
	ctx := context.Background()
	seed := filepath.Join(t.TempDir(), "seed.txt")
	if err := os.WriteFile(seed, assets.SampleArticle, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Importer.Import(ctx, []string{seed, bbc}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ query, want string }{
		{"Ma Zhoaxu", "Ma Zhaoxu"}, {"Ma Zhaoxo", "Ma Zhaoxu"}, {"Ma Zhaooxu", "Ma Zhaoxu"},
		{"mazhaoxu", "Ma Zhaoxu"}, {"Huwaei", "Huawei"}, {"Eurasa Grup", "Eurasia Group"},
		{"jpmorg", "JPMorgan Chase"}, {"dimon", "Jamie Dimon"},
	}
	for _, tt := range tests {
		res, err := a.Search.Lookup(ctx, tt.query, lookup.KindEntity, 3)
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		found := false
		for _, r := range res {
			found = found || r.Text == tt.want
		}
		if !found {
			t.Errorf("lookup %q: %+v, want %q in the top 3", tt.query, res, tt.want)
		}
	}
}
