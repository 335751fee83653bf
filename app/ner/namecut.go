package ner

import "strings"

// NameCut decides which words opening a mention are not part of the name:
// lower-case words ("eastern Baghdad"), and before a person's name, titles
// and roles ("Vice Foreign Minister", "Deputy Secretary of State", "CEO").
// The same rule cuts the gold spans for training and evaluation and the
// tagger's mentions, so the model learns names without titles.
type NameCut struct {
	titles  map[string]bool
	lexicon map[string]byte
}

// NewNameCut returns the cut for a model's titles and lexicon.
func NewNameCut(titles []string, lexicon map[string]byte) *NameCut {
	c := &NameCut{titles: map[string]bool{}, lexicon: lexicon}
	for _, t := range titles {
		c.titles[t] = true
	}
	return c
}

// Leading returns how many words to cut from the start of a mention of the
// given type. For a person it scans the capitalised words that are titles,
// common words ("Deputy"), words written both ways ("Prime", "State") and
// short all-capital roles before a full name ("CEO"), with "of"/"for"/"the"
// between them, and cuts up to the last title, common word or role of that
// run, or through a connector ("Secretary of State"). A common word is only
// cut when a full name follows (see softCut). At least one word is left.
func (c *NameCut) Leading(words []string, typ string) int {
	n := 0
	for n < len(words) && !isCapitalised(words[n]) && !startsWithDigit(words[n]) {
		n++
	}
	if typ != Person {
		return n
	}
	glue, hard := false, n
	for i := n; i < len(words)-1; i++ {
		w := words[i]
		lw := strings.ToLower(w)
		lex := c.lexicon[lw]
		switch {
		case isTitle(c.titles, lw):
			n, hard = i+1, i+1
		case lex == caseLower && isCapitalised(w) && !pronouns[lw]:
			n = i + 1
		case isAcronym(w) && len(words)-i >= 3:
			n, hard = i+1, i+1
		case i > 0 && (lw == "of" || lw == "for" || lw == "the"):
			glue = n > 0
		case lex == caseMixed && isCapitalised(w):
			if glue {
				n, hard = i+1, i+1
			}
		default:
			return softCut(words, n, hard)
		}
	}
	return softCut(words, n, hard)
}

// softCut keeps a capitalised common word that only the lexicon marks as a
// role ("Deputy", but also the first name "Mark") unless a full name of two
// or more words remains after it.
func softCut(words []string, n, hard int) int {
	if len(words)-n >= 2 {
		return n
	}
	return hard
}

// IsTitle reports whether w is one of the title words.
func (c *NameCut) IsTitle(w string) bool { return isTitle(c.titles, w) }

// TitleOnly reports whether a person's span holds a title and no name: every
// word is a title word ("Mr.", "President"), or every word is a capitalised
// common or two-way word and the word after the span is a title, so that
// the span is the front of a role ("Prime" in "Prime Minister", "Vice" in
// "Vice President"). GMB has such spans (a lone "Mr." before a name tagged
// as an organisation, "Prime" tagged apart from "Minister"); they are
// annotation slips, not names, and neither the gold nor the tagger keeps them.
func (c *NameCut) TitleOnly(words []string, next string) bool {
	if len(words) == 0 {
		return false
	}
	allTitles, allCommon := true, true
	for _, w := range words {
		lw := strings.ToLower(w)
		if !isTitle(c.titles, lw) {
			allTitles = false
		}
		if lex := c.lexicon[lw]; !isCapitalised(w) || pronouns[lw] || lex != caseLower && lex != caseMixed {
			allCommon = false
		}
	}
	return allTitles || allCommon && isTitle(c.titles, next)
}
