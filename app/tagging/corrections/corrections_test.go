package corrections

import (
	"slices"
	"testing"

	"github.com/newsarchive/newsarchive/store"
)

// rulesOf are the corrections of the tests, oldest first: JPMorgan renamed
// and then retyped, Dimon split from Jamie Dimon, U.S. merged into United
// States, London rejected in article 3, Bridge added everywhere and Thames
// in article 2, "the Fed" rejected and then added again.
var rulesOf = []store.Correction{
	{Kind: store.CorrRename, Name: "JPMorgan", Type: store.TypeOrg, Target: "JPMorgan Chase"},
	{Kind: store.CorrRetype, Name: "JPMorgan Chase", Type: store.TypeOrg, TargetType: "MISC"},
	{Kind: store.CorrMerge, Name: "Dimon", Type: store.TypePerson, Target: "Jamie Dimon", TargetType: store.TypePerson},
	{Kind: store.CorrSplit, Name: "Dimon", Type: store.TypePerson, Target: "Jamie Dimon", TargetType: store.TypePerson},
	{Kind: store.CorrMerge, Name: "U.S.", Type: store.TypePlace, Target: "United States", TargetType: store.TypePlace},
	{Kind: store.CorrReject, Name: "London", Type: store.TypePlace, ArticleID: 3},
	{Kind: store.CorrAdd, Name: "Bridge", Type: "MISC"},
	{Kind: store.CorrAdd, Name: "Thames", Type: store.TypePlace, ArticleID: 2},
	{Kind: store.CorrReject, Name: "the Fed", Type: store.TypeOrg},
	{Kind: store.CorrReject, Name: "Brexit", Type: "MISC"},
	{Kind: store.CorrAdd, Name: "The Fed", Type: store.TypeOrg},
	{Kind: "a later kind", Name: "Paris", Type: store.TypePlace, Target: "Lyon"},
}

func TestResolve(t *testing.T) {
	s := New(rulesOf)
	for _, tt := range []struct {
		name                string
		article             int64
		text, canonical, ty string
		wantName, wantType  string
		wantOK              bool
	}{
		{"renamed then retyped", 1, "JPMorgan", "", store.TypeOrg, "JPMorgan Chase", "MISC", true},
		{"case and spaces fold", 1, " jpmorgan ", "", store.TypeOrg, "JPMorgan Chase", "MISC", true},
		{"another type is another entity", 1, "JPMorgan", "", store.TypePerson, "JPMorgan", store.TypePerson, true},
		{"split after merge wins", 1, "Dimon", "Jamie Dimon", store.TypePerson, "Dimon", store.TypePerson, true},
		{"merged through its canonical name", 1, "US", "U.S.", store.TypePlace, "United States", store.TypePlace, true},
		{"rejected in its article", 3, "London", "", store.TypePlace, "", "", false},
		{"kept elsewhere", 2, "London", "", store.TypePlace, "London", store.TypePlace, true},
		{"rejected everywhere", 1, "Brexit", "", "MISC", "", "", false},
		{"rejected by its written text", 1, "Brexit", "EU exit", "MISC", "", "", false},
		{"added again after a reject", 1, "the Fed", "", store.TypeOrg, "the Fed", store.TypeOrg, true},
		{"unknown kind changes nothing", 1, "Paris", "", store.TypePlace, "Paris", store.TypePlace, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, ty, ok := s.Resolve(tt.article, tt.text, tt.canonical, tt.ty)
			if n != tt.wantName || ty != tt.wantType || ok != tt.wantOK {
				t.Errorf("Resolve = %q %q %v, want %q %q %v", n, ty, ok, tt.wantName, tt.wantType, tt.wantOK)
			}
		})
	}
	if got, want := s.Known(), []NameType{{"Bridge", "MISC"}, {"The Fed", store.TypeOrg}}; !slices.Equal(got, want) {
		t.Errorf("Known = %v, want %v", got, want)
	}
	if got, want := s.Rejected(), []string{"brexit"}; !slices.Equal(got, want) {
		t.Errorf("Rejected = %v, want %v", got, want)
	}
	if got, want := s.AddedIn(2), []NameType{{"Thames", store.TypePlace}}; !slices.Equal(got, want) {
		t.Errorf("AddedIn(2) = %v, want %v", got, want)
	}
}

// TestResolveLoop checks that renames that go round end.
func TestResolveLoop(t *testing.T) {
	s := New([]store.Correction{
		{Kind: store.CorrRename, Name: "A", Type: store.TypeOrg, Target: "B"},
		{Kind: store.CorrRename, Name: "B", Type: store.TypeOrg, Target: "A"},
	})
	if _, _, ok := s.Resolve(1, "A", "", store.TypeOrg); !ok {
		t.Error("a loop of renames rejected the name")
	}
}

func TestChange(t *testing.T) {
	for _, tt := range []struct {
		c    store.Correction
		want store.EntityChange
	}{
		{rulesOf[0], store.EntityChange{Op: store.ChangeMove, Name: "JPMorgan", Type: store.TypeOrg, ToName: "JPMorgan Chase", ToType: store.TypeOrg}},
		{rulesOf[1], store.EntityChange{Op: store.ChangeMove, Name: "JPMorgan Chase", Type: store.TypeOrg, ToName: "JPMorgan Chase", ToType: "MISC"}},
		{rulesOf[2], store.EntityChange{Op: store.ChangeMove, Name: "Dimon", Type: store.TypePerson, ToName: "Jamie Dimon", ToType: store.TypePerson}},
		{rulesOf[3], store.EntityChange{Op: store.ChangeSplit, Name: "Dimon", Type: store.TypePerson, FromName: "Jamie Dimon", FromType: store.TypePerson}},
		{rulesOf[5], store.EntityChange{Op: store.ChangeReject, Name: "London", Type: store.TypePlace, ArticleID: 3}},
		{rulesOf[7], store.EntityChange{Op: store.ChangeAdd, Name: "Thames", Type: store.TypePlace, ArticleID: 2}},
		{rulesOf[11], store.EntityChange{Op: store.ChangeNone, Name: "Paris", Type: store.TypePlace}},
	} {
		if got := Change(tt.c); got != tt.want {
			t.Errorf("Change(%s %q) = %+v, want %+v", tt.c.Kind, tt.c.Name, got, tt.want)
		}
	}
}
