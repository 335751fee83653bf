package store

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"
	"time"
)

// tagArticles creates one article per mention list and saves the mentions
// as a tagger's (name, type) with the text equal to the name; it returns
// the article ids.
func tagArticles(t *testing.T, s *Store, docs [][]EntityKey) []int64 {
	t.Helper()
	arts := make([]Article, len(docs))
	for i, d := range docs {
		body := ""
		for _, k := range d {
			body += k.Name + " said so. "
		}
		arts[i] = newArticle(fmt.Sprintf("Doc %d", i), body)
	}
	ids := mustCreate(t, s, arts...)
	jobs := mustClaim(t, s, "w", len(docs), time.Hour)
	results := make([]Tagged, len(jobs))
	for i, j := range jobs {
		r := Tagged{ArticleID: j.ArticleID, Model: "test"}
		at := 0
		for _, k := range docs[i] {
			r.Mentions = append(r.Mentions, Mention{Start: at, End: at + len(k.Name), Text: k.Name, Name: k.Name, Type: k.Type})
			at += len(k.Name + " said so. ")
		}
		results[i] = r
	}
	if _, err := s.SaveClaimed(context.Background(), "w", results); err != nil {
		t.Fatal(err)
	}
	return ids
}

// listed returns the archive's entities as "TYPE name articles" lines.
func listed(t *testing.T, s *Store) []string {
	t.Helper()
	es, err := s.Entities(context.Background(), "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %s %d", e.Type, e.Name, e.Articles))
	}
	sort.Strings(out)
	return out
}

func TestNameEvidenceAndResolveNames(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	lab := func(typ string) EntityKey { return EntityKey{"Labour", typ} }
	blair := EntityKey{"Blair", TypePerson}
	tony := EntityKey{"Tony Blair", TypePerson}
	tagArticles(t, s, [][]EntityKey{
		{lab(TypeOrg), lab(TypeOrg), lab(TypePerson), tony}, // majority ORG
		{lab(TypePlace), blair},
		{lab(TypeOrg), tony, blair},
		{lab(TypePerson), lab(TypePlace)}, // tie: PERSON comes first
	})
	ev, err := s.NameEvidence(ctx, []string{"Labour", "Blair", "Nobody"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want map[string]float64
	}{
		{"Labour", map[string]float64{TypeOrg: 2, TypePlace: 1, TypePerson: 1}},
		{"Blair", map[string]float64{TypePerson: 2}},
		{"Nobody", map[string]float64{}},
	}
	for _, tt := range tests {
		if got := ev[tt.name].Votes; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("votes for %s = %v, want %v", tt.name, got, tt.want)
		}
	}
	full, err := s.PersonNamesWith(ctx, "Blair")
	if err != nil || !reflect.DeepEqual(full, map[string]int{"Tony Blair": 2}) {
		t.Errorf("PersonNamesWith(Blair) = %v, %v", full, err)
	}
	if full, err := s.PersonNamesWith(ctx, "Bla%"); err != nil || len(full) != 0 {
		t.Errorf("PersonNamesWith(Bla%%) = %v, %v: the pattern must be escaped", full, err)
	}

	org := lab(TypeOrg)
	changed, err := s.ResolveNames(ctx, []NameResolution{
		{Name: "Labour", To: map[string]EntityKey{TypeOrg: org, TypePerson: org, TypePlace: org}},
		{Name: "Blair", To: map[string]EntityKey{TypePerson: tony}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) == 0 {
		t.Error("ResolveNames reported no changed entity")
	}
	want := []string{"ORG Labour 4", "PERSON Tony Blair 3"}
	if got := listed(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after resolution: %v, want %v", got, want)
	}
	e, err := s.EntityByName(ctx, "Blair")
	if err != nil || e.Name != "Tony Blair" {
		t.Errorf("EntityByName(Blair) = %+v, %v: the short name should be an alias of the full one", e, err)
	}
	// The evidence survives the move: it is what the tagger said.
	ev, err = s.NameEvidence(ctx, []string{"Labour"})
	if err != nil || ev["Labour"].Votes[TypePlace] != 1 {
		t.Errorf("evidence after the move: %v, %v", ev["Labour"], err)
	}
	// A second run changes nothing.
	if changed, err := s.ResolveNames(ctx, []NameResolution{
		{Name: "Labour", To: map[string]EntityKey{TypeOrg: org, TypePerson: org, TypePlace: org}},
	}); err != nil || len(changed) != 0 {
		t.Errorf("second resolution changed %v, %v", changed, err)
	}
}

func TestResolveNamesLeavesConfirmedEntities(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	tagArticles(t, s, [][]EntityKey{{{"Chelsea", TypePerson}}, {{"Chelsea", TypePlace}}, {{"Chelsea", TypePlace}}})
	ids, err := s.EntityIDsByName(ctx, "Chelsea")
	if err != nil {
		t.Fatal(err)
	}
	var person int64
	for _, id := range ids {
		if e, _ := s.Entity(ctx, id); e.Type == TypePerson {
			person = id
		}
	}
	if err := s.RetypeEntity(ctx, person, TypeOrg); err != nil {
		t.Fatal(err)
	}
	ev, err := s.NameEvidence(ctx, []string{"Chelsea"})
	if err != nil || ev["Chelsea"].Confirmed != TypeOrg {
		t.Fatalf("confirmed type = %q, %v; want ORG", ev["Chelsea"].Confirmed, err)
	}
	// A resolution that would send every mention to the place moves only
	// the unconfirmed ones.
	place := EntityKey{"Chelsea", TypePlace}
	if _, err := s.ResolveNames(ctx, []NameResolution{{Name: "Chelsea",
		To: map[string]EntityKey{TypePerson: place, TypePlace: place, TypeOrg: place}}}); err != nil {
		t.Fatal(err)
	}
	want := []string{"ORG Chelsea 1", "PLACE Chelsea 2"}
	if got := listed(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after resolution: %v, want %v", got, want)
	}
	names, err := s.TaggedNames(ctx)
	if err != nil || !reflect.DeepEqual(names, []string{"Chelsea"}) {
		t.Errorf("TaggedNames = %v, %v", names, err)
	}
}
