package dumpeval

import (
	"testing"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
)

func TestTrainPasses(t *testing.T) {
	if testing.Short() {
		t.Skip("trains six small passes")
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
	runs, restore := m.Runs, m.Restore
	ps, err := TrainPasses(pages, samples, m, 2)
	if err != nil {
		t.Fatal(err)
	}
	if m.Runs != runs || m.Restore != restore {
		t.Error("TrainPasses changed the model it was given")
	}
	for _, sc := range [][]PageScore{ps.Before, ps.RunsOnly, ps.Both} {
		if len(sc) != len(samples) {
			t.Fatalf("%d scores for %d dumps", len(sc), len(samples))
		}
	}
	for i, s := range samples {
		if ps.Before[i].Page != pages[s.Page].Name || ps.Both[i].Renderer != s.Renderer {
			t.Errorf("score %d is %s/%s, want %s/%s", i, ps.Both[i].Page, ps.Both[i].Renderer, pages[s.Page].Name, s.Renderer)
		}
		if ps.RunsOnly[i].NearEmpty && !ps.Before[i].NearEmpty {
			t.Errorf("%s/%s: near-empty with the runs pass", s.Renderer, pages[s.Page].Name)
		}
	}
	with := WithPasses(m, ps.Runs, ps.Restore)
	if err := with.Check(); err != nil {
		t.Fatalf("model with the passes: %v", err)
	}
	if with.Plain != nil && (with.Plain.Runs != ps.Runs || with.Plain.Restore != ps.Restore) {
		t.Error("the plain model lacks a pass")
	}
}
