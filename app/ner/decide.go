package ner

import (
	"sort"
	"strings"
)

// Decision is what the archive decides for one tagged name: its senses
// (strongest first; none for a name that is no name) and, when it is a
// person, the full name it joins (Link, "" for itself).
type Decision struct {
	Name   string
	Senses []Sense
	Link   string
}

// To returns the entity (name and type) a mention of the name tagged typ
// belongs to: the sense of that type when the name has it, else the
// strongest sense; a person sense carries the link. A name without senses
// stays as tagged.
func (d Decision) To(typ string) (name, to string) {
	if len(d.Senses) == 0 {
		return d.Name, typ
	}
	to = d.Senses[0].Type
	for _, s := range d.Senses {
		if s.Type == typ {
			to = typ
			break
		}
	}
	if to == Person && d.Link != "" {
		return d.Link, to
	}
	return d.Name, to
}

// Decide resolves every name of an archive at once, from the evidence
// alone: the same evidence gives the same decisions whatever order it
// comes in (the order in which articles were tagged, by how many workers,
// does not matter). Each name gets its senses (Resolve); a person name of
// two words or more used in the plural too is a group, an ORG ("Lib
// Dems"); then a person
// name of three words or more that opens with roles joins the name without
// them ("Chancellor Gerhard Schroeder" -> "Gerhard Schroeder"); a one-word
// person name, or one of three words or more, joins the full name a Linker
// gives, the Linker holding every name of two words or more whose
// strongest sense is PERSON with its articles (the sum of its votes: one
// per article); a one-word person name that is a listed place and no
// surname of a person of the archive is the place.
func (r *Resolver) Decide(evs []Evidence) map[string]Decision {
	sorted := make([]Evidence, len(evs))
	copy(sorted, evs)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	out := make(map[string]Decision, len(sorted))
	articles := make(map[string]float64, len(sorted))
	for _, e := range sorted {
		articles[e.Name] = sum(e.Votes)
	}
	l := NewLinker()
	for _, e := range sorted {
		d := Decision{Name: e.Name, Senses: r.Resolve(e)}
		out[e.Name] = d
		if len(d.Senses) > 0 && d.Senses[0].Type == Person && len(strings.Fields(e.Name)) >= 2 {
			l.AddName(e.Name, int(sum(e.Votes)+0.5))
		}
	}
	for _, e := range sorted {
		d := out[e.Name]
		words := strings.Fields(e.Name)
		if len(words) >= 2 && len(d.Senses) > 0 && d.Senses[0].Type == Person && e.Correction == "" && group(e.Name, articles) {
			d.Senses = []Sense{{Type: Org, Weight: sum(e.Votes)}}
			out[e.Name] = d
			continue
		}
		if len(words) == 2 || !hasSense(d.Senses, Person) {
			continue
		}
		if tail := r.cutRoles(words); len(tail) < len(words) {
			d.Link = strings.Join(tail, " ")
		} else if full, ok := l.Link(e.Name); ok && full != e.Name {
			d.Link = full
		} else if len(words) == 1 && d.Senses[0].Type == Person && !l.isSurname(e.Name) && r.place(e.Name) {
			// A listed place that is no surname of a person of the
			// archive: the place ("Cardiff" typed a person).
			d.Senses = []Sense{{Type: Place, Weight: sum(e.Votes)}}
		}
		out[e.Name] = d
	}
	return out
}

// group reports whether a person name of two words or more is used in the
// plural too, or is the plural of another name, both in 3 articles or more
// ("Lib Dem" and "Lib Dems"): the name of a group, a party or a team, not
// of a person (a stray "Wayne Rooneys" makes no group).
func group(name string, articles map[string]float64) bool {
	other := name + "s"
	if strings.HasSuffix(name, "s") {
		if _, ok := articles[other]; !ok {
			other = strings.TrimSuffix(name, "s")
		}
	}
	return articles[name] >= groupMin && articles[other] >= groupMin
}

// groupMin is the fewest articles each form of a group's name needs.
const groupMin = 3

// cutRoles drops the roles that open a name of three words or more
// ("Chancellor Gerhard Schroeder", "Prime Minister Tony Blair"), keeping
// two words at least; a listed first name is no role.
func (r *Resolver) cutRoles(words []string) []string {
	for len(words) >= 3 && r.role != nil {
		w := strings.ToLower(words[0])
		if r.lists[w]&listFirstName != 0 || !r.role(w) {
			break
		}
		words = words[1:]
	}
	return words
}

// place reports whether a one-word name is a listed country, city or
// region and no first name.
func (r *Resolver) place(name string) bool {
	bits := r.lists[listKey(name)]
	return bits&(listCountry|listCity|listRegion) != 0 && bits&listFirstName == 0
}

// hasSense reports whether typ is one of the senses.
func hasSense(ss []Sense, typ string) bool {
	for _, s := range ss {
		if s.Type == typ {
			return true
		}
	}
	return false
}
