package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// TestCounts checks each count against the listing it stands for: an
// empty archive counts nothing; after an import, tagging, tags, a
// highlight and a collection, each count is the number of rows its view
// lists.
func TestCounts(t *testing.T) {
	ctx := context.Background()
	a := apptest.Open(t)
	if c, err := a.Counts(ctx); err != nil || c != (app.Counts{}) {
		t.Fatalf("empty archive: Counts = %+v, %v; want zeros", c, err)
	}
	apptest.BuildArchive(t, a, apptest.FixtureFiles(t))
	body, err := a.Store.Article(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	quote := strings.Fields(body.Body)[:4]
	if _, err := a.Workbench.AddHighlight(ctx, workbench.NewHighlight{ArticleID: 1, Quote: strings.Join(quote, " ")}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Workbench.CreateCollection(ctx, workbench.NewCollection{Name: "reading"}); err != nil {
		t.Fatal(err)
	}

	got, err := a.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	entities := func(typ string) int {
		es, err := a.Store.Entities(ctx, typ, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	articles, err := a.Search.ArticleCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sources, err := a.Store.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tags, err := a.Store.Tags(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	hs, err := a.Workbench.Highlights(ctx, workbench.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := a.Workbench.Collections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := app.Counts{Articles: articles, People: entities(store.TypePerson), Organisations: entities(store.TypeOrg),
		Places: entities(store.TypePlace), Sources: len(sources), Tags: len(tags), Highlights: len(hs), Collections: len(cs)}
	if got != want {
		t.Errorf("Counts = %+v; the listings have %+v", got, want)
	}
	if got.Articles < 3 || got.People == 0 || got.Organisations == 0 || got.Places == 0 || got.Sources == 0 ||
		got.Tags != 2 || got.Highlights != 1 || got.Collections != 1 {
		t.Errorf("Counts = %+v; want articles, entities of each type and sources, 2 tags, 1 highlight, 1 collection", got)
	}
}
