package tagging_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
)

// TestArchiveResolution tags articles one at a time (each a batch of its
// own; the archive is re-decided when the queue empties, without
// `newsarchive resolve`) and checks that a country the tagger calls an
// organisation is the place, and a surname alone in an article joins the
// full name the archive knows.
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
	if e := entityNamed(t, a, "UK"); e.Type != store.TypeOrg || e.Articles != 2 {
		t.Errorf("UK after the correction: %s in %d articles, want ORG in 2", e.Type, e.Articles)
	}
}

// TestArchiveCues checks that a cue in one article ("rock band Franz
// Ferdinand", saved as the mention's tag_cue) decides the name's type in
// the articles where the tagger saw a person.
func TestArchiveCues(t *testing.T) {
	a := apptest.Open(t)
	texts := []string{
		"Franz Ferdinand won the award on Tuesday night in London.",
		"Franz Ferdinand will tour America next year, reporters were told.",
		"Critics in Glasgow praised Franz Ferdinand on Monday.",
		"The rock band Franz Ferdinand played in Glasgow on Friday.",
	}
	for i, s := range texts {
		importText(t, a, fmt.Sprintf("c%d.txt", i), []byte(fmt.Sprintf("Report %d\n\n%s\n", i, s)))
	}
	if e := entityNamed(t, a, "Franz Ferdinand"); e.Type != store.TypeOrg || e.Articles != len(texts) {
		t.Errorf("Franz Ferdinand: %s in %d articles, want ORG in %d", e.Type, e.Articles, len(texts))
	}
}

// TestResolutionOrderFree tags the same articles into three archives, one
// at a time in two orders and all in one batch, and checks that every
// article ends with the same entities: the archive's decision is a
// function of the evidence, not of the order of the batches.
func TestResolutionOrderFree(t *testing.T) {
	texts := []string{
		"Blair told reporters the election would be held soon. Labour said it agreed.",
		"Prime Minister Tony Blair spoke in London on Monday. Blair said Labour was strong.",
		"Tony Blair met business leaders in Manchester with Gordon Brown.",
		"Brown said the UK economy was growing. Labour welcomed the figures.",
		"Chelsea beat Newcastle 2-0. Chelsea manager Jose Mourinho praised Lampard.",
		"Mourinho said Chelsea would win the league. Lampard scored in London.",
	}
	orders := map[string][]int{"forward": {0, 1, 2, 3, 4, 5}, "backward": {5, 4, 3, 2, 1, 0}}
	var want map[string][]string
	var wantFrom string
	check := func(how string, got map[string][]string) {
		t.Helper()
		if want == nil {
			want, wantFrom = got, how
			return
		}
		for title, ents := range want {
			if strings.Join(got[title], "; ") != strings.Join(ents, "; ") {
				t.Errorf("%s: %s has %q; %s: %q", how, title, got[title], wantFrom, ents)
			}
		}
	}
	for _, how := range []string{"forward", "backward"} {
		a := apptest.Open(t)
		for _, i := range orders[how] {
			importText(t, a, fmt.Sprintf("a%d.txt", i), []byte(fmt.Sprintf("Report %d\n\n%s\n", i, texts[i])))
		}
		check(how, titledEntities(t, a))
	}
	a := apptest.Open(t)
	dir := t.TempDir()
	var paths []string
	for i, s := range texts {
		p := filepath.Join(dir, fmt.Sprintf("a%d.txt", i))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("Report %d\n\n%s\n", i, s)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	ctx := context.Background()
	if _, err := a.Importer.Import(ctx, paths, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	check("one batch", titledEntities(t, a))
	if got := want["Report 0"]; !slices.Contains(got, "PERSON Tony Blair") {
		t.Errorf("Report 0 entities %q: the surname alone should join Tony Blair", got)
	}
}

// titledEntities returns each article's entities ("TYPE name", sorted) by
// its title.
func titledEntities(t *testing.T, a *apptest.Archive) map[string][]string {
	t.Helper()
	list, err := a.Store.Articles(context.Background(), store.SortID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, l := range list {
		out[l.Title] = entitySet(t, a, l.ID)
	}
	if len(out) == 0 {
		t.Fatal("no article")
	}
	return out
}
