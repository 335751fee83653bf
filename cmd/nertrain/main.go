// Command nertrain trains the entity model embedded in app/ner from the GMB
// named-entity data, holding out every tenth sentence as a dev split that is
// never trained on, and with -eval scores the model and stock prose on it.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/newsarchive/newsarchive/app/ner"
)

func main() {
	data := flag.String("data", "../shared/ner/gmb-train.csv", "GMB named-entity CSV (Latin-1)")
	out := flag.String("out", "app/ner/model.gob.gz", "where to write the model")
	iters := flag.Int("iters", 20, "perceptron passes over the training split")
	prune := flag.Float64("prune", 0.2, "drop features whose largest absolute weight is below this")
	eval := flag.Bool("eval", false, "print P/R/F1 on the dev split, beside stock prose")
	seed := flag.Uint64("seed", 1, "shuffling seed")
	flag.Parse()
	log.SetFlags(0)
	if err := run(*data, *out, *iters, float32(*prune), *eval, *seed); err != nil {
		log.Fatal("nertrain: ", err)
	}
}

func run(data, out string, iters int, prune float32, eval bool, seed uint64) error {
	f, err := os.Open(data)
	if err != nil {
		return fmt.Errorf("open training data: %w", err)
	}
	defer f.Close()
	sents, err := ner.ReadGMB(f)
	if err != nil {
		return err
	}
	train, dev := ner.Split(sents)
	log.Printf("%d sentences: %d train, %d dev (every 10th)", len(sents), len(train), len(dev))
	start := time.Now()
	m, err := ner.Train(train, ner.TrainOptions{Iterations: iters, Seed: seed, Prune: prune, Log: log.Printf})
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
	t, err := ner.NewWithModel(m)
	if err != nil {
		return err
	}
	t.Evaluate(dev, t.NameCut()).Print(os.Stdout, "\nthis model, dev split, gold normalised by NameCut (no titles, no leading lower-case words; exact span):")
	t.Evaluate(dev, nil).Print(os.Stdout, "\nthis model, dev split, raw GMB gold (titles inside PERSON spans):")
	st, err := ner.EvaluateStock(dev, t.NameCut())
	if err != nil {
		return err
	}
	st.Print(os.Stdout, "\nstock prose v2.0.0, same sentences, normalised gold (type+text):")
	st, _ = ner.EvaluateStock(dev, nil)
	st.Print(os.Stdout, "\nstock prose v2.0.0, same sentences, raw GMB gold (type+text):")
	return nil
}
