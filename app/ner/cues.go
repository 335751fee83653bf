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
// ("the Harry Potter films", "the third Harry Potter film", "the Xbox
// console"; see workOpeners, not "a": "a Martin Scorsese film") makes a work; an
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
		workOpeners[before(1)] && workAfter[strings.TrimSuffix(after, "s")]:
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
	"final": true, "original": true,
}

// workAfter are the work nouns that follow a title used as a modifier
// ("the Harry Potter films"); not "game" or "series", which follow teams
// ("the Chelsea game", "the India series").
var workAfter = map[string]bool{
	"film": true, "movie": true, "book": true, "novel": true, "album": true, "console": true,
	"franchise": true, "sequel": true, "soundtrack": true,
}

// workNoun reports whether w is a work noun or its plural ("films").
func workNoun(w string) bool {
	if w == "" {
		return false
	}
	return workNouns[w] || workNouns[strings.TrimSuffix(w, "s")]
}

// applyCues retypes the mentions of every name that a cue types somewhere
// in the document.
func applyCues(sents [][]token, ms []mention) {
	want := map[string]string{}
	for _, m := range ms {
		if m.fixed || m.canonical != "" && m.canonical != words(sents[m.sent], m.a, m.b) {
			continue // a short mention linked to a full name ("after the game Mourinho said")
		}
		if c := cueType(sents[m.sent], m); c != "" && want[cueKey(sents, m)] != Misc {
			want[cueKey(sents, m)] = c
		}
	}
	if len(want) == 0 {
		return
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
		if typ, ok := want[key]; ok {
			m.typ = typ
		}
	}
}

// cueKey is a mention's words without a full stop the segmenter left on the
// last one ("West Ham." ending a text).
func cueKey(sents [][]token, m mention) string {
	return strings.TrimSuffix(words(sents[m.sent], m.a, m.b), ".")
}
