package htmleval

import (
	"regexp"
	"strings"
)

// wordRE is Python's re.findall(r'\w+') on Unicode text, as the text-dumps
// corpus's score.py tokenises: letters, digits and the
// underscore (Python counts combining marks as non-word).
var wordRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// ShingleTokens splits text into tokens as text-dumps/score.py does (case
// kept, a run of CJK characters one token).
func ShingleTokens(text string) []string {
	return wordRE.FindAllString(text, -1)
}

// ShingleF1 is text-dumps/score.py's metric: the F1 of the multisets of
// contiguous token 4-grams (a text of 1-3 tokens is one shingle of them
// all, an empty text none); 0 when either side is empty.
func ShingleF1(want, got []string) float64 {
	w, g := shingles(want), shingles(got)
	nw, ng := 0, 0
	for _, c := range w {
		nw += c
	}
	common := 0
	for s, c := range g {
		ng += c
		common += min(c, w[s])
	}
	if nw == 0 || ng == 0 || common == 0 {
		return 0
	}
	p, r := float64(common)/float64(ng), float64(common)/float64(nw)
	return 2 * p * r / (p + r)
}

func shingles(toks []string) map[string]int {
	out := map[string]int{}
	if len(toks) == 0 {
		return out
	}
	if len(toks) < 4 {
		out[strings.Join(toks, "\x00")]++
		return out
	}
	for i := 0; i+4 <= len(toks); i++ {
		out[strings.Join(toks[i:i+4], "\x00")]++
	}
	return out
}
