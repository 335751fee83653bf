package ner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

// goldenTags is the tagger's output on the seed page, the sample article and
// a sample of the BBC corpus, written with -update. The entity model's
// feature index (featindex.go) replaced a map: the tags must not change.
const goldenTags = "testdata/tags.golden"

// goldenSample is how many BBC articles (in path order) the golden tags.
const goldenSample = 40

// tagSample returns the texts the golden covers, named; the BBC ones only
// when the shared corpus is there.
func tagSample(t *testing.T) (names, texts []string) {
	t.Helper()
	for _, p := range []string{"testdata/seed_us_china_call.txt", "../../assets/sample-article.txt"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		names, texts = append(names, filepath.Base(p)), append(texts, string(b))
	}
	if corpus.Root() == "" {
		return names, texts
	}
	dir := filepath.Join(corpus.Root(), "corpus", "bbc")
	var paths []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
		return nil
	})
	slices.Sort(paths)
	for _, p := range paths[:min(goldenSample, len(paths))] {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		names, texts = append(names, "bbc/"+filepath.ToSlash(rel)), append(texts, string(b))
	}
	return names, texts
}

// TestTagsGolden checks the tags of the sample against the golden file
// (-update rewrites it). Without the shared corpus only the repository's two
// texts are compared.
func TestTagsGolden(t *testing.T) {
	tg := loadTagger(t)
	names, texts := tagSample(t)
	got := map[string]string{}
	for i, text := range texts {
		var b strings.Builder
		for _, e := range tg.Tag(text, nil) {
			fmt.Fprintf(&b, "%s\t%d\t%d\t%s\t%s\t%s\n", names[i], e.Start, e.End, e.Type, e.Text, e.Canonical)
		}
		got[names[i]] = b.String()
	}
	if *update {
		var all bytes.Buffer
		for _, n := range names {
			all.WriteString(got[n])
		}
		if err := os.WriteFile(goldenTags, all.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(goldenTags)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for line := range strings.Lines(string(data)) {
		name, _, _ := strings.Cut(line, "\t")
		want[name] += line
	}
	for _, n := range names {
		if got[n] != want[n] {
			t.Errorf("%s: tags differ from %s\ngot:\n%s\nwant:\n%s", n, goldenTags, got[n], want[n])
		}
	}
}
