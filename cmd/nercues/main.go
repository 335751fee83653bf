// Command nercues learns the entity tagger's context cues from the
// labelled training sets (../shared/ner: GMB and extra/*.conll, their
// training splits only) and writes the lexicon app/ner/cues.tsv, which the
// package embeds (`make cues`, docs/ner.md). Each set's dev split (every
// 10th sentence) is not learned from; it measures how often the model's
// own type of a found name is right, the floor the cues' held-out
// precision must reach (a cue overrules the model). The thresholds of
// each type are chosen by cross-validation on the training splits
// (ner.CrossValidateCues); the curve is printed.
//
//	go run ./cmd/nercues                  # from the repo root: prints the curve, writes app/ner/cues.tsv
//	go run ./cmd/nercues -share           # also simulates the archive rule's CueShare on the dev splits
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/newsarchive/newsarchive/app/ner"
)

func main() {
	data := flag.String("data", "../shared/ner", "folder of the training sets")
	out := flag.String("out", "app/ner/cues.tsv", "lexicon file to write (empty: write none)")
	folds := flag.Int("folds", 5, "cross-validation folds")
	share := flag.Bool("share", false, "simulate the archive rule's CueShare on the dev splits")
	flag.Parse()
	log.SetFlags(0)
	if err := run(*data, *out, *folds, *share); err != nil {
		log.Fatal("nercues: ", err)
	}
}

func run(data, out string, folds int, share bool) error {
	tg, err := ner.New()
	if err != nil {
		return err
	}
	nl, err := ner.LoadNameLists(filepath.Join(data, "gazetteers"))
	if err != nil {
		return err
	}
	sets, err := ner.LoadTrainingSets(data, nl.Countries())
	if err != nil {
		return err
	}
	cut := tg.NameCut()
	var train, devs [][]ner.GoldSentence
	var all []ner.GoldSentence
	right, found := 0, 0
	for _, s := range sets {
		tr, dev := ner.Split(s.Sents)
		train = append(train, tr)
		devs = append(devs, dev)
		all = append(all, tr...)
		r, f := tg.TypeAccuracy(dev, cut)
		fmt.Printf("# %s dev split: the model types %d of the %d gold names it finds right (%.3f)\n", s.Name, r, f, ratio(r, f))
		right += r
		found += f
	}
	floor := ratio(right, found)
	fmt.Printf("# floor (all dev splits): %.3f\n", floor)
	ps := []float64{0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95}
	ns := []int{1, 3, 5, 10, 20}
	pts := ner.CrossValidateCues(train, cut, folds, ps, ns)
	fmt.Println("type\tp\tn\tfired\tright\tgold\tprecision\trecall")
	for _, p := range pts {
		fmt.Printf("%s\t%.2f\t%d\t%d\t%d\t%d\t%.3f\t%.3f\n", p.Type, p.P, p.N, p.Fired, p.Right, p.Gold, p.Precision(), p.Recall())
	}
	th := ner.ChooseCueThresholds(pts, floor)
	header := []string{
		"Context cues learned from the training splits of ../shared/ner (GMB, GUM, CrossNER politics, BTC, UNER).",
		"Regenerate: go run ./cmd/nercues (make cues). Do not edit by hand.",
		"POSITION KEY TYPE SPANS TOTAL: the training spans of TYPE with KEY right before (before, before2) or after them, of all.",
		fmt.Sprintf("Kept: add-one smoothed precision >= p and >= n spans; p, n per type by %d-fold CV on the training splits,", folds),
		fmt.Sprintf("the most right held-out cues at held-out precision >= %.3f (the model's type accuracy on the dev splits).", floor),
	}
	for _, typ := range ner.CueTypes {
		t, ok := th[typ]
		if !ok {
			header = append(header, fmt.Sprintf("%s: no threshold reaches the floor: no cues", typ))
			fmt.Printf("# %s: none\n", typ)
			continue
		}
		for _, p := range pts {
			if p.Type == typ && p.CueThreshold == t {
				line := fmt.Sprintf("%s: p %.2f n %d; held out: %d fired, %d right (precision %.3f, recall %.3f)",
					typ, t.P, t.N, p.Fired, p.Right, p.Precision(), p.Recall())
				header = append(header, line)
				fmt.Println("# " + line)
			}
		}
	}
	lex := ner.CountCues(all, cut).Lexicon(th)
	fmt.Printf("# %d cues\n", lex.Len())
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		if err := lex.Write(f, header); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	if share {
		hand, err := ner.HandCues()
		if err != nil {
			return err
		}
		handReport(hand, ner.CountCues(all, cut))
		variants := []struct {
			label string
			hand  *ner.CueLexicon
			th    map[string]ner.CueThreshold
			ks    []int
		}{
			{"hand+learned", hand, th, []int{5, 10, 20}},
			{"learned", &ner.CueLexicon{}, th, []int{10}},
			{"hand", hand, nil, []int{10}},
		}
		for _, v := range variants {
			for _, k := range v.ks {
				if sh := goldShares(tg, train, v.hand, v.th, folds, k, floor, v.label); sh >= 0 {
					fmt.Printf("# %s: least CueShare whose overrules reach the floor (%d-sentence documents): %.2f\n", v.label, k, sh)
				} else {
					fmt.Printf("# %s: no CueShare makes the overrules reach the floor %.3f (%d-sentence documents)\n", v.label, floor, k)
				}
			}
		}
		return simulateShare(tg, devs, hand.Merge(lex))
	}
	return nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// handReport prints what the training splits say of each hand-written cue
// word they write beside 3 names or more: the spans of its type, of all,
// and the types of the others; "against" when the smoothed precision of
// its type is under 0.5.
func handReport(hand *ner.CueLexicon, counts ner.CueCounts) {
	fmt.Println("# hand-written cues in the training splits (3+ spans): position, word, type, spans of the type/all, all types")
	for _, e := range hand.Entries {
		ts := counts[e.Pos][e.Key]
		total := 0
		for _, n := range ts {
			total += n
		}
		if total < 3 {
			continue
		}
		verdict := ""
		if float64(ts[e.Type]+1)/float64(total+len(ner.CueTypes)) < 0.5 {
			verdict = "\tagainst"
		}
		fmt.Printf("#\t%s\t%s\t%s\t%d/%d\t%v%s\n", e.Pos, e.Key, e.Type, ts[e.Type], total, ts, verdict)
	}
}
