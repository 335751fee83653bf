package ner

import (
	"unicode"
	"unicode/utf8"
)

// unknownNames adds the proper nouns the model left untagged but that can
// only be names: a capitalised word in mid-sentence, tagged NNP, that the
// training text never wrote ("chips ... from Huawei"). Such a word is
// neither a common word nor a title (both are in the lexicon), so it is a
// name the training data did not contain. In a sentence about companies
// (see businessNouns) it is an ORG; otherwise it gets the entity type whose
// B-label the model scores highest at that token: the model's context and
// suffix features still say whether the word looks like a person, an
// organisation or a place even when O wins overall. The mention is marked
// as a guess, so it takes the type the rest of the document gives the name.
//
// Only lone words are taken: a capitalised neighbour means a multi-word
// phrase the model decided against ("Chinese-made AI chips"), which a
// single-word guess would cut wrongly.
func (t *Tagger) unknownNames(sent int, toks []token, lab []int, score func(i, prev, cur int) float32, ms []mention) []mention {
	if score == nil {
		return ms
	}
	covered := make([]bool, len(toks))
	for _, m := range ms {
		for k := m.a; k < m.b; k++ {
			covered[k] = true
		}
	}
	for i := 1; i < len(toks); i++ {
		w := toks[i]
		if covered[i] || lab[i] != 0 || !t.unknownProperNoun(w) {
			continue
		}
		if isCapitalised(toks[i-1].text) || modifierOrAbbrev(toks, i) {
			continue
		}
		typ := Org
		if !businessContext(toks) {
			prev := lab[i-1]
			best, bestScore := -1, float32(0)
			for _, c := range []int{1, 3, 5} { // B-PERSON, B-ORG, B-PLACE
				if s := score(i, prev, c); best < 0 || s > bestScore {
					best, bestScore = c, s
				}
			}
			typ = typeOfLabel[best]
		}
		m := mention{sent: sent, a: i, b: i + 1, typ: typ, guess: true}
		if t.plausible(toks, m) && !t.notAName(toks, m) {
			ms = append(ms, m)
		}
	}
	return ms
}

// modifierOrAbbrev reports whether the word at i is followed by a
// capitalised word or a common noun it modifies ("Gregorian calendar"), or
// by a full stop that does not end the sentence ("Sept. 30").
func modifierOrAbbrev(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	if isCapitalised(n.text) || n.pos == "NN" || n.pos == "NNS" {
		return true
	}
	return n.text == "." && i+2 < len(toks)
}

// businessNouns are common nouns that put a sentence in the world of
// companies: an unknown name there is most likely a company. The model
// cannot learn this from GMB, which has few company names and types most
// unknown capitalised words as places.
var businessNouns = map[string]bool{
	"firm": true, "firms": true, "company": true, "companies": true, "maker": true, "makers": true,
	"manufacturer": true, "manufacturers": true, "brand": true, "brands": true, "supplier": true,
	"suppliers": true, "retailer": true, "retailers": true, "rival": true, "rivals": true,
	"startup": true, "start-up": true, "shareholders": true, "subsidiary": true, "vendor": true,
	"vendors": true, "conglomerate": true, "corporation": true, "corporations": true,
}

// businessContext reports whether the sentence uses a business noun.
func businessContext(toks []token) bool {
	for _, w := range toks {
		if businessNouns[w.lower] {
			return true
		}
	}
	return false
}

// unknownProperNoun reports whether w is a capitalised proper noun made of
// letters that the lexicon has never seen and that is not a title or
// pronoun.
func (t *Tagger) unknownProperNoun(w token) bool {
	if w.pos != "NNP" {
		return false
	}
	if utf8.RuneCountInString(w.text) < 3 || !isCapitalised(w.text) || isAcronym(w.text) {
		return false
	}
	for _, r := range w.text {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	if _, known := t.model.Lexicon[w.lower]; known {
		return false
	}
	return !pronouns[w.lower] && !isTitle(t.titles, w.lower)
}

// businessRetype makes an ORG of a one-word PERSON or PLACE the model found
// in a sentence about companies ("a deal with Brellox", "chips from
// Huawei") when the word is unseen in training and in no list of first
// names or places: the model types unseen words by their shape, and a lone
// unknown surname is a person only when the document names the person in
// full, and then the document's vote gives it back its type (the mention is
// marked as a guess).
func (t *Tagger) businessRetype(toks []token, ms []mention) {
	if !businessContext(toks) {
		return
	}
	for i := range ms {
		m := &ms[i]
		if m.typ == Org || m.b-m.a != 1 || !t.unknownProperNoun(toks[m.a]) {
			continue
		}
		if t.model.Lists[toks[m.a].lower]&(listFirstName|listCountry|listCity|listRegion) != 0 {
			continue
		}
		m.typ, m.guess = Org, true
	}
}
