// Package ner finds the people, organisations and places named in news text.
//
// It segments, tokenises and POS-tags with prose v2 and labels tokens with its
// own averaged-perceptron model (trained by cmd/nertrain on the Groningen
// Meaning Bank and embedded here), decoded with BIO-constrained Viterbi.
// Rules then keep titles out of names, drop pronouns and common words, make
// the mentions of a document consistent, link short mentions to full names,
// and apply the archive's gazetteer of confirmed and rejected names.
package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/jdkato/prose/v2"
)

// Entity is a named entity found in a text.
type Entity struct {
	Text      string // the mention as written
	Type      string // "PERSON", "ORG" or "PLACE"
	Start     int    // byte offset of Text in the input
	End       int    // byte offset after Text
	Canonical string // the full name the mention links to in the document, else Text
	// Cue is the type the document's context gives the name (cues.go: "the
	// comedy Sideways" MISC, "oil firm Rosneft" ORG, "striker Wayne
	// Rooney" PERSON, "in Cardiff" PLACE), "" for none: evidence the
	// archive weighs above the model's types (Evidence.Cues).
	Cue string
}

// Entity types.
const (
	Person = "PERSON"
	Org    = "ORG"
	Place  = "PLACE"
)

//go:embed model.gob.gz
var embeddedModel []byte

// Tagger finds entities. It is safe for concurrent use.
type Tagger struct {
	pipe   *pipeline
	model  *Model
	titles map[string]bool
	cut    *NameCut
	// nameUse counts how often a word opens and ends the model's
	// multi-word person names (see bareFirstName).
	nameUse map[string][2]int
	// cues is the learned context-cue lexicon (cues.tsv, cuelearn.go).
	cues *CueLexicon
}

var loadShared = sync.OnceValues(func() (*Tagger, error) {
	m, err := ReadModel(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded ner model: %w", err)
	}
	releasePages(embeddedModel) // read once: its pages need not stay resident
	pipe, err := newPipeline()
	if err != nil {
		return nil, err
	}
	return newTagger(pipe, m)
})

// New returns the tagger with the embedded model. The model and prose's
// tagger are loaded once per process and shared by every Tagger.
func New() (*Tagger, error) { return loadShared() }

// NewWithModel returns a tagger using m instead of the embedded model.
func NewWithModel(m *Model) (*Tagger, error) {
	m, err := m.withIndex()
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	pipe, err := newPipeline()
	if err != nil {
		return nil, err
	}
	return newTagger(pipe, m)
}

// newTagger returns a tagger over m, whose feature index is built, with
// the embedded cue lexicon.
func newTagger(pipe *pipeline, m *Model) (*Tagger, error) {
	cues, err := loadCues()
	if err != nil {
		return nil, err
	}
	cut := NewNameCut(append(append([]string(nil), m.Titles...), honorifics...), m.Lexicon)
	return &Tagger{pipe: pipe, model: m, titles: m.titleSet(), cut: cut, nameUse: personWordUse(m.Dict), cues: cues}, nil
}

// WithCues returns a tagger like t that reads its context cues from lex
// instead of the embedded lexicon (cmd/nercues tries a lexicon it learned
// before writing it); t is unchanged.
func (t *Tagger) WithCues(lex *CueLexicon) *Tagger {
	c := *t
	c.cues = lex
	return &c
}

// honorifics are the English styles of address and peerage that precede a
// name and are no part of it ("Sir Alex Ferguson" is Alex Ferguson, "Lord
// Falconer" is Falconer). The training sets use them too rarely before a
// person for MineTitles to find them, so the name cut (not the model's
// features) gets them from this closed list.
var honorifics = []string{"sir", "dame", "lord", "lady", "baroness", "baron", "viscount", "earl"}

var sharedProse = sync.OnceValues(func() (m *prose.Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("load prose model: %v", r)
		}
	}()
	// A document made with extraction off carries a model with prose's POS
	// tagger only: prose.ModelFromData would load its entity extracter too
	// (15 MB of heap), which the tagger never uses (see pipeline.sentence).
	doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithTokenization(false),
		prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	doc.Model.Name = "newsarchive-pos"
	return doc.Model, nil
})

// newPipeline returns the prose pipeline, loading prose's model once.
func newPipeline() (*pipeline, error) {
	m, err := sharedProse()
	if err != nil {
		return nil, err
	}
	seg, err := sharedSegmenter()
	if err != nil {
		return nil, fmt.Errorf("load sentence segmenter: %w", err)
	}
	return &pipeline{model: m, seg: seg}, nil
}
