package ner

import (
	"sort"
	"strings"
	"unicode"
)

// BuildLexicon learns each word's case class from sentences: how often the
// word is written in lower case when it is not the first of its sentence.
func BuildLexicon(sents []GoldSentence) map[string]byte {
	low, capd := map[string]int{}, map[string]int{}
	for _, s := range sents {
		for i, w := range s.Words {
			if i == 0 || !hasLetter(w) {
				continue
			}
			lw := strings.ToLower(w)
			if lw == w {
				low[lw]++
			} else {
				capd[lw]++
			}
		}
	}
	lex := make(map[string]byte, len(low)+len(capd))
	for w, n := range capd {
		lex[w] = caseClass(low[w], n)
	}
	for w, n := range low {
		if _, ok := lex[w]; !ok {
			lex[w] = caseClass(n, 0)
		}
	}
	return lex
}

func caseClass(low, capd int) byte {
	switch {
	case low >= 4*capd+1:
		return caseLower
	case capd >= 4*low+1:
		return caseUpper
	}
	return caseMixed
}

func hasLetter(w string) bool {
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// MineTitles finds the title and role words of the training data ("president",
// "minister", "mr"): capitalised words that open person names for many
// different people, rarely end one, are often followed by a word that itself
// opens names (a first name or another title: "President George Bush",
// "Prime Minister"), unlike first names, which are followed by surnames, and
// are also common lower-case words; or abbreviations with a period ("Mr.").
// Titles are returned lower-cased without the trailing period, sorted.
func MineTitles(sents []GoldSentence) []string {
	opens, ends, lower := map[string]int{}, map[string]int{}, map[string]int{}
	people := map[string]map[string]bool{}
	type pair struct{ w, next string }
	var pairs []pair
	for _, s := range sents {
		for _, w := range s.Words {
			if strings.ToLower(w) == w {
				lower[w]++
			}
		}
		for i := 0; i < len(s.Tags); i++ {
			if s.Tags[i] != "B-per" {
				continue
			}
			j := i + 1
			for j < len(s.Tags) && s.Tags[j] == "I-per" {
				j++
			}
			last := s.Words[j-1]
			ends[strings.ToLower(last)]++
			for k := i; k < j-1; k++ {
				w := s.Words[k]
				if !isCapitalised(w) {
					continue
				}
				lw := strings.ToLower(w)
				opens[lw]++
				if people[lw] == nil {
					people[lw] = map[string]bool{}
				}
				people[lw][last] = true
				pairs = append(pairs, pair{lw, strings.ToLower(s.Words[k+1])})
			}
		}
	}
	openerNext := map[string]int{}
	for _, p := range pairs {
		if opens[p.next] > 0 {
			openerNext[p.w]++
		}
	}
	var out []string
	for w, n := range opens {
		if n < 5 || ends[w]*3 > n || len(people[w]) < 5 {
			continue
		}
		abbrev := strings.HasSuffix(w, ".") && strings.Count(w, ".") == 1 && len(w) <= 5
		common := len(w) >= 3 && lower[w] >= 10 && lower[w] <= 50*n && openerNext[w]*4 >= n
		if abbrev || common {
			out = append(out, strings.TrimSuffix(w, "."))
		}
	}
	sort.Strings(out)
	return out
}

// isTitle reports whether w is a title word of the set, with or without a
// trailing period.
func isTitle(titles map[string]bool, w string) bool {
	return titles[strings.TrimSuffix(strings.ToLower(w), ".")]
}

// MineLeadingTitles finds the titles that data sets which keep titles out
// of PERSON spans write just before a name ("Sir Clive Woodward", "Lord
// Falconer", "Dr. Smith" with only the name tagged): capitalised words,
// tagged O, that directly precede a person at least 3 times and in at
// least half of all their occurrences. Returned lower-cased without the
// trailing period, sorted.
func MineLeadingTitles(sents []GoldSentence) []string {
	before, total := map[string]int{}, map[string]int{}
	for _, s := range sents {
		for i, w := range s.Words {
			if !isCapitalised(w) || len(w) < 2 || !hasLetter(w) {
				continue
			}
			lw := strings.TrimSuffix(strings.ToLower(w), ".")
			total[lw]++
			if s.Tags[i] == "O" && i+1 < len(s.Tags) && s.Tags[i+1] == "B-per" {
				before[lw]++
			}
		}
	}
	var out []string
	for w, n := range before {
		if n >= 3 && n*2 >= total[w] {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}
