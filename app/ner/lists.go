package ner

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Name-list categories: bits of a NameLists value. The lists come from
// ../shared/ner/gazetteers (see its SOURCE.md and docs/ner.md); they are
// features of the model, never rules: "Of", "Mobile" and "Nice" are cities
// and "Will" is a first name, and the model learns how far to trust each.
const (
	listCountry uint8 = 1 << iota
	listCity
	listRegion
	listDemonym
	listFirstName
	listOrgWord
	listCompany
	numLists = 7
)

var listNames = [numLists]string{"country", "city", "region", "demonym", "first", "orgword", "company"}

// listFiles maps each gazetteer file to its category.
var listFiles = map[string]uint8{
	"places-countries.txt":   listCountry,
	"places-cities.txt":      listCity,
	"places-regions.txt":     listRegion,
	"demonyms.txt":           listDemonym,
	"person-first-names.txt": listFirstName,
	"org-words.txt":          listOrgWord,
	"orgs-companies.txt":     listCompany,
	"orgs-compromise-lc.txt": listCompany,
}

// maxListLen is the longest list entry, in words, that is matched.
const maxListLen = 5

// NameLists maps a lower-cased name (words joined by single spaces) to the
// categories of the lists it is in.
type NameLists map[string]uint8

// LoadNameLists reads the gazetteer files of dir (see listFiles); a missing
// file is an error, so that a model is never trained on part of the lists
// by mistake.
func LoadNameLists(dir string) (NameLists, error) {
	nl := NameLists{}
	for file, bit := range listFiles {
		f, err := os.Open(filepath.Join(dir, file))
		if err != nil {
			return nil, fmt.Errorf("load name lists: %w", err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			key := listKey(sc.Text())
			if key == "" || strings.Count(key, " ") >= maxListLen {
				continue
			}
			nl[key] |= bit
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("load name lists: %s: %w", file, err)
		}
	}
	return nl, nil
}

// listKey lower-cases an entry and joins its words with single spaces.
func listKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Has reports whether the lower-cased name is in one of the categories.
func (nl NameLists) Has(name string, bits uint8) bool { return nl[listKey(name)]&bits != 0 }

// listMark is a token's place in the longest list entry covering it.
type listMark struct {
	bits uint8
	pos  byte // 'U' one-word entry, 'B' first word, 'I' later word, 0 none
}

// listMarks finds, left to right, the longest list entry starting at each
// capitalised token and marks the tokens it covers.
func listMarks(toks []token, nl NameLists) []listMark {
	marks := make([]listMark, len(toks))
	if len(nl) == 0 {
		return marks
	}
	var buf []byte
	for i := 0; i < len(toks); {
		if !isCapitalised(toks[i].text) {
			i++
			continue
		}
		best, bits := 0, uint8(0)
		buf = buf[:0]
		for n := 1; n <= maxListLen && i+n <= len(toks); n++ {
			if n > 1 {
				buf = append(buf, ' ')
			}
			buf = append(buf, toks[i+n-1].lower...)
			if b, ok := nl[string(buf)]; ok {
				best, bits = n, b
			}
		}
		if best == 0 {
			i++
			continue
		}
		if best == 1 {
			marks[i] = listMark{bits: bits, pos: 'U'}
		} else {
			marks[i] = listMark{bits: bits, pos: 'B'}
			for k := i + 1; k < i+best; k++ {
				marks[k] = listMark{bits: bits, pos: 'I'}
			}
		}
		i += best
	}
	return marks
}
