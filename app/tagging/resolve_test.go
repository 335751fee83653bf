package tagging_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
)

// TestArchiveResolution tags articles one at a time (each a batch of its
// own), re-decides the archive's names (newsarchive resolve) and checks
// that a country the tagger calls an organisation is the place, and a
// surname alone in an article joins the full name the archive knows.
func TestArchiveResolution(t *testing.T) {
	ctx := context.Background()
	a := apptest.Open(t)
	texts := []string{
		"Blair told reporters the election would be held soon.",
		"Prime Minister Tony Blair spoke in London on Monday. Blair said the economy was strong.",
		"Tony Blair met business leaders in Manchester.",
		"The UK said on Monday it would raise interest rates.",
	}
	var ids []int64
	for i, s := range texts {
		ids = append(ids, importText(t, a, fmt.Sprintf("a%d.txt", i), []byte(fmt.Sprintf("Report %d\n\n%s\n", i, s))))
	}
	if err := a.Tagging.ResolveEntities(ctx); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, wantName, wantType string
		articles                 int
	}{
		{"Blair", "Tony Blair", store.TypePerson, 3}, // the first article, tagged before any full name, joins too
		{"UK", "UK", store.TypePlace, 1},
		{"London", "London", store.TypePlace, 1},
	}
	for _, tt := range tests {
		e := entityNamed(t, a, tt.name)
		if e.Name != tt.wantName || e.Type != tt.wantType || e.Articles != tt.articles {
			t.Errorf("%s: got %s %q in %d articles, want %s %q in %d", tt.name, e.Type, e.Name, e.Articles,
				tt.wantType, tt.wantName, tt.articles)
		}
	}
	for _, typ := range []string{store.TypeOrg, store.TypePerson} {
		es, err := a.Tagging.Entities(ctx, typ, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			if e.Name == "UK" || e.Name == "Blair" {
				t.Errorf("%s list still holds %q", typ, e.Name)
			}
		}
	}
	if got := entitySet(t, a, ids[0]); len(got) != 1 || got[0] != "PERSON Tony Blair" {
		t.Errorf("first article's entities = %v, want [PERSON Tony Blair]", got)
	}
	// A user's correction wins over the votes, now and for later taggings.
	uk := entityNamed(t, a, "UK")
	if err := a.Tagging.RetypeEntity(ctx, uk.ID, store.TypeOrg); err != nil {
		t.Fatal(err)
	}
	importText(t, a, "a4.txt", []byte("Report 4\n\nThe UK said on Tuesday it would cut taxes for small firms.\n"))
	if err := a.Tagging.ResolveEntities(ctx); err != nil {
		t.Fatal(err)
	}
	if e := entityNamed(t, a, "UK"); e.Type != store.TypeOrg || e.Articles != 2 {
		t.Errorf("UK after the correction: %s in %d articles, want ORG in 2", e.Type, e.Articles)
	}
}
