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
// full name's.

// workNouns are the common nouns that name a kind of work, product or
// show: a name right after one is the title of a work.
var workNouns = map[string]bool{
	"film": true, "movie": true, "drama": true, "comedy": true, "thriller": true, "musical": true,
	"documentary": true, "biopic": true, "sitcom": true, "album": true, "song": true, "novel": true,
	"game": true, "console": true, "handheld": true, "franchise": true, "opera": true, "epic": true,
	"blockbuster": true, "sequel": true, "cartoon": true, "soap": true, "book": true, "series": true,
}

// orgNouns are the common nouns that name a kind of organisation: a name
// right after one is that organisation.
var orgNouns = map[string]bool{
	"firm": true, "company": true, "group": true, "band": true, "giant": true, "maker": true,
	"retailer": true, "operator": true, "carrier": true, "airline": true, "bank": true, "insurer": true,
	"side": true, "club": true, "label": true, "regulator": true, "broadcaster": true, "exchange": true,
	"producer": true, "manufacturer": true, "conglomerate": true, "subsidiary": true, "unit": true,
}

// orgAfter are the words that follow a company's name ("Rosneft shares",
// "Yukos chief executive", "Gazprom spokesman").
var orgAfter = map[string]bool{
	"shares": true, "shareholders": true, "chief": true, "boss": true, "chairman": true,
	"spokesman": true, "spokeswoman": true, "executives": true, "profits": true, "stock": true,
	"staff": true, "employees": true, "manager": true, "striker": true, "midfielder": true,
	"defender": true, "goalkeeper": true, "frontman": true, "guitarist": true, "drummer": true,
	"coach": true, "captain": true, "skipper": true, "fans": true, "supporters": true, "squad": true,
}

// cueType returns the type a cue around mention m gives it, or "": a work
// noun right before ("the comedy Sideways"), or before "like" / "such as"
// ("films like Harry Potter"), or after the name with an article before it
// ("the Harry Potter films", "the third Harry Potter film", "Microsoft's
// Xbox console", "the Windows operating system"; see workOpeners, not "a":
// "a Martin Scorsese film"), a version number after it with such an opener
// ("its Xbox 2") or "copies of" before it (not "version of Sega's game")
// makes a work; an
// organisation noun before it or an officer, player or share word after it
// an organisation.
func cueType(toks []token, m mention) string {
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
	switch {
	case workNoun(before(1)),
		before(1) == "like" && workNoun(before(2)),
		before(1) == "as" && before(2) == "such" && workNoun(before(3)),
		workOpeners[before(1)] && workAfter[strings.TrimSuffix(after, "s")],
		workOpeners[before(1)] && isVersion(toks, m.b),
		before(1) == "of" && copyNouns[before(2)] && !strings.HasPrefix(after, "'"):
		return Misc
	case orgNouns[before(1)], orgAfter[after]:
		return Org
	}
	return ""
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

// copyNouns name a copy or version of a work or product: the name after
// "versions of", "copies of" is its title ("pirated copies of Windows").
var copyNouns = map[string]bool{
	"version": true, "versions": true, "copy": true, "copies": true, "edition": true, "editions": true,
	"sequel": true, "remake": true,
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

// workAfter are the work nouns that follow a title used as a modifier
// ("the Harry Potter films"); not "game" or "series", which follow teams
// ("the Chelsea game", "the India series").
var workAfter = map[string]bool{
	"film": true, "movie": true, "book": true, "novel": true, "album": true, "console": true,
	"franchise": true, "sequel": true, "soundtrack": true, "version": true, "operating": true,
}

// workNoun reports whether w is a work noun or its plural ("films").
func workNoun(w string) bool {
	if w == "" {
		return false
	}
	return workNouns[w] || workNouns[strings.TrimSuffix(w, "s")]
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
		c := cueType(sents[m.sent], m)
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

// evidenceCue returns Person for a mention right after a role noun
// ("striker Wayne Rooney", "singer Joss Stone") or a title or honorific
// ("Mr Blair", "Lord Falconer"), or followed by an age (", 34,"); Place for
// one right after a preposition of place ("in Cardiff", not a possessive,
// "in Chelsea's win"); else "". These cues do not retype the mention: they
// are evidence for the archive.
func (t *Tagger) evidenceCue(toks []token, m mention) string {
	if m.a > 0 {
		p := toks[m.a-1]
		if p.text == p.lower && personNouns[p.lower] || isCapitalised(p.text) && t.cut.IsTitle(p.lower) {
			return Person
		}
	}
	if m.b+2 < len(toks) && toks[m.b].text == "," && isAge(toks[m.b+1].text) && toks[m.b+2].text == "," {
		return Person
	}
	if m.a > 0 && placePreps[toks[m.a-1].text] && (m.b >= len(toks) || !strings.HasPrefix(toks[m.b].text, "'")) {
		return Place
	}
	return ""
}

// isAge reports whether w is a person's age in an apposition (", 34,"):
// a number from 10 to 99.
func isAge(w string) bool {
	return len(w) == 2 && w[0] >= '1' && w[0] <= '9' && w[1] >= '0' && w[1] <= '9'
}

// personNouns are the lower-case role nouns written right before a
// person's name ("striker Wayne Rooney", "actress Imelda Staunton").
var personNouns = map[string]bool{
	"striker": true, "midfielder": true, "defender": true, "goalkeeper": true, "winger": true,
	"forward": true, "captain": true, "skipper": true, "coach": true, "manager": true, "boss": true,
	"chairman": true, "spokesman": true, "spokeswoman": true, "singer": true, "actor": true,
	"actress": true, "director": true, "rapper": true, "guitarist": true, "drummer": true,
	"frontman": true, "author": true, "writer": true, "novelist": true, "comedian": true,
	"presenter": true, "producer": true, "star": true, "player": true, "champion": true,
	"secretary": true, "minister": true, "leader": true, "president": true, "premier": true,
	"chancellor": true, "mp": true, "senator": true, "analyst": true, "economist": true,
	"son": true, "daughter": true, "wife": true, "husband": true, "brother": true, "sister": true,
}

// placePreps are the prepositions that put a place after them ("in
// Cardiff", "near Basra").
var placePreps = map[string]bool{"in": true, "near": true, "outside": true, "throughout": true}

// cueKey is a mention's words without a full stop the segmenter left on the
// last one ("West Ham." ending a text).
func cueKey(sents [][]token, m mention) string {
	return strings.TrimSuffix(words(sents[m.sent], m.a, m.b), ".")
}
