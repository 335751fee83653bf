package search_test

import (
	"context"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/store"
)

// TestLookupDescribed finds two articles of the same title and tells them
// apart by source and date, and describes an entity and a source.
func TestLookupDescribed(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	dir := t.TempDir()
	apptest.WriteFile(t, dir, "a.html", []byte(`<html><head><title>Smith keen on Home series return</title>
<meta property="og:site_name" content="BBC Sport"><meta property="article:published_time" content="2005-03-12T09:00:00Z">
</head><body><article><h1>Smith keen on Home series return</h1><p>Graeme Smith wants the series back, he told reporters in Cape Town on Saturday.</p></article></body></html>`))
	apptest.WriteFile(t, dir, "b.html", []byte(`<html><head><title>Smith keen on Home series return</title>
<meta property="og:site_name" content="The Times"><meta property="article:published_time" content="2006-07-01T09:00:00Z">
</head><body><article><h1>Smith keen on Home series return</h1><p>A different story about a different Smith and a home series, written a year later.</p></article></body></html>`))
	if _, err := a.Importer.Import(ctx, []string{dir}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	ent, err := a.Tagging.AddEntity(ctx, "Graeme Smith", store.TypePerson, 0)
	if err != nil {
		t.Fatal(err)
	}
	found, err := a.Search.LookupDescribed(ctx, "smith keen home", lookup.KindTitle, 10)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range found {
		got[f.Source] = f.Published
	}
	if len(found) != 2 || got["BBC Sport"][:10] != "2005-03-12" || got["The Times"][:10] != "2006-07-01" {
		t.Fatalf("found %+v; want the two articles told apart by source and date", found)
	}
	tests := []struct {
		query string
		kind  lookup.Kind
		check func(f []foundView) bool
	}{
		{"graeme smith", lookup.KindEntity, func(f []foundView) bool {
			return len(f) > 0 && f[0].id == ent && f[0].typ == store.TypePerson
		}},
		{"bbc sport", lookup.KindSource, func(f []foundView) bool {
			return len(f) == 1 && f[0].text == "BBC Sport" && f[0].articles == 1
		}},
	}
	for _, tt := range tests {
		found, err := a.Search.LookupDescribed(ctx, tt.query, tt.kind, 5)
		if err != nil {
			t.Fatal(err)
		}
		var v []foundView
		for _, f := range found {
			v = append(v, foundView{f.ID, f.Text, f.Type, f.Articles})
		}
		if !tt.check(v) {
			t.Errorf("%q (%s): %+v", tt.query, tt.kind, v)
		}
	}
}

type foundView struct {
	id       int64
	text     string
	typ      string
	articles int
}
