package ner

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDbg(t *testing.T) {
	if os.Getenv("NER_DBG") == "" {
		t.Skip()
	}
	tg := loadTagger(t)
	toks := tg.pipe.sentence("China criticized a recent U.S. move discouraging firms from using Chinese-made AI chips, particularly those from Huawei.")
	lab, score := tg.model.labelScores(toks, tg.titles)
	for i, w := range toks {
		fmt.Println(w.text, w.pos, lab[i], score(i, 0, 0), score(i, 0, 1), score(i, 0, 3), score(i, 0, 5))
	}
	f, _ := os.Open("/work/shared/ner/gmb-train.csv")
	sents, _ := ReadGMB(f)
	_, dev := Split(sents)
	for _, gs := range dev {
		text := gs.Text()
		gold := map[string]string{}
		for _, sp := range gs.Spans(tg.cut) {
			gold[fmt.Sprint(sp.Start, sp.End)] = sp.Type
		}
		toks := tg.pipe.sentence(text)
		lab, score := tg.model.labelScores(toks, tg.titles)
		base := len(spansOf(tg, toks))
		all := tg.unknownNames(0, toks, lab, score, spansOf(tg, toks))
		for _, m := range all[base:] {
			k := fmt.Sprint(toks[m.a].start, toks[m.b-1].end)
			fmt.Printf("ADD %s %s gold=%q | %s\n", m.typ, toks[m.a].text, gold[k], text)
		}
	}
}

func spansOf(tg *Tagger, toks []token) []mention {
	old := tg.model
	_ = old
	var out []mention
	lab := tg.model.label(toks, tg.titles)
	for _, raw := range spans(0, lab) {
		for _, m := range tg.splitAtRole(toks, raw) {
			m = tg.afterTitles(toks, m)
			if m, ok := tg.clean(toks, m); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

func TestZZDbg2(t *testing.T) {
	tg := loadTagger(t)
	for _, s := range []string{"China criticized a recent U.S. move discouraging firms from using Chinese-made AI chips, particularly those from Huawei.",
		"Sales for Ford jumped around 40 percent , Honda gained 22 percent .", "The field is being built by PetroChina .", "He met Zarkovian in Tigray today."} {
		toks := tg.pipe.sentence(s)
		for i, w := range toks {
			var sc [numLabels]float32
			f := newSentenceFeatures(toks, tg.model.Lexicon, tg.model.Dict, tg.titles)
			f.static(i, func(key []byte) {
				k := string(key)
				for _, p := range []string{"pre|", "suf|", "s|", "c|", "W|", "w|"} {
					if len(k) > len(p) && k[:len(p)] == p {
						(&scorer{m: tg.model, scores: &sc}).add(key)
					}
				}
			})
			fmt.Println(w.text, sc[1], sc[3], sc[5])
		}
	}
}

func TestZZHeads(t *testing.T) {
	tg := loadTagger(t)
	fmt.Println(tg.heads)
}

func TestZZVariants(t *testing.T) {
	if os.Getenv("NER_DBG") == "" {
		t.Skip()
	}
	tg := loadTagger(t)
	f, _ := os.Open("/work/shared/ner/gmb-train.csv")
	sents, _ := ReadGMB(f)
	_, dev := Split(sents)
	for _, b := range []float32{-10, -5, 5, 10} {
		dbgOBias = b
		v := [2]bool{true, false}
		dbgNoHeads, dbgNoUnknown = v[0], v[1]
		fmt.Println("bias", b)
		sc := tg.Evaluate(dev, tg.cut)
		c := sc["ALL"]
		o := sc["ORG"]
		fmt.Printf("noHeads=%v noUnk=%v F1=%.3f TP=%d FP=%d FN=%d ORG %+v\n", v[0], v[1], sc.F1(), c.TP, c.FP, c.FN, *o)
	}
}
