package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// conllTypes maps the CoNLL entity classes of ../shared/ner/extra to GMB
// classes. MISC (products, works, events, groups such as "Democrats")
// becomes "misc", which GoldSentence.Spans leaves out like GMB's tim, art
// and eve: it is no PERSON, ORG or PLACE, and its tokens train as O; only
// MineNotNames reads it.
var conllTypes = map[string]string{"PER": "per", "ORG": "org", "LOC": "geo", "MISC": "misc"}

// maxCoNLLLine bounds one line of a CoNLL file.
const maxCoNLLLine = 64 << 10

// ReadCoNLL reads a UTF-8 CoNLL file of "TOKEN<TAB>TAG" lines with a blank
// line between sentences and BIO tags over PER, ORG, LOC and MISC, as in
// ../shared/ner/extra. Tags are rewritten in GMB form ("B-PER" -> "B-per",
// "B-MISC" -> "B-misc"). An ORG span whose words are a country in countries (GUM
// types a country that acts, "North Korea said", as an organisation) becomes
// a place, as GMB's gpe proper nouns are. countries may be nil.
func ReadCoNLL(r io.Reader, countries map[string]bool) ([]GoldSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxCoNLLLine)
	var out []GoldSentence
	var cur GoldSentence
	flush := func() {
		if len(cur.Words) > 0 {
			relabelCountries(&cur, countries)
			out = append(out, cur)
		}
		cur = GoldSentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			flush()
			continue
		}
		word, tag, ok := strings.Cut(text, "\t")
		if !ok || word == "" {
			return nil, fmt.Errorf("read conll: line %d: want TOKEN<TAB>TAG, got %q", line, text)
		}
		cur.Words = append(cur.Words, word)
		cur.POS = append(cur.POS, "")
		cur.Tags = append(cur.Tags, conllTag(tag))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll: line %d: %w", line+1, err)
	}
	flush()
	return out, nil
}

// conllTag rewrites one CoNLL tag in GMB form.
func conllTag(tag string) string {
	pre, typ, ok := strings.Cut(strings.TrimSpace(tag), "-")
	if !ok || (pre != "B" && pre != "I") {
		return "O"
	}
	g, ok := conllTypes[typ]
	if !ok {
		return "O"
	}
	return pre + "-" + g
}

// relabelCountries turns ORG spans that name a country into places.
func relabelCountries(s *GoldSentence, countries map[string]bool) {
	if len(countries) == 0 {
		return
	}
	for i := 0; i < len(s.Tags); {
		if s.Tags[i] != "B-org" {
			i++
			continue
		}
		j := i + 1
		for j < len(s.Tags) && s.Tags[j] == "I-org" {
			j++
		}
		if countries[strings.ToLower(strings.Join(s.Words[i:j], " "))] {
			s.Tags[i] = "B-geo"
			for k := i + 1; k < j; k++ {
				s.Tags[k] = "I-geo"
			}
		}
		i = j
	}
}
