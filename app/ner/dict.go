package ner

import "strings"

// maxDictLen is the longest name, in tokens, the name dictionary matches.
const maxDictLen = 6

// dictTypes are the entity types a dictionary entry can have, by index.
var dictTypes = [3]string{Person, Org, Place}

// BuildDictionary lists the names of the gold sentences with the type they
// most often have: lower-cased token texts joined by spaces -> type index.
func BuildDictionary(sents []GoldSentence, cut *NameCut) map[string]byte {
	counts := map[string]*[3]int{}
	for _, s := range sents {
		text := s.Text()
		for _, sp := range s.Spans(cut) {
			key := strings.ToLower(text[sp.Start:sp.End])
			if strings.Count(key, " ") >= maxDictLen {
				continue
			}
			c := counts[key]
			if c == nil {
				c = &[3]int{}
				counts[key] = c
			}
			c[typeIndex(sp.Type)]++
		}
	}
	dict := make(map[string]byte, len(counts))
	for k, c := range counts {
		best := 0
		for t := range c {
			if c[t] > c[best] {
				best = t
			}
		}
		dict[k] = byte(best)
	}
	return dict
}

// dictMarks returns, for each token, its place in the longest dictionary
// name covering it ("B|PERSON", "I|ORG", "U|PLACE" for a one-word name), or "".
func dictMarks(toks []token, dict map[string]byte, buf []byte) []string {
	marks := make([]string, len(toks))
	if len(dict) == 0 {
		return marks
	}
	for i := 0; i < len(toks); {
		if !isCapitalised(toks[i].text) {
			i++
			continue
		}
		best, typ := 0, byte(0)
		buf = buf[:0]
		for n := 1; n <= maxDictLen && i+n <= len(toks); n++ {
			if n > 1 {
				buf = append(buf, ' ')
			}
			buf = append(buf, toks[i+n-1].lower...)
			if t, ok := dict[string(buf)]; ok {
				best, typ = n, t
			}
		}
		if best == 0 {
			i++
			continue
		}
		name := dictTypes[typ]
		if best == 1 {
			marks[i] = "U|" + name
		} else {
			marks[i] = "B|" + name
			for k := i + 1; k < i+best; k++ {
				marks[k] = "I|" + name
			}
		}
		i += best
	}
	return marks
}
