package ner

import (
	"reflect"
	"testing"
)

func testResolver() *Resolver {
	lists := NameLists{"washington": listCity | listRegion | listFirstName, "london": listCity, "samsung": listCompany,
		"tony": listFirstName, "british": listDemonym, "bank": listOrgWord, "george": listFirstName, "uk": listCountry, "nokia": listCity | listCompany,
		"doris": listFirstName, "southampton": listCity | listRegion, "england": listCountry, "franz": listFirstName,
		"harry": listFirstName}
	return &Resolver{lists: lists, PriorWeight: 3, SecondShare: 0.3, SecondMin: 10, CueShare: 0.15}
}

func TestResolve(t *testing.T) {
	r := testResolver()
	tests := []struct {
		name string
		e    Evidence
		want []string
	}{
		{"majority", Evidence{Name: "Labour", Votes: map[string]float64{Person: 61, Place: 73, Org: 36}}, []string{Place}}, // no list makes it a person
		{"correction wins", Evidence{Name: "Labour", Votes: map[string]float64{Person: 61, Place: 73, Org: 36}, Correction: Org}, []string{Org}},
		{"weak second sense dropped", Evidence{Name: "Blairite", Votes: map[string]float64{Person: 30, Org: 4}}, []string{Person}},
		{"prior breaks a small vote", Evidence{Name: "Samsung", Votes: map[string]float64{Person: 2, Org: 1}}, []string{Org}},
		{"prior for places", Evidence{Name: "London", Votes: map[string]float64{Org: 2}}, []string{Place}},
		{"first name prior", Evidence{Name: "Tony Blair", Votes: map[string]float64{Org: 1, Person: 1}}, []string{Person}},
		{"org head word", Evidence{Name: "Royal Bank", Votes: map[string]float64{Place: 2, Org: 1}}, []string{Org}},
		{"two senses with strong evidence", Evidence{Name: "Washington", Votes: map[string]float64{Place: 80, Person: 40}}, []string{Place, Person}},
		{"second sense needs enough votes", Evidence{Name: "Washington", Votes: map[string]float64{Place: 8, Person: 6}}, []string{Place}},
		{"a country acting is the place", Evidence{Name: "UK", Votes: map[string]float64{Org: 427, Place: 300}}, []string{Place}},
		{"company over town", Evidence{Name: "Nokia", Votes: map[string]float64{Place: 2}}, []string{Org}},
		{"demonym is an other name", Evidence{Name: "British", Votes: map[string]float64{Place: 50}}, []string{Misc}},
		{"no votes", Evidence{Name: "Nothing"}, nil},
		{"competition", Evidence{Name: "Champions League", Votes: map[string]float64{Org: 40, Place: 3}}, []string{Misc}},
		{"election", Evidence{Name: "General Election", Votes: map[string]float64{Org: 12}}, []string{Misc}},
		{"the Olympics by a town", Evidence{Name: "Athens Olympics", Votes: map[string]float64{Place: 9}}, []string{Misc}},
		{"holiday", Evidence{Name: "Christmas", Votes: map[string]float64{Place: 30}}, []string{Misc}},
		{"a person named Day", Evidence{Name: "Doris Day", Votes: map[string]float64{Person: 3}}, []string{Person}},
		{"one word is no event", Evidence{Name: "Cup", Votes: map[string]float64{Org: 3}}, []string{Org}},
		{"correction over event", Evidence{Name: "World Cup", Votes: map[string]float64{Org: 3}, Correction: Org}, []string{Org}},
		// Cues (Evidence.Cues): strong evidence, per article, over the model's votes.
		{"a band cued in 3 of 19 articles", Evidence{Name: "Franz Ferdinand", Votes: map[string]float64{Person: 16, Org: 3}, Cues: map[string]float64{Org: 3}}, []string{Org}},
		{"a work cued in 5 of 15", Evidence{Name: "Harry Potter", Votes: map[string]float64{Person: 10, Misc: 5}, Cues: map[string]float64{Misc: 5}}, []string{Misc}},
		{"a club of a listed region", Evidence{Name: "Southampton", Votes: map[string]float64{Org: 11, Place: 1}, Cues: map[string]float64{Org: 4}}, []string{Org}},
		{"too few cued articles", Evidence{Name: "Anfield", Votes: map[string]float64{Place: 15, Org: 1}, Cues: map[string]float64{Org: 1}}, []string{Place}},
		{"cues on both sides", Evidence{Name: "Blues", Votes: map[string]float64{Person: 10, Org: 2}, Cues: map[string]float64{Org: 2, Person: 3}}, []string{Person}},
		{"person and place cues only defend", Evidence{Name: "Parliament", Votes: map[string]float64{Org: 20}, Cues: map[string]float64{Place: 15}}, []string{Org}},
		{"a country's team is the country", Evidence{Name: "England", Votes: map[string]float64{Place: 30, Org: 10}, Cues: map[string]float64{Org: 12}}, []string{Place}},
		{"a correction over cues", Evidence{Name: "Harry Potter", Votes: map[string]float64{Person: 10}, Cues: map[string]float64{Misc: 9}, Correction: Person}, []string{Person}},
		{"a common noun", Evidence{Name: "PC", Votes: map[string]float64{Org: 52}, Cues: map[string]float64{Common: 24, Place: 2}}, []string{Misc}},
		{"rarely a common noun", Evidence{Name: "BBC", Votes: map[string]float64{Org: 20}, Cues: map[string]float64{Common: 2}}, []string{Org}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range r.Resolve(tc.e) {
				got = append(got, s.Type)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Resolve(%s) = %v, want %v", tc.e.Name, got, tc.want)
			}
		})
	}
}

func TestLinker(t *testing.T) {
	p := func(names ...string) []Entity {
		var out []Entity
		for _, n := range names {
			out = append(out, Entity{Text: n, Type: Person, Canonical: n})
		}
		return out
	}
	l := NewLinker()
	for range 5 {
		l.Add(p("Tony Blair", "Gordon Brown"))
	}
	l.Add(p("Nick Brown"))
	l.Add(p("John Prescott"))
	l.Add(p("John Smith"))
	l.Add(append(p("Michael Howard"), Entity{Text: "Howard", Type: Person, Canonical: "Michael Howard"}))
	l.Add(p("Michael Howard"))
	l.AddName("Ken Livingstone", 3) // an archive's counts: three articles
	l.AddName("Gerhard Schroeder", 4)
	l.AddName("Chancellor Gerhard Schroeder", 1)
	l.AddName("Mary Jane Smith", 2)
	l.AddName("Jane Smith", 1)
	l.AddName("Bob Livingstone", 1)
	l.AddName("Madonna", 9) // one word: no full name
	tests := []struct {
		short, want string
		ok          bool
	}{
		{"Blair", "Tony Blair", true},
		{"Brown", "Gordon Brown", true}, // 5 of 6 articles
		{"Howard", "Michael Howard", true},
		{"Tony", "Tony Blair", true}, // the only Tony
		{"John", "", false},          // two Johns: a bare first name
		{"Prescott", "", false},      // one article only
		{"Smith Jones", "", false},
		{"Nobody", "", false},
		{"Livingstone", "Ken Livingstone", true}, // 3 of 4 articles
		{"Madonna", "", false},
		{"Chancellor Gerhard Schroeder", "Gerhard Schroeder", true}, // a role left in the name
		{"Mary Jane Smith", "", false},                              // the shorter name is rarer
	}
	for _, tc := range tests {
		got, ok := l.Link(tc.short)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Link(%q) = %q, %v; want %q, %v", tc.short, got, ok, tc.want, tc.ok)
		}
	}
}

func TestResolveLists(t *testing.T) {
	r := testResolver()
	docs := [][]Entity{
		{{Text: "Blair", Type: Person, Canonical: "Blair"}, {Text: "London", Type: Org, Canonical: "London"}},
		{{Text: "Tony Blair", Type: Person, Canonical: "Tony Blair"}, {Text: "London", Type: Place, Canonical: "London"}},
		{{Text: "Tony Blair", Type: Person, Canonical: "Tony Blair"}, {Text: "British", Type: Place, Canonical: "British"}},
	}
	got := ResolveLists(r, docs, 10)
	want := map[string][]ListRow{
		Person: {{Name: "Tony Blair", Articles: 3}},
		Place:  {{Name: "London", Articles: 2}},
		Misc:   {{Name: "British", Articles: 1}}, // a nationality leaves the three lists
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lists %v, want %v", got, want)
	}
}

// TestResolveListsCues checks that the cues of the articles reach the
// archive's decision: one article's "rock band Franz Ferdinand" moves the
// name's other articles, where the model saw a person, to the ORG list.
func TestResolveListsCues(t *testing.T) {
	r := testResolver()
	ff := func(typ, cue string) []Entity {
		return []Entity{{Text: "Franz Ferdinand", Type: typ, Canonical: "Franz Ferdinand", Cue: cue}}
	}
	docs := [][]Entity{ff(Org, Org), ff(Person, ""), ff(Person, ""), ff(Person, ""), ff(Person, Place)}
	got := ResolveLists(r, docs, 10)
	want := map[string][]ListRow{Org: {{Name: "Franz Ferdinand", Articles: 5}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lists %v, want %v", got, want)
	}
	docs[0] = ff(Person, "") // without the cue the model's votes decide
	got = ResolveLists(r, docs, 10)
	want = map[string][]ListRow{Person: {{Name: "Franz Ferdinand", Articles: 5}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lists without the cue %v, want %v", got, want)
	}
}
