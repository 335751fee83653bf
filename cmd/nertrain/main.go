// Command nertrain trains the entity model embedded in app/ner from the GMB
// named-entity data and the extra CoNLL sets of ../shared/ner/extra, with the
// gazetteer name lists of ../shared/ner/gazetteers as features. Every tenth
// sentence of each set is a dev split that is never trained on; with -eval
// it prints P/R/F1 per type on each set's dev split, and stock prose's on GMB.
// With -clusters C, Brown word clusters learnt first over the words of every
// sentence of every set (train and dev: unlabelled text, labels unused) are
// features too (not in the embedded model: they did not help, docs/ner.md).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/ner"
)

func main() {
	data := flag.String("data", "../shared/ner", "folder with gmb-train.csv (Latin-1), extra/*.conll and gazetteers/")
	out := flag.String("out", "app/ner/model.gob.gz", "where to write the model")
	iters := flag.Int("iters", 20, "perceptron passes over the training split")
	prune := flag.Float64("prune", 0.2, "drop features whose largest absolute weight is below this")
	eval := flag.Bool("eval", false, "print P/R/F1 on each set's dev split (and stock prose's on GMB)")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	sets := flag.String("sets", "all", "comma-separated training sets (gmb, gum, crossner-politics, btc-g, uner-en-ewt-devtest) or all")
	lists := flag.Bool("lists", true, "use the gazetteer name lists as features")
	model := flag.String("model", "", "evaluate this model file on every dev split instead of training")
	clusters := flag.Int("clusters", 0, "Brown clusters learnt over all sets' words as features (256 tried: docs/ner.md); 0: none")
	clusterMin := flag.Int("cluster-min", 3, "words seen fewer times (lower-cased, over all sets) get no cluster")
	clusterCased := flag.Bool("cluster-cased", false, "cluster words as written (default: lower-cased)")
	clusterOut := flag.String("cluster-out", "", "also write the clusters here (bit string, word, count; sorted by bit string)")
	flag.Parse()
	log.SetFlags(0)
	if *model != "" {
		if err := evalOnly(*data, *model); err != nil {
			log.Fatal("nertrain: ", err)
		}
		return
	}
	co := clusterOptions{n: *clusters, min: *clusterMin, out: *clusterOut, cased: *clusterCased}
	if err := run(*data, *out, *iters, float32(*prune), *eval, *seed, *sets, *lists, co); err != nil {
		log.Fatal("nertrain: ", err)
	}
}

func run(data, out string, iters int, prune float32, eval bool, seed uint64, use string, useLists bool, co clusterOptions) error {
	var nl ner.NameLists
	if useLists {
		var err error
		if nl, err = ner.LoadNameLists(filepath.Join(data, "gazetteers")); err != nil {
			return err
		}
	}
	all, err := ner.LoadTrainingSets(data, nl.Countries())
	if err != nil {
		return err
	}
	var train, caseSents, titleSents, leadingTitleSents []ner.GoldSentence
	var devs []ner.TrainingSet
	for _, s := range all {
		tr, dev := ner.Split(s.Sents)
		devs = append(devs, ner.TrainingSet{Name: s.Name, Sents: dev})
		if use != "all" && !strings.Contains(","+use+",", ","+s.Name+",") {
			continue
		}
		mended := ner.MendSplitPlaces(tr, nl)
		log.Printf("%s: %d sentences: %d train, %d dev (every 10th); %d split place names mended in train",
			s.Name, len(s.Sents), len(tr), len(dev), mended)
		train = append(train, tr...)
		if s.Name == "gmb" {
			titleSents = tr
		} else {
			leadingTitleSents = append(leadingTitleSents, tr...)
		}
		if s.Edited {
			caseSents = append(caseSents, tr...)
		}
	}
	clusters, err := learnClusters(all, co)
	if err != nil {
		return err
	}
	start := time.Now()
	m, err := ner.Train(train, ner.TrainOptions{Iterations: iters, Seed: seed, Prune: prune, Log: log.Printf,
		Lists: nl, CaseSents: caseSents, TitleSents: titleSents, LeadingTitleSents: leadingTitleSents,
		Clusters: clusters})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := ner.WriteModel(&buf, m); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	log.Printf("trained in %s; wrote %s (%d bytes)", time.Since(start).Round(time.Second), out, buf.Len())
	if !eval {
		return nil
	}
	return evaluate(m, devs)
}

// evalOnly prints the scores of a model file on every dev split.
func evalOnly(data, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open model: %w", err)
	}
	defer f.Close()
	m, err := ner.ReadModel(f)
	if err != nil {
		return err
	}
	nl, err := ner.LoadNameLists(filepath.Join(data, "gazetteers"))
	if err != nil {
		return err
	}
	all, err := ner.LoadTrainingSets(data, nl.Countries())
	if err != nil {
		return err
	}
	var devs []ner.TrainingSet
	for _, s := range all {
		_, dev := ner.Split(s.Sents)
		devs = append(devs, ner.TrainingSet{Name: s.Name, Sents: dev})
	}
	return evaluate(m, devs)
}

// evaluate prints P/R/F1 per type of m on each dev split, and stock
// prose's on the first (GMB).
func evaluate(m *ner.Model, devs []ner.TrainingSet) error {
	t, err := ner.NewWithModel(m)
	if err != nil {
		return err
	}
	for _, d := range devs {
		t.Evaluate(d.Sents, t.NameCut()).Print(os.Stdout,
			fmt.Sprintf("\nthis model, %s dev split (%d sentences), normalised gold, exact span:", d.Name, len(d.Sents)))
	}
	st, err := ner.EvaluateStock(devs[0].Sents, t.NameCut())
	if err != nil {
		return err
	}
	st.Print(os.Stdout, "\nstock prose v2.0.0, GMB dev split, normalised gold (type+text):")
	return nil
}
