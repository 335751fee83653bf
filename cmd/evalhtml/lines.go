package main

import (
	"fmt"
	"os"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage/htmleval"
)

// linesCV cross-validates the learned line decision (htmleval.LineBoost)
// on the human references, beside the default vote and trafilatura, and
// scores the model trained on all of them on the html-pages corpus in
// pagesDir (skipped when absent).
func linesCV(r htmleval.HumanReport, k int, pagesDir string) error {
	var pr *htmleval.Report
	if _, err := os.Stat(pagesDir); err == nil {
		rep, err := htmleval.Run(pagesDir)
		if err != nil {
			return err
		}
		pr = &rep
	} else {
		fmt.Printf("html-pages corpus %s not found: the line decision is not checked there\n", pagesDir)
	}
	var cv htmleval.LineCV
	fmt.Printf("\nlearned line decision by scope (lines held by fewer than min ballots dropped; keep-all: lines all three hold kept), %d-fold site-grouped CV; html-pages: the scope's model trained on all human pages:\n", k)
	fmt.Printf("| scope | held-out P/R/A/F | minus default F (95%% interval) | minus trafilatura F (95%% interval) | html-pages bag/shingle F1 |\n| --- | --- | --- | --- | --- |\n")
	for _, s := range htmleval.LineScopes {
		c, err := htmleval.CrossValidateLines(r, k, s, htmleval.LineBoost)
		if err != nil {
			return err
		}
		pages := "-"
		if pr != nil {
			m, err := htmleval.TrainLines(r, s, htmleval.LineBoost)
			if err != nil {
				return err
			}
			sc := htmleval.ScoreLineModel(*pr, m)
			pages = fmt.Sprintf("%.4f/%.4f", sc.Bag, sc.Shingle)
		}
		fmt.Printf("| %s | %s | %+.4f (%+.4f .. %+.4f) | %+.4f (%+.4f .. %+.4f) | %s |\n", scopeName(s), prf(c.HeldOut),
			c.HeldOut.F()-c.Default.F(), c.DiffLow, c.DiffHigh, c.HeldOut.F()-c.Trafilatura.F(), c.TrafLow, c.TrafHigh, pages)
		if s == htmleval.DefaultLineScope {
			cv = c
		}
	}
	fmt.Printf("\nlearned line decision, scope %s, %d-fold cross-validation grouped by site (the folds above); trained on the other folds:\n", scopeName(htmleval.DefaultLineScope), k)
	fmt.Printf("| fold | sites | pages | lines trained on | threshold | held-out P/R/A/F |\n| --- | --- | --- | --- | --- | --- |\n")
	for i, f := range cv.Folds {
		fmt.Printf("| %d | %d | %d | %d | %g | %s |\n", i+1, f.Sites, f.Pages, f.Lines, f.Threshold, prf(f.HeldOut))
	}
	fmt.Printf("\n| decision | precision | recall | accuracy | F |\n| --- | --- | --- | --- | --- |\n")
	fmt.Printf("| default vote %s | %s |\n", voteName(htmlpage.DefaultVote()), cells(cv.Default))
	fmt.Printf("| trafilatura alone | %s |\n", cells(cv.Trafilatura))
	fmt.Printf("| learned line decision (held-out) | %s |\n", cells(cv.HeldOut))
	fmt.Printf("\nheld-out F minus default F: %+.4f (95%% site-bootstrap interval %+.4f .. %+.4f)\n",
		cv.HeldOut.F()-cv.Default.F(), cv.DiffLow, cv.DiffHigh)
	fmt.Printf("held-out F minus trafilatura F: %+.4f (95%% site-bootstrap interval %+.4f .. %+.4f)\n",
		cv.HeldOut.F()-cv.Trafilatura.F(), cv.TrafLow, cv.TrafHigh)
	if pr == nil {
		return nil
	}
	fmt.Printf("\nhtml-pages (readability's own output as reference):\n| decision | bag F1 (%d) | shingle F1 (%d) |\n| --- | --- | --- |\n",
		pr.ByExtractor[0].Pages, pr.ByExtractor[0].DumpPages)
	d := htmleval.ScoreVote(*pr, htmlpage.DefaultVote())
	fmt.Printf("| default vote | %.4f | %.4f |\n", d.Bag, d.Shingle)
	lm := htmlpage.DefaultLineModel()
	sc := htmleval.ScoreLineModel(*pr, lm)
	fmt.Printf("| embedded line model (Parse; scope %s, threshold %g) | %.4f | %.4f |\n", scopeName(lm.Scope), lm.Threshold, sc.Bag, sc.Shingle)
	diff := htmleval.DiffLineModel(*pr, lm)
	fmt.Printf("\nwhere the embedded line decision and the 2-of-3 vote differ on html-pages: %d lines (%d words) added; dropped:\n| lines in | lines | words |\n| --- | --- | --- |\n",
		diff.AddedLines, diff.AddedWords)
	names := []string{}
	for _, c := range htmleval.DiffContexts {
		names = append(names, c.Name)
	}
	for _, n := range append(names, "long line", "short line") {
		fmt.Printf("| %s | %d | %d |\n", n, diff.Dropped[n][0], diff.Dropped[n][1])
	}
	return nil
}

// trainLines trains the line decision on every human page and writes it
// to out (htmlpage's linemodel.json is the embedded one).
func trainLines(r htmleval.HumanReport, out string) error {
	m, err := htmleval.TrainLines(r, htmleval.DefaultLineScope, htmleval.LineBoost)
	if err != nil {
		return err
	}
	raw, err := m.Marshal()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, append(raw, '\n'), 0o644); err != nil {
		return fmt.Errorf("write line model: %w", err)
	}
	fmt.Printf("\nline model: scope %s, %d trees, threshold %g, written to %s\n", scopeName(m.Scope), len(m.Model.Trees), m.Threshold, out)
	return nil
}

func scopeName(s htmlpage.LineScope) string {
	name := fmt.Sprintf("min %d", s.MinHeld)
	if s.KeepAll {
		name += ", keep-all"
	}
	return name
}
