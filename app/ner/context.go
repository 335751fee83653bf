package ner

import "unicode"

// Context evidence for the document vote (tag.go's vote): a name the model
// typed PLACE or PERSON whose sentence shows it acting as an organisation.
// The training sets have little sport and few companies, so the model types
// a club named after its town ("Chelsea beat Newcastle 2-0") as the town and
// a company named after a town ("Nokia", also a Finnish town) as the place.

// sportsWords are words that put a document in sport: results, positions
// on the field, the club's staff and competitions. Strong ones (true) are
// rarely used outside sport; weak ones (false) are ("side", "final",
// "victory").
var sportsWords = map[string]bool{
	"beat": true, "beaten": true, "v": true, "striker": true, "midfielder": true, "defender": true,
	"goalkeeper": true, "winger": true, "fly-half": true, "scrum-half": true, "full-back": true,
	"centre-back": true, "flanker": true, "premiership": true, "relegation": true, "relegated": true,
	"equaliser": true, "kick-off": true, "half-time": true, "stoppage": true, "referee": true,
	"semi-final": true, "quarter-final": true, "scored": true, "goals": true, "tries": true,
	"beats": false, "beating": false, "vs": false, "draw": false, "drew": false, "keeper": false,
	"hooker": false, "prop": false, "lock": false, "boss": false, "fixture": false, "fixtures": false,
	"promoted": false, "goal": false, "penalty": false, "try": false, "loan": false, "transfer": false,
	"squad": false, "side": false, "match": false, "fans": false, "league": false, "cup": false,
	"final": false, "season": false, "manager": false, "coach": false, "victory": false, "defeat": false,
}

// sportsDoc reports whether a document is about sport: it uses two strong
// sports words, or one and two weak ones, or gives a score ("2-1") beside
// a sports word. A town named in it is mostly its club ("Chelsea have
// signed ...", "a loan move to Newcastle").
func sportsDoc(sents [][]token) bool {
	strong, weak := map[string]bool{}, map[string]bool{}
	score := false
	for _, toks := range sents {
		for _, w := range toks {
			score = score || isScore(w.text)
			if s, ok := sportsWords[w.lower]; ok {
				if s {
					strong[w.lower] = true
				} else {
					weak[w.lower] = true
				}
			}
		}
	}
	n := len(strong) + len(weak)
	return len(strong) >= 2 || len(strong) == 1 && len(weak) >= 2 || score && n >= 1
}

// isScore reports whether w is a result such as "2-1" or "24-17".
func isScore(w string) bool {
	dash, digits := -1, 0
	for i, r := range w {
		switch {
		case r == '-' && dash < 0 && digits > 0:
			dash, digits = i, 0
		case unicode.IsDigit(r) && digits < 3:
			digits++
		default:
			return false
		}
	}
	return dash > 0 && digits > 0
}

// docContext is what a document says about the names in it.
type docContext struct {
	sports   bool            // a document about sport (sportsDoc)
	business bool            // a sentence of it is about companies (businessContext)
	surnames map[string]bool // last words of its people's full names
}

// newDocContext reads the context of a document's mentions.
func newDocContext(sents [][]token, ms []mention) docContext {
	c := docContext{sports: sportsDoc(sents), surnames: map[string]bool{}}
	for _, toks := range sents {
		if businessContext(toks) {
			c.business = true
			break
		}
	}
	for _, m := range ms {
		if m.typ == Person && m.b-m.a >= 2 {
			c.surnames[sents[m.sent][m.b-1].text] = true
		}
	}
	return c
}

// actsAsOrg reports whether a mention the model typed PLACE or PERSON is an
// organisation by its document: a name of the company list, or an unknown
// one-word "person" (unknownCompany), in a document about companies
// (businessContext), or a name ending in a listed town (and
// not a country, whose team stays the country, "England beat Wales", nor a
// region that is no town) in a document about sport (sportsDoc), unless a locative
// preposition puts it on the map ("in Cardiff"), a first name opens it or
// it is the surname of a person of the document ("Alex Ferguson" and
// "Ferguson", a town of Missouri).
func (t *Tagger) actsAsOrg(toks []token, m mention, c docContext) bool {
	if m.fixed || m.typ == Org || m.b-m.a > 3 || !c.business && !c.sports {
		return false
	}
	key := listKey(words(toks, m.a, m.b))
	bits := t.model.Lists[key]
	if c.business && (bits&listCompany != 0 || t.unknownCompany(toks, m, c)) {
		return true
	}
	if !c.sports || m.b-m.a == 1 && c.surnames[toks[m.a].text] {
		return false
	}
	// A country's team stays the country; a region that is no town has no club.
	if bits&(listCountry|listDemonym) != 0 || bits&(listRegion|listCity) == listRegion ||
		t.model.Lists[toks[m.b-1].lower]&listCity == 0 {
		return false
	}
	if m.b-m.a > 1 && t.model.Lists[toks[m.a].lower]&listFirstName != 0 {
		return false
	}
	if m.a > 0 {
		switch toks[m.a-1].lower {
		case "in", "near", "of", "outside", "across":
			return false
		}
	}
	return true
}

// unknownCompany reports whether a one-word PERSON mention is a word the
// training text never contains (unknownProperNoun), in no list of first
// names or places, after no role word and the surname of no person of the
// document: in a document about companies such a word is a company
// ("Rosneft", "Gartner"), as news names a person in full before it uses the
// surname alone.
func (t *Tagger) unknownCompany(toks []token, m mention, c docContext) bool {
	if m.typ != Person || m.b-m.a != 1 || !t.unknownProperNoun(toks[m.a]) || c.surnames[toks[m.a].text] {
		return false
	}
	if t.model.Lists[toks[m.a].lower]&(listFirstName|listCountry|listCity|listRegion) != 0 {
		return false
	}
	return m.a == 0 || !t.roleWord(toks[m.a-1])
}
