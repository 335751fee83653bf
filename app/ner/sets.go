package ner

import (
	"fmt"
	"os"
	"path/filepath"
)

// TrainingSet is one labelled data set of ../shared/ner.
type TrainingSet struct {
	Name  string
	Sents []GoldSentence
	// Edited is true for edited prose (news, Wikipedia, academic text),
	// whose capitalisation the lexicon and title mining learn from; web
	// text and tweets (lower-case names, all-caps shouting) are not.
	Edited bool
}

// extraSets lists the files of ../shared/ner/extra used for training, in
// order (see its SOURCE.md for origin, licence and mapping).
var extraSets = []struct {
	file   string
	edited bool
}{
	{"gum.conll", true},
	{"crossner-politics.conll", true},
	{"btc-g.conll", false},
	{"uner-en-ewt-devtest.conll", false},
}

// LoadTrainingSets reads GMB (root/gmb-train.csv) and the extra sets
// (root/extra/*.conll). An extra set that is absent is skipped; GMB must be
// there. countries types GUM's acting countries as places (see ReadCoNLL).
func LoadTrainingSets(root string, countries map[string]bool) ([]TrainingSet, error) {
	f, err := os.Open(filepath.Join(root, "gmb-train.csv"))
	if err != nil {
		return nil, fmt.Errorf("load training sets: %w", err)
	}
	gmb, err := ReadGMB(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	sets := []TrainingSet{{Name: "gmb", Sents: gmb, Edited: true}}
	for _, x := range extraSets {
		f, err := os.Open(filepath.Join(root, "extra", x.file))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("load training sets: %w", err)
		}
		s, err := ReadCoNLL(f, countries)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("load training sets: %s: %w", x.file, err)
		}
		sets = append(sets, TrainingSet{Name: x.file[:len(x.file)-len(".conll")], Sents: s, Edited: x.edited})
	}
	return sets, nil
}

// Countries returns the lower-cased country names of the lists.
func (nl NameLists) Countries() map[string]bool {
	out := map[string]bool{}
	for k, b := range nl {
		if b&listCountry != 0 {
			out[k] = true
		}
	}
	return out
}
