package dumpeval

import (
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

func TestCrossValidateRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("trains three small passes")
	}
	all, err := Load(corpus.Path(t, "corpus", "text-dumps"))
	if err != nil {
		t.Fatal(err)
	}
	var pages []Page
	for i := 0; i < len(all); i += 9 {
		pages = append(pages, all[i])
	}
	samples := AnalyseAll(pages)
	if len(samples) != 5*len(pages) {
		t.Fatalf("%d samples for %d pages", len(samples), len(pages))
	}
	m := ingest.DefaultDumpModel()
	had := m.Runs
	before, after, err := CrossValidateRuns(pages, samples, m, 2)
	if err != nil {
		t.Fatal(err)
	}
	if m.Runs != had {
		t.Error("CrossValidateRuns changed the model it was given")
	}
	if len(before) != len(samples) || len(after) != len(samples) {
		t.Fatalf("%d and %d scores for %d dumps", len(before), len(after), len(samples))
	}
	for i, s := range samples {
		if before[i].Page != pages[s.Page].Name || after[i].Renderer != s.Renderer {
			t.Errorf("score %d is %s/%s, want %s/%s", i, after[i].Page, after[i].Renderer, pages[s.Page].Name, s.Renderer)
		}
		if after[i].NearEmpty && !before[i].NearEmpty {
			t.Errorf("%s/%s: near-empty with the runs pass", after[i].Page, after[i].Renderer)
		}
	}
	runs, err := TrainRuns(samples, m)
	if err != nil {
		t.Fatal(err)
	}
	with := WithRuns(m, runs)
	if err := with.Check(); err != nil {
		t.Fatalf("model with the pass: %v", err)
	}
	if with.Plain != nil && with.Plain.Runs != runs {
		t.Error("the plain model has no runs pass")
	}
}
