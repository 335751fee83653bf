package ner

import (
	"fmt"

	"github.com/jdkato/prose/v2"
)

// stockTypes maps stock prose's entity labels to this package's types.
var stockTypes = map[string]string{"PERSON": Person, "ORGANIZATION": Org, "GPE": Place}

// EvaluateStock scores stock prose v2.0.0 (its own embedded model) on the
// same sentences. prose returns entity text without offsets, so mentions
// are matched by type and text within each sentence.
func EvaluateStock(sents []GoldSentence, cut *NameCut) (Scores, error) {
	s := Scores{}
	model := prose.ModelFromData("stock")
	for _, gs := range sents {
		text := gs.Text()
		doc, err := prose.NewDocument(text, prose.UsingModel(model), prose.WithSegmentation(false))
		if err != nil {
			return nil, fmt.Errorf("stock prose: %w", err)
		}
		var gold, found []string
		for _, sp := range gs.Spans(cut) {
			gold = append(gold, sp.Type+"|"+text[sp.Start:sp.End])
		}
		for _, e := range doc.Entities() {
			if typ, ok := stockTypes[e.Label]; ok {
				found = append(found, typ+"|"+e.Text)
			}
		}
		s.compare(gold, found)
	}
	return s, nil
}
