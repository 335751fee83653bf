package ner

import "strings"

// MendSplitPlaces repairs a GMB annotation slip in training sentences: a
// place name cut into adjacent spans of different types ("Sri/B-per
// Lanka/B-gpe", 37 times in GMB). Where two or more adjacent spans,
// without a word between, together spell a country, city or region of the
// name lists, they become one place; where they spell a demonym ("Sri
// Lankan"), they become O, as GMB's nationality adjectives are. It returns
// how many were mended. Dev splits are never mended: they are scored
// against the gold as published.
func MendSplitPlaces(sents []GoldSentence, nl NameLists) int {
	mended := 0
	for si := range sents {
		s := &sents[si]
		for i := 0; i < len(s.Tags); {
			if !strings.HasPrefix(s.Tags[i], "B-") {
				i++
				continue
			}
			// the run of adjacent spans starting at i
			ends := []int{}
			j := i
			for j < len(s.Tags) && strings.HasPrefix(s.Tags[j], "B-") {
				k := j + 1
				for k < len(s.Tags) && s.Tags[k] == "I-"+s.Tags[j][2:] {
					k++
				}
				ends = append(ends, k)
				j = k
			}
			done := false
			for n := len(ends) - 1; n >= 1 && !done; n-- {
				end := ends[n]
				if end-i > maxListLen {
					continue
				}
				bits := nl[listKey(strings.Join(s.Words[i:end], " "))]
				switch {
				case bits&(listCountry|listCity|listRegion) != 0:
					s.Tags[i] = "B-geo"
					for k := i + 1; k < end; k++ {
						s.Tags[k] = "I-geo"
					}
				case bits&listDemonym != 0:
					for k := i; k < end; k++ {
						s.Tags[k] = "O"
					}
				default:
					continue
				}
				mended++
				done = true
				i = end
			}
			if !done {
				i = ends[0]
			}
		}
	}
	return mended
}
