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
	return tagTitled(t, s, "Doc", docs)
}

// tagTitled is tagArticles with the articles titled prefix and a number.
func tagTitled(t *testing.T, s *Store, prefix string, docs [][]EntityKey) []int64 {
	t.Helper()
	arts := make([]Article, len(docs))
	for i, d := range docs {
		body := ""
		for _, k := range d {
			body += k.Name + " said so. "
		}
		arts[i] = newArticle(fmt.Sprintf("%s %d", prefix, i), body)
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

// resolveWith runs ResolveArchive with a decision made from fixed
// resolutions, and returns the evidence decide was given, by name.
func resolveWith(t *testing.T, s *Store, res ...NameResolution) (map[string]NameEvidence, []int64) {
	t.Helper()
	got := map[string]NameEvidence{}
	changed, err := s.ResolveArchive(context.Background(), func(evs []NameEvidence) []NameResolution {
		for _, ev := range evs {
			got[ev.Name] = ev
		}
		return res
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, changed
}

func TestResolveArchive(t *testing.T) {
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
	org := lab(TypeOrg)
	ev, changed := resolveWith(t, s,
		NameResolution{Name: "Labour", To: map[string]EntityKey{TypeOrg: org, TypePerson: org, TypePlace: org}},
		NameResolution{Name: "Blair", To: map[string]EntityKey{TypePerson: tony}})
	tests := []struct {
		name string
		want map[string]float64
	}{
		{"Labour", map[string]float64{TypeOrg: 2, TypePlace: 1, TypePerson: 1}},
		{"Blair", map[string]float64{TypePerson: 2}},
		{"Tony Blair", map[string]float64{TypePerson: 2}},
	}
	for _, tt := range tests {
		if got := ev[tt.name].Votes; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("votes for %s = %v, want %v", tt.name, got, tt.want)
		}
	}
	if len(ev) != len(tests) {
		t.Errorf("evidence for %d names, want %d: %v", len(ev), len(tests), ev)
	}
	if len(changed) == 0 {
		t.Error("ResolveArchive reported no changed entity")
	}
	want := []string{"ORG Labour 4", "PERSON Tony Blair 3"}
	if got := listed(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after resolution: %v, want %v", got, want)
	}
	e, err := s.EntityByName(ctx, "Blair")
	if err != nil || e.Name != "Tony Blair" {
		t.Errorf("EntityByName(Blair) = %+v, %v: the short name should be an alias of the full one", e, err)
	}
	// The evidence survives the move: it is what the tagger said; the
	// same decision again changes nothing.
	ev, changed = resolveWith(t, s,
		NameResolution{Name: "Labour", To: map[string]EntityKey{TypeOrg: org, TypePerson: org, TypePlace: org}},
		NameResolution{Name: "Blair", To: map[string]EntityKey{TypePerson: tony}})
	if ev["Labour"].Votes[TypePlace] != 1 || ev["Blair"].Votes[TypePerson] != 2 {
		t.Errorf("evidence after the move: %v", ev)
	}
	if len(changed) != 0 {
		t.Errorf("second resolution changed %v", changed)
	}
	// A decision that sends everything back puts every mention back where
	// the tagger had it: where mentions are depends on the decision only.
	back := []NameResolution{{Name: "Labour", To: map[string]EntityKey{TypeOrg: org, TypePerson: lab(TypePerson), TypePlace: lab(TypePlace)}},
		{Name: "Blair", To: map[string]EntityKey{TypePerson: blair}}}
	resolveWith(t, s, back...)
	want = []string{"ORG Labour 2", "PERSON Blair 2", "PERSON Labour 2", "PERSON Tony Blair 2", "PLACE Labour 2"}
	if got := listed(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after resolving back: %v, want %v", got, want)
	}
}

func TestResolveArchiveLeavesConfirmedEntities(t *testing.T) {
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
	// A resolution that would send every mention to the place moves only
	// the unconfirmed ones.
	place := EntityKey{"Chelsea", TypePlace}
	ev, _ := resolveWith(t, s, NameResolution{Name: "Chelsea",
		To: map[string]EntityKey{TypePerson: place, TypePlace: place, TypeOrg: place}})
	if ev["Chelsea"].Confirmed != TypeOrg {
		t.Errorf("confirmed type = %q, want ORG", ev["Chelsea"].Confirmed)
	}
	want := []string{"ORG Chelsea 1", "PLACE Chelsea 2"}
	if got := listed(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after resolution: %v, want %v", got, want)
	}
}

// TestResolveArchiveOutOfOrder adds a mention to an article after another
// article was saved (a user's added entity): the evidence still gives that
// article one vote.
func TestResolveArchiveOutOfOrder(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids := mustCreate(t, s, newArticle("One", "Xeno said so. Xeno said so."), newArticle("Two", "Xeno said so."))
	jobs := mustClaim(t, s, "w", 2, time.Hour)
	results := make([]Tagged, len(jobs))
	for i, j := range jobs {
		typ := TypeOrg
		if j.ArticleID == ids[1] {
			typ = TypePlace
		}
		results[i] = Tagged{ArticleID: j.ArticleID, Model: "test",
			Mentions: []Mention{{Start: 0, End: 4, Text: "Xeno", Name: "Xeno", Type: typ}}}
	}
	if _, err := s.SaveClaimed(ctx, "w", results); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddEntity(ctx, "Xeno", TypePerson, ids[0]); err != nil { // the second "Xeno" of One
		t.Fatal(err)
	}
	ev, _ := resolveWith(t, s)
	// One: ORG and PERSON once each (a tie: ORG); Two: PLACE.
	want := map[string]float64{TypeOrg: 1, TypePlace: 1}
	if got := ev["Xeno"]; !reflect.DeepEqual(got.Votes, want) || got.Confirmed != TypePerson {
		t.Errorf("evidence for Xeno = %+v, want votes %v and confirmed PERSON", got, want)
	}
}

// TestResolveArchiveCues checks that the cue the tagger gave a mention
// (Mention.Cue, mentions.tag_cue) reaches the evidence: each cue counted
// once per article, whatever the number of mentions carrying it.
func TestResolveArchiveCues(t *testing.T) {
	s := openTest(t)
	type m struct{ name, typ, cue string }
	docs := [][]m{
		{{"Franz Ferdinand", TypeOrg, TypeOrg}, {"Franz Ferdinand", TypeOrg, TypeOrg}},
		{{"Franz Ferdinand", TypePerson, ""}, {"Glasgow", TypePlace, TypePlace}},
		{{"Franz Ferdinand", TypePerson, TypePerson}, {"Franz Ferdinand", TypePerson, TypeOrg}},
		{{"Glasgow", TypePlace, ""}},
	}
	arts := make([]Article, len(docs))
	for i, d := range docs {
		body := ""
		for _, k := range d {
			body += k.name + " said so. "
		}
		arts[i] = newArticle(fmt.Sprintf("Cue %d", i), body)
	}
	mustCreate(t, s, arts...)
	jobs := mustClaim(t, s, "w", len(docs), time.Hour)
	results := make([]Tagged, len(jobs))
	for i, j := range jobs {
		results[i] = Tagged{ArticleID: j.ArticleID, Model: "test"}
		at := 0
		for _, d := range docs[i] {
			results[i].Mentions = append(results[i].Mentions, Mention{Start: at, End: at + len(d.name), Text: d.name,
				Name: d.name, Type: d.typ, Cue: d.cue})
			at += len(d.name + " said so. ")
		}
	}
	if _, err := s.SaveClaimed(context.Background(), "w", results); err != nil {
		t.Fatal(err)
	}
	ev, _ := resolveWith(t, s)
	tests := []struct {
		name string
		want map[string]float64
	}{
		{"Franz Ferdinand", map[string]float64{TypeOrg: 2, TypePerson: 1}},
		{"Glasgow", map[string]float64{TypePlace: 1}},
	}
	for _, tt := range tests {
		if got := ev[tt.name].Cues; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("cues for %s = %v, want %v", tt.name, got, tt.want)
		}
	}
}
