package ner

import (
	"sort"
	"strings"
)

// Sense is one type a name is resolved to, with the evidence for it.
type Sense struct {
	Type   string
	Weight float64
}

// Evidence is what the archive knows about one name: its mentions' types,
// weighted (one vote per article and type is a good default; a mention
// after a role word may count more), and a user's correction, if any.
type Evidence struct {
	Name       string
	Votes      map[string]float64 // type -> summed weight
	Correction string             // a type set by the user: final
	// Cues counts, per type, the articles whose context gives the name
	// that type (Entity.Cue: "games console Xbox", "side Tottenham",
	// "striker Wayne Rooney", "in Cardiff"). nil: none known.
	Cues map[string]float64
}

// Resolver decides one type per name over all of a name's mentions in the
// archive, so that one name lands in one list. It is re-run as the archive
// grows (it keeps no state). Safe for concurrent use.
type Resolver struct {
	lists NameLists
	// PriorWeight is the number of votes a gazetteer list gives the type it
	// names (countries, cities and regions PLACE; companies ORG; a known
	// first name opening a two-word-or-longer name PERSON; a last word that
	// is an organisation head word, "... Bank", ORG).
	PriorWeight float64
	// SecondShare and SecondMin are the strong evidence a second sense
	// needs (Washington the city and the person): at least this share of
	// all the votes and at least this many votes, and a name list that
	// gives the name that type (listed).
	SecondShare float64
	SecondMin   float64
	// CueShare is the share of a name's articles whose context must cue a
	// type for the cues to overrule the votes (see cued). The default 0.15
	// lies in the 0.10-0.50 band that `nercues -share` finds equally good
	// on the training sets' gold names (docs/ner.md, "Learned cues").
	CueShare float64
	// role reports whether a lower-cased word is a title or a capitalised
	// common word ("chancellor", "prime"): one that opens a name of three
	// words or more is a role left in the name (Decide). nil: none.
	role func(lower string) bool
}

// NewResolver returns a resolver with the gazetteer lists of t's model and
// default weights.
func NewResolver(t *Tagger) *Resolver {
	return &Resolver{lists: t.model.Lists, PriorWeight: 3, SecondShare: 0.3, SecondMin: 10, CueShare: 0.15,
		role: func(w string) bool {
			c := t.model.Lexicon[w]
			return t.cut.IsTitle(w) || c == caseLower || c == caseMixed
		}}
}

// Prior returns the gazetteer votes for a name's types. A name in the
// company list gets ORG even when a town has it too (Nokia).
func (r *Resolver) Prior(name string) map[string]float64 {
	p := map[string]float64{}
	key := listKey(name)
	bits := r.lists[key]
	switch {
	case bits&listCompany != 0: // a company named after its town: Nokia
		p[Org] += r.PriorWeight
	case bits&(listCountry|listCity|listRegion) != 0:
		p[Place] += r.PriorWeight
	}
	words := strings.Fields(key)
	if len(words) >= 2 {
		if r.lists[words[0]]&listFirstName != 0 && bits == 0 && r.lists[words[len(words)-1]]&listOrgWord == 0 {
			p[Person] += r.PriorWeight
		}
		if r.lists[words[len(words)-1]]&listOrgWord != 0 {
			p[Org] += r.PriorWeight
		}
	}
	return p
}

// Resolve returns the senses of a name, strongest first: the user's
// correction alone when there is one; Misc alone for a demonym or
// nationality ("British", as CoNLL's MISC) and for an event or holiday
// (misc.go); Place alone for a street ("Downing Street"); none for a name
// without votes; else the type with the most votes plus gazetteer
// prior, and a second type only with strong evidence (see SecondShare).
// ORG votes for a country or region count as PLACE: a country acting ("the
// UK said") is the same entity as the place, not a second sense.
func (r *Resolver) Resolve(e Evidence) []Sense {
	if e.Correction != "" {
		return []Sense{{Type: e.Correction, Weight: e.Votes[e.Correction]}}
	}
	if bits := r.lists[listKey(e.Name)]; bits&listDemonym != 0 && bits&(listCountry|listCity|listRegion) == 0 || r.isEvent(e.Name) {
		return []Sense{{Type: Misc, Weight: sum(e.Votes)}}
	}
	if isStreet(e.Name) {
		return []Sense{{Type: Place, Weight: sum(e.Votes)}}
	}
	score := r.Prior(e.Name)
	total := 0.0
	country := r.lists[listKey(e.Name)]&(listCountry|listRegion) != 0
	for typ, w := range e.Votes {
		if country && typ == Org {
			typ = Place // a country that acts ("the UK said") is still the place
		}
		score[typ] += w
		total += w
	}
	if typ, ok := r.cued(e, score); ok {
		return []Sense{{Type: typ, Weight: score[typ] + e.Cues[typ]}}
	}
	var out []Sense
	for typ, w := range score {
		if w > 0 {
			out = append(out, Sense{Type: typ, Weight: w})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Type < out[j].Type
	})
	if len(out) > 1 {
		if v := score[out[1].Type]; v >= r.SecondMin && v >= r.SecondShare*total && r.listed(e.Name, out[1].Type) {
			return out[:2]
		}
		return out[:1]
	}
	return out
}

// cued returns the type the archive's cues give a name when they overrule
// its votes: the model's type of a mention is weak evidence (it sees one
// sentence), a cue strong (cues.go), so the type cued in the most articles
// wins when the votes' winner is cued in under half as many (none, mostly:
// "Franz Ferdinand" typed a person in 16 articles and "rock band Franz
// Ferdinand" in 3) and the cues are in CueShare of the name's articles at
// least (one "Anfield boss" in 16 articles leaves the stadium a place).
// A common-noun cue (Common: "a PC", "PC" beside "PCs") overrules the same
// way, to Misc: the name leaves the three lists. Only work, organisation
// and common-noun cues overrule; person and place cues ("striker Wayne
// Rooney", "in Cardiff") are defence (a body is "in Parliament" and a
// product "in PC sales"). ORG cues for a
// country count as PLACE, as its ORG votes do ("England coach" is the
// country's team); not for a region, whose clubs are cued ("Southampton
// striker").
func (r *Resolver) cued(e Evidence, score map[string]float64) (string, bool) {
	if len(e.Cues) == 0 {
		return "", false
	}
	cues := make(map[string]float64, len(e.Cues))
	country := r.lists[listKey(e.Name)]&listCountry != 0
	for typ, n := range e.Cues {
		if country && typ == Org {
			typ = Place
		}
		cues[typ] += n
	}
	top, voted := "", ""
	for typ, n := range cues {
		if n > cues[top] || n == cues[top] && n > 0 && typ < top {
			top = typ
		}
	}
	for typ, w := range score {
		if voted == "" || w > score[voted] || w == score[voted] && typ < voted {
			voted = typ
		}
	}
	if top != Misc && top != Org && top != Common || top == voted || cues[top] < 2*cues[voted] || cues[top] < r.CueShare*sum(e.Votes) {
		return "", false
	}
	if top == Common {
		return Misc, true // no name of the three lists
	}
	return top, true
}

// Linker joins short person mentions to full names across an archive: a
// surname alone ("Blair") or a first name alone joins the one full name
// that carries it in most of the archive's articles. Within one article
// Tag already links short mentions to the full name named there
// (Entity.Canonical); the Linker is for articles that use the short form
// only. Feed it every article's entities with Add, then ask Link. Not safe
// for concurrent use.
type Linker struct {
	bySurname map[string]map[string]int // last word -> full name -> articles
	byFirst   map[string]map[string]int // first word -> full name -> articles
	full      map[string]int            // full name -> articles
	// MinArticles is the fewest articles the chosen full name must be in;
	// Share is the share of the articles of all candidates it must have.
	MinArticles int
	Share       float64
}

// NewLinker returns an empty linker with default thresholds.
func NewLinker() *Linker {
	return &Linker{bySurname: map[string]map[string]int{}, byFirst: map[string]map[string]int{},
		full: map[string]int{}, MinArticles: 2, Share: 0.75}
}

// Add records the full person names of one article's entities.
func (l *Linker) Add(ents []Entity) {
	seen := map[string]bool{}
	for _, e := range ents {
		if e.Type != Person {
			continue
		}
		full := e.Canonical
		if full == "" {
			full = e.Text
		}
		words := strings.Fields(full)
		if len(words) < 2 || seen[full] {
			continue
		}
		seen[full] = true
		add := func(m map[string]map[string]int, k string) {
			if m[k] == nil {
				m[k] = map[string]int{}
			}
			m[k][full]++
		}
		add(l.bySurname, words[len(words)-1])
		add(l.byFirst, words[0])
		l.full[full]++
	}
}

// AddName records a full person name mentioned in n articles, for an
// archive that counts articles per name already (the same as n Adds of
// articles naming it).
func (l *Linker) AddName(full string, n int) {
	words := strings.Fields(full)
	if len(words) < 2 || n <= 0 {
		return
	}
	add := func(m map[string]map[string]int, k string) {
		if m[k] == nil {
			m[k] = map[string]int{}
		}
		m[k][full] += n
	}
	add(l.bySurname, words[len(words)-1])
	add(l.byFirst, words[0])
	l.full[full] += n
}

// Link returns the full name a one-word person mention joins, and whether
// there is one: as a surname first, then as a first name. A first name
// alone that no full name dominates is no entity (the caller drops it).
//
// A name of three words or more whose words after the first are a full
// name of the archive in more articles joins that name: the first word is
// a title or role the tagger left in ("Chancellor Gerhard Schroeder" ->
// "Gerhard Schroeder").
func (l *Linker) Link(short string) (string, bool) {
	if words := strings.Fields(short); len(words) >= 3 {
		tail := strings.Join(words[1:], " ")
		if n := l.full[tail]; n >= l.MinArticles && n > l.full[short] {
			return tail, true
		}
		return "", false
	}
	if strings.ContainsRune(strings.TrimSpace(short), ' ') {
		return "", false
	}
	for _, m := range []map[string]map[string]int{l.bySurname, l.byFirst} {
		if full, ok := l.dominant(m[short]); ok {
			return full, true
		}
	}
	return "", false
}

// isSurname reports whether a word is the last word of a full name.
func (l *Linker) isSurname(word string) bool { return len(l.bySurname[word]) > 0 }

// dominant returns the candidate with at least Share of the articles.
func (l *Linker) dominant(c map[string]int) (string, bool) {
	best, n, total := "", 0, 0
	for full, k := range c {
		total += k
		if k > n || k == n && full < best {
			best, n = full, k
		}
	}
	if n < l.MinArticles || float64(n) < l.Share*float64(total) {
		return "", false
	}
	return best, true
}

// listed reports whether the name lists give a name the type at all: a
// listed place for PLACE, a listed company or organisation word for ORG, a
// listed first name among its words for PERSON. A second sense needs it
// (Washington: a city and a first name), so that a common word the tagger
// types two ways ("Cabinet" an ORG and a PLACE) stays one entity.
func (r *Resolver) listed(name, typ string) bool {
	key := listKey(name)
	words := strings.Fields(key)
	switch typ {
	case Place:
		return r.lists[key]&(listCountry|listCity|listRegion) != 0
	case Org:
		return r.lists[key]&listCompany != 0 || len(words) > 0 && r.lists[words[len(words)-1]]&listOrgWord != 0
	case Person:
		for _, w := range words {
			if r.lists[w]&listFirstName != 0 {
				return true
			}
		}
	}
	return false
}

// sum adds up the votes.
func sum(v map[string]float64) float64 {
	t := 0.0
	for _, w := range v {
		t += w
	}
	return t
}

// streetHeads end the names of streets and squares, which are places
// whatever they stand for ("Downing Street" said, "Wall Street" fell).
var streetHeads = map[string]bool{
	"street": true, "road": true, "avenue": true, "square": true, "lane": true, "boulevard": true,
}

// isStreet reports whether a name of two words or more ends in a street head.
func isStreet(name string) bool {
	words := strings.Fields(listKey(name))
	return len(words) >= 2 && streetHeads[words[len(words)-1]]
}
