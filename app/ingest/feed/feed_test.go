package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestParseLatin1Undeclared(t *testing.T) {
	f, err := Parse(readFile(t, "testdata/latin1-undeclared.rss"), "https://regiao.example/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Notícias da Região" || f.Link != "https://regiao.example/" || len(f.Items) != 2 {
		t.Fatalf("feed = %q %q %d items", f.Title, f.Link, len(f.Items))
	}
	full, short := f.Items[0], f.Items[1]
	want := Item{GUID: "id-1", Link: "https://regiao.example/2024/plano", Title: "Plano de mobilidade aprovado",
		Author: "João Araújo", Published: "2024-03-05T18:30:00Z", Summary: "Câmara aprova plano.", IsFullContent: true}
	got := full
	got.Content = ""
	if got != want {
		t.Errorf("item 0 =\n%+v\nwant\n%+v", got, want)
	}
	if !strings.Contains(full.Content, "ferroviária do vale.") || !strings.Contains(full.Content, "\n\nSegunda parte") {
		t.Errorf("content = %q", full.Content)
	}
	if short.IsFullContent || short.Content != "" || short.Summary != "Um resumo curto, com acentuação." || short.Published != "2024-03-06T09:00:00Z" {
		t.Errorf("item 1 = %+v", short)
	}
}

func TestParseAtomTeaser(t *testing.T) {
	f, err := Parse(readFile(t, "testdata/atom-teaser.atom"), "")
	if err != nil {
		t.Fatal(err)
	}
	it := f.Items[0]
	if it.Title != "Tides & storms" || it.Author != "Ruth Ng" || it.Published != "2024-01-01T08:00:00+01:00" ||
		it.IsFullContent || it.Summary != "Short teaser." || it.Link != "https://blog.example/tides" {
		t.Errorf("item = %+v", it)
	}
}

func TestParseRefusals(t *testing.T) {
	tests := []struct {
		name    string
		raw     []byte
		want    error
		message string
	}{
		{"entity bomb", readFile(t, "testdata/entity-bomb.rss"), ErrEntities, "entity"},
		{"html page", []byte("<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>"), ErrNotFeed, "not a feed: looks like an HTML page"},
		{"empty", []byte("  "), ErrNotFeed, "not a feed"},
		{"plain text", []byte("hello, world"), ErrNotFeed, "not a feed"},
		{"too large", make([]byte, MaxBytes+1), ErrTooLarge, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.raw, "https://example.org/feed")
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.message) {
				t.Fatalf("err = %v, want %v containing %q", err, tt.want, tt.message)
			}
		})
	}
}

// TestCorpus parses every shared feed: each must parse with items, or
// (unrecognized.rss, an HTML page) fail with a clear error.
func TestCorpus(t *testing.T) {
	dir := corpus.Path(t, "corpus", "feeds")
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no feeds in %s: %v", dir, err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			f, err := Parse(readFile(t, path), "https://example.org/feed")
			if name == "unrecognized.rss" {
				if err == nil || !strings.Contains(err.Error(), "not a feed: looks like an HTML page") {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Title == "" && len(f.Items) == 0 && !strings.Contains(name, "fields") {
				t.Errorf("empty feed %+v", f)
			}
			for i, it := range f.Items {
				if strings.ContainsRune(it.Title+it.Summary+it.Content, '\uFFFD') {
					t.Errorf("item %d: replacement character in %q", i, it.Title)
				}
			}
		})
	}
}

func TestCorpusEncoding(t *testing.T) {
	path := filepath.Join(corpus.Path(t, "corpus", "feeds"), "encoding.rss")
	f, err := Parse(readFile(t, path), "")
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Jornal de Notícias - Últimas Notícias" {
		t.Errorf("title = %q", f.Title)
	}
}

func BenchmarkParse(b *testing.B) {
	raw := readFile(b, "testdata/latin1-undeclared.rss")
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Parse(raw, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"latin1-undeclared.rss", "atom-teaser.atom", "entity-bomb.rss"} {
		f.Add(readFile(f, filepath.Join("testdata", name)))
	}
	if root := corpus.Root(); root != "" {
		for _, name := range []string{"rss-1.rss", "incomplete-fields.atom", "unrecognized.rss", "encoding.rss"} {
			if b, err := os.ReadFile(filepath.Join(root, "corpus", "feeds", name)); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		fd, err := Parse(raw, "https://example.org/")
		if err != nil && len(fd.Items) > 0 {
			t.Fatal("items returned with an error")
		}
	})
}
