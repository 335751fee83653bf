package dumpeval

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

// TestPRFMatchesScorePy compares PRF with the figures python3 score.py's
// prf() gives for the raw dumps of a few pages (English, Chinese, a table).
func TestPRFMatchesScorePy(t *testing.T) {
	dir := corpus.Path(t, "corpus", "text-dumps")
	tests := []struct {
		page, renderer string
		p, r, f        float64
	}{
		{"bbc-1", "lynx", 0.3871559633, 0.9723502304, 0.5538057743},
		{"bbc-1", "html2text", 0.4934415990, 0.9101382488, 0.6399351964},
		{"yahoo-2", "lynx", 0.1391089109, 0.9946902655, 0.2440825190},
		{"pixnet", "lynx", 0.0416278347, 0.5903083700, 0.0777713291},
		{"pixnet", "html2text", 0.0315200813, 0.5462555066, 0.0596010574},
		{"wikipedia-4", "html2text", 0.5483793517, 0.5587084149, 0.5534956985},
	}
	for _, tt := range tests {
		pred, err := os.ReadFile(filepath.Join(dir, tt.page, tt.renderer+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		gold, err := os.ReadFile(filepath.Join(dir, tt.page, "expected.txt"))
		if err != nil {
			t.Fatal(err)
		}
		p, r, f := PRF(string(pred), string(gold))
		if math.Abs(p-tt.p) > 1e-9 || math.Abs(r-tt.r) > 1e-9 || math.Abs(f-tt.f) > 1e-9 {
			t.Errorf("%s/%s: PRF = %.10f %.10f %.10f, score.py %.10f %.10f %.10f", tt.page, tt.renderer, p, r, f, tt.p, tt.r, tt.f)
		}
	}
}

func TestPRFEdges(t *testing.T) {
	tests := []struct {
		pred, gold string
		f          float64
	}{
		{"", "a b c d", 0},
		{"a b", "a b", 1},
		{"a b c d e", "a b c d", 2 * 0.5 * 1 / 1.5},
		{"x_y z", "x_y z", 1},
	}
	for _, tt := range tests {
		if _, _, f := PRF(tt.pred, tt.gold); math.Abs(f-tt.f) > 1e-12 {
			t.Errorf("PRF(%q, %q) F1 = %v, want %v", tt.pred, tt.gold, f, tt.f)
		}
	}
}

func TestNearEmpty(t *testing.T) {
	gold := ""
	for range 300 {
		gold += "word "
	}
	if !NearEmpty("a few words", gold) || NearEmpty(gold, gold) || !NearEmpty("", "x") {
		t.Error("NearEmpty wrong")
	}
}

// TestImporterOnCorpus scores the importer with its embedded model on the
// five dumps of every ninth page of the corpus (the whole corpus takes
// minutes under -race): no near-empty body, and a floor under each
// renderer's mean body F1 (evaltext reports the full figures).
func TestImporterOnCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("scores 455 dumps")
	}
	pages, err := Load(corpus.Path(t, "corpus", "text-dumps"))
	if err != nil {
		t.Fatal(err)
	}
	var some []Page
	for i := 0; i < len(pages); i += 9 {
		some = append(some, pages[i])
	}
	rows, _ := EvaluateImporter(some, Analyse(some))
	for _, r := range Renderers {
		row := rows[r]
		if row == nil || row.Pages != len(some) {
			t.Fatalf("%s: no row or pages missing", r)
		}
		if row.F1 < 0.8 || row.NearEmpty > 0 {
			t.Errorf("%s: body F1 %.3f, %d near-empty", r, row.F1, row.NearEmpty)
		}
	}
}
