package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/dumpeval"
)

// config is one set of boosting options to compare; nil keeps the default.
type config struct {
	Name                string
	Line, Stage2, Title *ingest.BoostOptions
	NoLexicon           bool
	Lex                 *ingest.LexOptions
}

// sweep cross-validates every configuration of the file and prints one line
// each: mean body F1 and titles right over the renderers, then per renderer
// body F1 / titles right (%) / near-empty bodies.
func sweep(file string, k int, dir string, x extraOpts) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("sweep: %w", err)
	}
	var cfgs []config
	if err := json.Unmarshal(b, &cfgs); err != nil {
		return fmt.Errorf("sweep %s: %w", file, err)
	}
	dev, err := dumpeval.Load(dir)
	if err != nil {
		return err
	}
	var extra []dumpeval.Page
	if x.dir != "" {
		if extra, err = dumpeval.LoadFolders(x.dir); err != nil {
			return err
		}
	}
	pages, samples := dumpeval.Join(dev, extra, x.perPage)
	folds := dumpeval.DevFolds(pages, len(dev), k)
	l0, s0, t0 := dumpeval.LineBoost, dumpeval.Stage2Boost, dumpeval.TitleBoost
	u0, x0 := dumpeval.UseLexicon, dumpeval.LexOptions
	defer func() {
		dumpeval.LineBoost, dumpeval.Stage2Boost, dumpeval.TitleBoost = l0, s0, t0
		dumpeval.UseLexicon, dumpeval.LexOptions = u0, x0
	}()
	for _, c := range cfgs {
		dumpeval.LineBoost, dumpeval.Stage2Boost, dumpeval.TitleBoost = l0, s0, t0
		if c.Line != nil {
			dumpeval.LineBoost = *c.Line
		}
		if c.Stage2 != nil {
			dumpeval.Stage2Boost = *c.Stage2
		}
		dumpeval.UseLexicon = !c.NoLexicon
		dumpeval.LexOptions = ingest.DefaultLexOptions
		if c.Lex != nil {
			dumpeval.LexOptions = *c.Lex
		}
		if c.Title != nil {
			dumpeval.TitleBoost = *c.Title
		}
		rows, _, err := dumpeval.CrossValidateFolds(pages, samples, folds, k)
		if err != nil {
			return fmt.Errorf("sweep %s: %w", c.Name, err)
		}
		f, t, per := 0.0, 0.0, ""
		for _, r := range dumpeval.Renderers {
			row := rows[r]
			tr := 100 * float64(row.TitlesRight) / float64(max(row.Pages, 1))
			f += row.F1 / float64(len(dumpeval.Renderers))
			t += tr / float64(len(dumpeval.Renderers))
			per += fmt.Sprintf(" %s %.3f/%.1f/%d", r, row.F1, tr, row.NearEmpty)
		}
		fmt.Printf("%-16s body F1 %.4f titles %.1f%% |%s\n", c.Name, f, t, per)
	}
	return nil
}
