package ner

import "strings"

// Context cues (issue #14): the common noun written right before a name
// says what it names ("the comedy Sideways", "video game Halo", "oil firm
// Rosneft", "rock band Franz Ferdinand", "Premiership side Everton"), and a
// company's name is followed by its shares and officers ("Rosneft shares",
// "Yukos chief executive"). A name with such a cue anywhere in a document
// takes the cue's type at all its mentions there: a work or product is
// Misc (it leaves the People/Organisations/Places lists), a firm, band or
// club ORG. A work cue wins over an organisation cue. Names from the
// gazetteer keep their type; a mention linked to a full name takes the
// full name's. The cue words are a lexicon (cuelex.go): word -> type at
// each position (before the name, the two words before it, after it): the
// hand-written words (cues-hand.tsv) and the words learned from the
// labelled training sets that they lack (cuelearn.go, cues.tsv); the rules
// below are its structure.

// cueType returns the type a cue around mention m gives it, or "". The
// cue words come from the lexicon (t.cues): a word or two right before
// the name that cues a work ("film Sideways", "copies of Windows"), or one
// before "like" / "such as" ("films like Harry Potter"), or one after the
// name that cues a work with an opener before it ("the Harry Potter
// films"; see workOpeners, not "a": "a Martin Scorsese film"), or a version
// number after it with such an opener ("its Xbox 2") makes a work (not
// when a possessive follows the name: "version of Sega's game"); a word
// before or after it that cues an organisation ("group Hamas", "Yukos
// spokesman") an organisation.
func (t *Tagger) cueType(toks []token, m mention) string {
	before := func(k int) string {
		if k := m.a - k; k >= 0 && toks[k].text == toks[k].lower {
			return toks[k].lower
		}
		return ""
	}
	var after string
	if m.b < len(toks) && toks[m.b].text == toks[m.b].lower {
		after = toks[m.b].lower
	}
	b1, b2t, at := t.cueWords(toks, m)
	lex := t.cues
	bt := lex.Type(CueBefore, b1)
	switch {
	case bt == Misc, b2t == Misc && !strings.HasPrefix(after, "'"),
		b1 == "like" && lex.Type(CueBefore, before(2)) == Misc,
		b1 == "as" && before(2) == "such" && lex.Type(CueBefore, before(3)) == Misc,
		workOpeners[b1] && at == Misc,
		workOpeners[b1] && isVersion(toks, m.b):
		return Misc
	case bt == Org, b2t == Org, at == Org:
		return Org
	}
	return ""
}

// cueWords returns the lower-case word right before m ("" if none), the
// type the cue lexicon gives the two words before it and the type it gives
// the word after it.
func (t *Tagger) cueWords(toks []token, m mention) (b1, b2t, at string) {
	lower := func(k int) string {
		if k >= 0 && k < len(toks) && toks[k].text == toks[k].lower {
			return toks[k].lower
		}
		return ""
	}
	b1 = lower(m.a - 1)
	if w := lower(m.a - 2); b1 != "" && w != "" {
		b2t = t.cues.Type(CueBefore2, w+" "+b1)
	}
	return b1, b2t, t.cues.Type(CueAfter, lower(m.b))
}

// workOpeners are the words before "NAME film" that make NAME the title
// rather than the maker ("the Harry Potter films", "his Harry Potter film
// co-star", "the third Harry Potter film"; "a Martin Scorsese film" is the
// maker's).
var workOpeners = map[string]bool{
	"the": true, "his": true, "her": true, "their": true, "its": true, "first": true, "second": true,
	"third": true, "fourth": true, "fifth": true, "latest": true, "new": true, "next": true, "last": true,
	"final": true, "original": true, "'s": true,
}

// isVersion reports whether the token at k is a version number after a
// product's name ("its Xbox 2", "the PlayStation 2"): one to three digits
// ending the phrase (not a score, "2-1", a quantity, "2 million", nor a
// name's number, "the RBS 6 Nations").
func isVersion(toks []token, k int) bool {
	if k >= len(toks) || len(toks[k].text) > 3 {
		return false
	}
	for _, c := range toks[k].text {
		if c < '0' || c > '9' {
			return false
		}
	}
	if k+1 == len(toks) {
		return true
	}
	n := toks[k+1]
	return n.text == n.lower && !strings.HasPrefix(n.pos, "NN") && !strings.HasPrefix(n.pos, "CD")
}

// applyCues retypes the mentions of every name that a cue types somewhere
// in the document, and returns, for each name (its cueKey), the type the
// document's cues give it: the evidence the archive weighs above the
// model's votes (Entity.Cue, Resolver.Resolve). A work or organisation cue
// retypes the mentions; a person cue (a role or honorific right before the
// name, "striker Wayne Rooney", "Mr Blair") or a place cue ("in Cardiff")
// is evidence only. A work cue wins over an organisation cue, and either
// over a person cue, and that over a place cue.
func (t *Tagger) applyCues(sents [][]token, ms []mention) map[string]string {
	want := map[string]string{}
	named := map[string]bool{} // names used as a name (not a common noun) somewhere in the document
	plurals := abbreviationPlurals(sents)
	for _, m := range ms {
		if m.fixed || m.canonical != "" && m.canonical != words(sents[m.sent], m.a, m.b) {
			continue // a short mention linked to a full name ("after the game Mourinho said")
		}
		key := cueKey(sents, m)
		c := t.cueType(sents[m.sent], m)
		if c == "" {
			c = t.evidenceCue(sents[m.sent], m)
		}
		if c == "" && m.b-m.a == 1 && (commonUse(sents[m.sent], m) || plurals[sents[m.sent][m.a].text]) {
			c = Common
		} else {
			named[key] = true
		}
		if cueRank[c] > cueRank[want[key]] {
			want[key] = c
		}
	}
	for key, c := range want {
		if c == Common && named[key] {
			delete(want, key)
		}
	}
	if len(want) == 0 {
		return nil
	}
	for i := range ms {
		m := &ms[i]
		if m.fixed {
			continue
		}
		key := cueKey(sents, *m)
		if m.canonical != "" && m.canonical != words(sents[m.sent], m.a, m.b) {
			key = strings.TrimSuffix(m.canonical, ".") // a short mention goes with its full name ("Ferdinand")
		}
		if typ := want[key]; typ == Misc || typ == Org {
			m.typ = typ
		}
	}
	return want
}

// cueRank orders the cue types of one name in one document: the strongest
// wins.
var cueRank = map[string]int{Common: 1, Place: 2, Person: 3, Org: 4, Misc: 5}

// Common is the cue of a one-word name that a document uses only as a
// common noun, after an indefinite determiner ("a PC"), never as a name,
// or an abbreviation the document also writes in the plural ("PC" beside
// "PCs", "DVD" beside "DVDs": a countable noun, not a body's name).
const Common = "COMMON"

// commonUse reports whether a one-word mention is used as a common noun:
// the head of a noun phrase opened by an indefinite determiner ("a PC",
// "another Xbox"; not the modifier in "a Chelsea fan", "a UN report").
func commonUse(toks []token, m mention) bool {
	if m.a == 0 || !indefinite[toks[m.a-1].lower] {
		return false
	}
	if m.b >= len(toks) {
		return true
	}
	n := toks[m.b]
	return !(n.text == n.lower && strings.HasPrefix(n.pos, "NN"))
}

// abbreviationPlurals returns the abbreviations a document writes in the
// plural ("PCs", "MPs": capitals and a final "s"), without the "s".
func abbreviationPlurals(sents [][]token) map[string]bool {
	var out map[string]bool
	for _, toks := range sents {
		for _, t := range toks {
			if n := len(t.text); n >= 3 && t.text[n-1] == 's' && isAcronym(t.text[:n-1]) {
				if out == nil {
					out = map[string]bool{}
				}
				out[t.text[:n-1]] = true
			}
		}
	}
	return out
}

// indefinite are the determiners that make the noun after them a common
// noun ("a PC", "every iPod").
var indefinite = map[string]bool{"a": true, "an": true, "another": true, "every": true, "each": true}

// evidenceCue returns Person for a mention right after a title or
// honorific ("Mr Blair", "Lord Falconer": the mined titles), or followed
// by an age (", 34,"), or next to a word the learned lexicon gives PERSON;
// Place for one next to a word the lexicon gives PLACE ("in Cardiff"; not
// before a possessive, "in Chelsea's win"); else "". These cues do not
// retype the mention: they are evidence for the archive.
func (t *Tagger) evidenceCue(toks []token, m mention) string {
	if m.a > 0 {
		p := toks[m.a-1]
		if isCapitalised(p.text) && t.cut.IsTitle(p.lower) {
			return Person
		}
	}
	if m.b+2 < len(toks) && toks[m.b].text == "," && isAge(toks[m.b+1].text) && toks[m.b+2].text == "," {
		return Person
	}
	b1, b2t, at := t.cueWords(toks, m)
	bt := t.cues.Type(CueBefore, b1)
	switch {
	case bt == Person, b2t == Person, at == Person:
		return Person
	case (bt == Place || b2t == Place) && (m.b >= len(toks) || !strings.HasPrefix(toks[m.b].text, "'")), at == Place:
		return Place
	}
	return ""
}

// isAge reports whether w is a person's age in an apposition (", 34,"):
// a number from 10 to 99.
func isAge(w string) bool {
	return len(w) == 2 && w[0] >= '1' && w[0] <= '9' && w[1] >= '0' && w[1] <= '9'
}

// cueKey is a mention's words without a full stop the segmenter left on the
// last one ("West Ham." ending a text).
func cueKey(sents [][]token, m mention) string {
	return strings.TrimSuffix(words(sents[m.sent], m.a, m.b), ".")
}
