package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"maps"
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

// embeddedIndexMap decodes the embedded model's feature map as it is in the
// file, without ReadModel's compact index.
func embeddedIndexMap(t testing.TB) map[string]int32 {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(embeddedModel))
	if err != nil {
		t.Fatal(err)
	}
	var m Model
	if err := gob.NewDecoder(zr).Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m.Index
}

// TestFeatureIndexAgreesWithMap looks up, in the compact index and in the
// model file's map, every key of the model, the same keys one byte longer,
// shorter and changed, and every feature key the tagger asks for on the
// golden's sample (most of which the model does not have).
func TestFeatureIndexAgreesWithMap(t *testing.T) {
	want := embeddedIndexMap(t)
	m, err := ReadModel(bytes.NewReader(embeddedModel))
	if err != nil {
		t.Fatal(err)
	}
	if m.Index != nil || m.feats.len() != len(want) {
		t.Fatalf("read model: Index %d keys, index %d, want nil and %d", len(m.Index), m.feats.len(), len(want))
	}
	check := func(key []byte) {
		r, ok := m.feats.row(key)
		wr, wok := want[string(key)]
		if r != wr || ok != wok {
			t.Fatalf("key %q: row %d %v, the map says %d %v", key, r, ok, wr, wok)
		}
	}
	for k := range want {
		check([]byte(k))
		check([]byte(k + "x"))
		check([]byte(k[:len(k)-1]))
		b := []byte(k)
		b[len(b)/2] ^= 1
		check(b)
	}
	tg := loadTagger(t)
	_, texts := tagSample(t)
	asked := 0
	for _, text := range texts {
		for _, toks := range tg.pipe.sentences(text, 0) {
			f := newSentenceFeatures(toks, m.Lexicon, m.Dict, tg.titles, m.Lists, m.Clusters)
			for i := range toks {
				f.static(i, func(k []byte) { check(k); asked++ })
				for p := 0; p <= numLabels; p++ {
					f.dynamic(i, prevLabel(p), func(k []byte) { check(k); asked++ })
				}
			}
		}
	}
	if asked < 1000 {
		t.Fatalf("only %d feature keys asked for on the sample", asked)
	}
}

// TestFeatureIndexRejects checks that rows that are not 0..n-1, each once,
// are refused rather than indexed wrong.
func TestFeatureIndexRejects(t *testing.T) {
	for _, m := range []map[string]int32{
		{"a": 0, "b": 0},
		{"a": 0, "b": 2},
		{"a": -1},
		{"": 0},
	} {
		if _, err := newFeatureIndex(m); err == nil {
			t.Errorf("%v: no error", m)
		}
	}
	x, err := newFeatureIndex(map[string]int32{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := x.row([]byte("a")); ok {
		t.Error("an empty index has a key")
	}
}

// TestWriteModelRoundTrip writes a model read by ReadModel (its Index nil,
// its keys in the compact index) and reads it again: every key must come
// back with its row.
func TestWriteModelRoundTrip(t *testing.T) {
	want := map[string]int32{"w=the": 0, "w=The": 1, "shape=Xx": 2, "p=B-PERSON|w=Mr": 3}
	clusters := Clusters{Paths: map[string]string{"the": "0010", "Paris": "11011"}, Cased: true}
	m := &Model{Labels: labels, Index: want, Weights: make([]float32, len(want)*numLabels), Clusters: clusters}
	for i := range m.Weights {
		m.Weights[i] = float32(i)
	}
	for round := range 2 {
		var buf bytes.Buffer
		if err := WriteModel(&buf, m); err != nil {
			t.Fatal(err)
		}
		back, err := ReadModel(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if back.Index != nil {
			t.Fatalf("round %d: ReadModel kept the map", round)
		}
		if got := back.feats.toMap(); !maps.Equal(got, want) {
			t.Fatalf("round %d: read %v, want %v", round, got, want)
		}
		if !slices.Equal(back.Weights, m.Weights) {
			t.Fatalf("round %d: weights changed", round)
		}
		if !maps.Equal(back.Clusters.Paths, clusters.Paths) || !back.Clusters.Cased {
			t.Fatalf("round %d: clusters %v, want %v", round, back.Clusters, clusters)
		}
		m = back
	}
}

// BenchmarkFeatureLookup looks up the keys the tagger asks for on the seed
// page, in the compact index and in the model file's map.
func BenchmarkFeatureLookup(b *testing.B) {
	want := embeddedIndexMap(b)
	m, err := ReadModel(bytes.NewReader(embeddedModel))
	if err != nil {
		b.Fatal(err)
	}
	tg := loadTagger(b)
	text, err := os.ReadFile("testdata/seed_us_china_call.txt")
	if err != nil {
		b.Fatal(err)
	}
	var keys [][]byte
	for _, toks := range tg.pipe.sentences(string(text), 0) {
		f := newSentenceFeatures(toks, m.Lexicon, m.Dict, tg.titles, m.Lists, m.Clusters)
		for i := range toks {
			f.static(i, func(k []byte) { keys = append(keys, bytes.Clone(k)) })
		}
	}
	b.Run("index", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, k := range keys {
				if _, ok := m.feats.row(k); ok {
					n++
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/key")
	})
	b.Run("map", func(b *testing.B) {
		n := 0
		for b.Loop() {
			for _, k := range keys {
				if _, ok := want[string(k)]; ok {
					n++
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/key")
	})
}
