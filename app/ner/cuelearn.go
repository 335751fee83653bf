package ner

import (
	"sort"
	"strings"
)

// Learning the context cues (issue #14): which lower-case word written
// right before or right after a name says what the name names. The
// labelled training sets (../shared/ner) give, for every gold span, the
// word before it, the two words before it and the word after it; a cue is
// a word whose spans are mostly of one type (smoothed precision >= p) and
// often enough (>= n spans of that type). p and n are chosen per type by
// cross-validation on the training sentences (CrossValidateCues), never
// on the archive the cues are used on. cmd/nercues writes the lexicon
// (cues.tsv), which cues.go reads.

// Cue positions: the word right before a name, the two words right before
// it ("copies of"), the word right after it.
const (
	CueBefore  = "before"
	CueBefore2 = "before2"
	CueAfter   = "after"
)

// cuePositions lists the positions in the order they are written.
var cuePositions = []string{CueBefore, CueBefore2, CueAfter}

// CueTypes are the types a cue can give: the three lists' and Misc (works,
// products, events: GMB's art, eve and nat, the extra sets' MISC).
var CueTypes = []string{Misc, Org, Person, Place}

// cueSpanTypes maps the gold classes (GMB's, and the extra sets' in GMB
// form) to cue types. GMB's gpe is a place only as a proper noun
// (cueSpans); tim and demonyms are no names a cue types.
var cueSpanTypes = map[string]string{
	"per": Person, "org": Org, "geo": Place,
	"art": Misc, "eve": Misc, "nat": Misc, "misc": Misc,
}

// cueSpan is one gold name of a sentence: tokens [a, b) and its type.
type cueSpan struct {
	a, b int
	typ  string
}

// cueSpans returns the gold names of a sentence with their cue types. With
// cut non-nil a span loses the leading words the tagger keeps out of names
// ("President", "the"), so the word before it is the one the tagger sees.
func cueSpans(s GoldSentence, cut *NameCut) []cueSpan {
	var out []cueSpan
	for i := 0; i < len(s.Tags); {
		if !strings.HasPrefix(s.Tags[i], "B-") {
			i++
			continue
		}
		cls := s.Tags[i][2:]
		j := i + 1
		for j < len(s.Tags) && s.Tags[j] == "I-"+cls {
			j++
		}
		typ, ok := cueSpanTypes[cls]
		if cls == "gpe" && i < len(s.POS) && strings.HasPrefix(s.POS[i], "NNP") && s.POS[i] != "NNPS" {
			typ, ok = Place, true // a country named as an actor, not a demonym
		}
		a := i
		if ok && cut != nil {
			a = i + cut.Leading(s.Words[i:j], typ)
		}
		if ok && a < j {
			out = append(out, cueSpan{a: a, b: j, typ: typ})
		}
		i = j
	}
	return out
}

// cueWord returns w when it can be a cue word: written in lower case,
// letters (and inner hyphens) only; else "".
func cueWord(w string) string {
	if w == "" || w != strings.ToLower(w) {
		return ""
	}
	for i, c := range w {
		if c == '-' && i > 0 && i < len(w)-1 {
			continue
		}
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return w
}

// cueKeys returns the keys of a span at each position ("" where the word
// is no cue word), as cuePositions orders them.
func cueKeys(words []string, a, b int) [3]string {
	var k [3]string
	if a > 0 {
		k[0] = cueWord(words[a-1])
	}
	if a > 1 && k[0] != "" {
		if w := cueWord(words[a-2]); w != "" {
			k[1] = w + " " + k[0]
		}
	}
	if b < len(words) {
		k[2] = cueWord(words[b])
	}
	return k
}

// CueCounts counts, for each position and key, the gold spans of each type.
type CueCounts map[string]map[string]map[string]int // position -> key -> type -> spans

// CountCues counts the cue keys of the gold names of sents.
func CountCues(sents []GoldSentence, cut *NameCut) CueCounts {
	c := CueCounts{}
	for _, s := range sents {
		for _, sp := range cueSpans(s, cut) {
			for i, k := range cueKeys(s.Words, sp.a, sp.b) {
				if k != "" {
					c.add(cuePositions[i], k, sp.typ, 1)
				}
			}
		}
	}
	return c
}

func (c CueCounts) add(pos, key, typ string, n int) {
	if c[pos] == nil {
		c[pos] = map[string]map[string]int{}
	}
	if c[pos][key] == nil {
		c[pos][key] = map[string]int{}
	}
	c[pos][key][typ] += n
}

// cuePrecision is the add-one smoothed share of a key's spans that are of
// typ: (spans of typ + 1) / (spans + number of types).
func cuePrecision(ts map[string]int, typ string) float64 {
	total := 0
	for _, n := range ts {
		total += n
	}
	return float64(ts[typ]+1) / float64(total+len(CueTypes))
}

// CueThreshold is what a key needs to be a cue of one type: smoothed
// precision >= P and >= N spans of that type.
type CueThreshold struct {
	P float64
	N int
}

// keyType returns the type a key cues under the thresholds, or "".
func keyType(ts map[string]int, th map[string]CueThreshold) string {
	for _, typ := range CueTypes {
		t, ok := th[typ]
		if ok && ts[typ] >= t.N && t.N > 0 && cuePrecision(ts, typ) >= t.P && t.P > 0.5 {
			return typ // p > 0.5: at most one type can pass
		}
	}
	return ""
}

// Lexicon returns the cues the counts give under per-type thresholds.
func (c CueCounts) Lexicon(th map[string]CueThreshold) *CueLexicon {
	lex := &CueLexicon{}
	for _, pos := range cuePositions {
		keys := make([]string, 0, len(c[pos]))
		for k := range c[pos] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ts := c[pos][k]
			if typ := keyType(ts, th); typ != "" {
				total := 0
				for _, n := range ts {
					total += n
				}
				lex.add(CueEntry{Pos: pos, Key: k, Type: typ, Spans: ts[typ], Total: total})
			}
		}
	}
	return lex
}

// GoldName is one gold name of a sentence: its words [A, B), joined by
// spaces (as GoldSentence.Text writes them), and its cue type.
type GoldName struct {
	A, B       int
	Text, Type string
}

// GoldSpans returns the gold names of a sentence typed as the cues type
// them (PERSON, ORG, PLACE, and MISC for works, products and events), cut
// as cueSpans cuts them.
func GoldSpans(s GoldSentence, cut *NameCut) []GoldName {
	var out []GoldName
	for _, sp := range cueSpans(s, cut) {
		out = append(out, GoldName{A: sp.a, B: sp.b, Text: strings.Join(s.Words[sp.a:sp.b], " "), Type: sp.typ})
	}
	return out
}

// GoldCue returns the cue the tagger's rules (cueType, then evidenceCue)
// give the gold name words[a:b] of a sentence: the same rules over the
// sentence's own words, without the model (no part-of-speech tags, so a
// version number is any short number). cmd/nercues simulates the
// archive's cue rule on labelled documents with it.
func (t *Tagger) GoldCue(words []string, a, b int) string {
	toks := make([]token, len(words))
	for i, w := range words {
		toks[i] = token{text: w, lower: strings.ToLower(w)}
	}
	m := mention{a: a, b: b}
	if c := t.cueType(toks, m); c != "" {
		return c
	}
	return t.evidenceCue(toks, m)
}

// CueRank orders cue types: a document's cue for a name is its strongest
// (cueRank); "" ranks 0.
func CueRank(typ string) int { return cueRank[typ] }
