package ner

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestDecide checks the archive's decisions: each mention's entity by its
// tagged type, short person names joined to full ones, and the same
// decisions whatever the order of the evidence.
func TestDecide(t *testing.T) {
	r := testResolver()
	r.lists["cardiff"] = listCity
	r.role = func(w string) bool { return w == "chancellor" || w == "prime" || w == "minister" }
	evs := []Evidence{
		{Name: "Chancellor Gerhard Schroeder", Votes: map[string]float64{Person: 14}},
		{Name: "Prime Minister Tony Blair", Votes: map[string]float64{Person: 3}},
		{Name: "Cardiff", Votes: map[string]float64{Person: 20, Place: 8}},
		{Name: "London", Votes: map[string]float64{Person: 20}},
		{Name: "Jack London", Votes: map[string]float64{Person: 2}},
		{Name: "Lib Dem", Votes: map[string]float64{Person: 30}},
		{Name: "Lib Dems", Votes: map[string]float64{Person: 15, Org: 2}},
		{Name: "Wayne Rooney", Votes: map[string]float64{Person: 9}},
		{Name: "Wayne Rooneys", Votes: map[string]float64{Person: 1}},
		{Name: "Tony Blair", Votes: map[string]float64{Person: 40}},
		{Name: "Cherie Blair", Votes: map[string]float64{Person: 3}},
		{Name: "Blair", Votes: map[string]float64{Person: 30, Place: 2}},
		{Name: "Chancellor Gordon Brown", Votes: map[string]float64{Person: 5}},
		{Name: "Gordon Brown", Votes: map[string]float64{Person: 20}},
		{Name: "Brown", Votes: map[string]float64{Person: 9}},
		{Name: "Nick Brown", Votes: map[string]float64{Person: 9}},
		{Name: "Labour", Votes: map[string]float64{Person: 61, Place: 73, Org: 36}},
		{Name: "UK", Votes: map[string]float64{Org: 20, Place: 10}},
		{Name: "British", Votes: map[string]float64{Place: 50}},
		{Name: "Premier League", Votes: map[string]float64{Org: 12}},
	}
	tests := []struct {
		name, typ          string
		wantName, wantType string
	}{
		{"Blair", Person, "Tony Blair", Person}, // 40 of 43 articles of full names ending Blair
		{"Blair", Place, "Tony Blair", Person},  // a type that is no sense: the strongest sense
		{"Brown", Person, "Brown", Person},      // Gordon 20 and Nick 9: no 75% share
		{"Chancellor Gordon Brown", Person, "Gordon Brown", Person},
		{"Chancellor Gerhard Schroeder", Person, "Gerhard Schroeder", Person}, // a role, whatever the counts
		{"Prime Minister Tony Blair", Person, "Tony Blair", Person},
		{"Lib Dem", Person, "Lib Dem", Org}, // used in the plural too: a group
		{"Lib Dems", Person, "Lib Dems", Org},
		{"Wayne Rooney", Person, "Wayne Rooney", Person}, // one stray plural makes no group
		{"Cardiff", Person, "Cardiff", Place},            // a listed place no person of the archive is named after
		{"London", Person, "Jack London", Person},        // a person of the archive has it: no place
		{"Gordon Brown", Person, "Gordon Brown", Person}, // a two-word name is never linked
		{"Labour", Person, "Labour", Place},              // PERSON 61 is no second sense: no list gives it
		{"Labour", Org, "Labour", Place},
		{"UK", Org, "UK", Place},
		{"British", Place, "British", Misc}, // a nationality: an other name
		{"Premier League", Org, "Premier League", Misc},
		{"Unknown", Org, "Unknown", Org}, // no evidence: as tagged
	}
	want := r.Decide(evs)
	for _, tt := range tests {
		name, typ := want[tt.name].To(tt.typ)
		if tt.name == "Unknown" {
			name, typ = Decision{Name: tt.name}.To(tt.typ)
		}
		if name != tt.wantName || typ != tt.wantType {
			t.Errorf("%s tagged %s -> %s %q, want %s %q", tt.name, tt.typ, typ, name, tt.wantType, tt.wantName)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := append([]Evidence(nil), evs...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := r.Decide(shuffled); !reflect.DeepEqual(got, want) {
			t.Fatalf("decisions depend on the order of the evidence:\n%v\n%v", got, want)
		}
	}
}
