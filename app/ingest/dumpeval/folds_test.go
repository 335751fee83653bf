package dumpeval

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// foldPages are three pages of the ingest package's tests (two as the
// development set, one extra), each with one real dump.
func foldPages(t *testing.T) ([]Page, []*Sample) {
	t.Helper()
	var pages []Page
	var samples []*Sample
	for _, name := range []string{"heise", "lemonde-1", "qq"} {
		dir := filepath.Join("..", "testdata", "dumppages", name)
		dumps, err := filepath.Glob(filepath.Join(dir, "[lwh]*.txt"))
		if err != nil || len(dumps) != 1 {
			t.Fatalf("%s: %v, dumps %v", dir, err, dumps)
		}
		gold, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
		if err != nil {
			t.Fatal(err)
		}
		dump, err := os.ReadFile(dumps[0])
		if err != nil {
			t.Fatal(err)
		}
		r := strings.TrimSuffix(filepath.Base(dumps[0]), ".txt")
		samples = append(samples, &Sample{Page: len(pages), Renderer: r, A: ingest.NewDumpAnalysis(string(dump))})
		pages = append(pages, Page{Name: name, Gold: string(gold), Dumps: map[string]string{r: string(dump)}})
	}
	return pages, samples
}

func TestSaveLoadFolds(t *testing.T) {
	pages, samples := foldPages(t)
	m := ingest.DefaultDumpModel()
	dir := filepath.Join(t.TempDir(), "folds")
	man := NewManifest(pages, 2, 1, 2)
	if err := SaveFolds(dir, man, []*ingest.DumpModel{m, m}, nil); err != nil {
		t.Fatal(err)
	}
	got, dev, extra, err := LoadFolds(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(dev) != 2 || len(extra) != 0 || got.DevModels != 2 || got.Digest != man.Digest {
		t.Fatalf("loaded %+v, %d and %d models", got, len(dev), len(extra))
	}
	if !reflect.DeepEqual(dev[1], m) {
		t.Error("a fold model read back differs from the one written")
	}
	if err := got.Matches(pages, 2, 1); err != nil {
		t.Errorf("the same pages: %v", err)
	}
	// The development pages are scored, each by its fold's model, the
	// extra page not.
	_, scores := EvaluateFolds(pages, samples, DevFolds(pages, 2, 2), dev)
	if len(scores) != 2 {
		t.Fatalf("%d dumps scored, want the 2 development pages'", len(scores))
	}
	for _, s := range scores {
		if s.Page == pages[2].Name || s.F1 < 0.5 {
			t.Errorf("scored %+v", s)
		}
	}

	for _, c := range []struct {
		name  string
		pages []Page
		nDev  int
		per   int
		want  string
	}{
		{"other split", pages, 1, 1, "2 development and 1 extra"},
		{"other renderers", pages, 2, 2, "1 dumps per extra page"},
		{"other dump", append(append([]Page(nil), pages[:2]...), Page{Name: pages[2].Name, Gold: pages[2].Gold, Title: pages[2].Title,
			Dumps: map[string]string{"w3m": "x"}}), 2, 1, "other pages"},
	} {
		if err := got.Matches(c.pages, c.nDev, c.per); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

func TestLoadFoldsBad(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no manifest", nil, "folds.json"},
		{"bad manifest", map[string]string{"folds.json": "{"}, "folds.json"},
		{"no models", map[string]string{"folds.json": `{"k":5}`}, "lists no models"},
		{"models and folds disagree", map[string]string{"folds.json": `{"k":5,"dev_models":3}`}, "3 and 0 models for 5 folds"},
		{"model missing", map[string]string{"folds.json": `{"k":2,"dev_models":2}`, "dev-0.json": "{}"}, "dev-0.json: not a dump model"},
		{"model not JSON", map[string]string{"folds.json": `{"k":2,"dev_models":2}`, "dev-0.json": "[1"}, "dev-0.json"},
	} {
		dir := t.TempDir()
		for name, text := range c.files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, _, err := LoadFolds(dir); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

func TestPrintPaired(t *testing.T) {
	before := []PageScore{
		{Page: "a", Renderer: "lynx", F1: 0.5, TitleOK: false, Title: "Menu", WantTitle: "Headline"},
		{Page: "b", Renderer: "lynx", F1: 0.9, TitleOK: true, Title: "B"},
		{Page: "c", Renderer: "w3m", F1: 0.8, TitleOK: true, Title: "C"},
		{Page: "gone", Renderer: "w3m", F1: 0.1},
	}
	after := []PageScore{
		{Page: "a", Renderer: "lynx", F1: 0.75, TitleOK: true, Title: "Headline", WantTitle: "Headline"},
		{Page: "b", Renderer: "lynx", F1: 0.901, TitleOK: true, Title: "B"},
		{Page: "c", Renderer: "w3m", F1: 0.6, TitleOK: false, Title: "Cookies", WantTitle: "C"},
	}
	var buf bytes.Buffer
	PrintPaired(&buf, before, after, 0.005)
	out := buf.String()
	for _, want := range []string{
		"| lynx | 2 | 0.7000 | 0.8255 | 50.0% | 100.0% | 1 | 0 | 1 |",
		"| w3m | 1 | 0.8000 | 0.6000 | 100.0% | 0.0% | 0 | 1 | 1 |",
		"not compared: 0 dumps scored only after, 1 only before",
		`a                                lynx       F1 0.500 -> 0.750  title "Menu" -> "Headline" (want "Headline")`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "b ") && strings.Contains(out, "0.900 -> 0.901") {
		t.Errorf("a change under the threshold is listed:\n%s", out)
	}
	if strings.Index(out, "\na ") > strings.Index(out, "\nc ") {
		t.Errorf("not largest change first:\n%s", out)
	}
}
