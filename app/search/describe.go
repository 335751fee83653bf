package search

import (
	"context"
	"fmt"

	"github.com/newsarchive/newsarchive/app/lookup"
)

// Found is a lookup result with the particulars that tell it apart from
// others of the same text: an article's source and date, an entity's type,
// and how many articles an entity or a source has.
type Found struct {
	lookup.Result
	Type      string // an entity's type (store.TypePerson...)
	Source    string // an article's source
	Published string // an article's date, ISO 8601 ("" when undated)
	Articles  int    // an entity's or a source's articles
}

// Describe reads the particulars of lookup results, in their order; a
// result whose article or entity has gone since is left out.
func (a *Service) Describe(ctx context.Context, res []lookup.Result) ([]Found, error) {
	var arts, ents []int64
	for _, r := range res {
		switch r.Kind {
		case lookup.KindTitle:
			arts = append(arts, r.ID)
		case lookup.KindEntity:
			ents = append(ents, r.ID)
		}
	}
	listings, err := a.st.ArticleListings(ctx, arts)
	if err != nil {
		return nil, fmt.Errorf("describe lookup results: %w", err)
	}
	byArt := make(map[int64]int, len(listings))
	for i, l := range listings {
		byArt[l.ID] = i
	}
	byEnt, err := a.st.EntitySummaries(ctx, ents)
	if err != nil {
		return nil, fmt.Errorf("describe lookup results: %w", err)
	}
	out := make([]Found, 0, len(res))
	for _, r := range res {
		f := Found{Result: r}
		switch r.Kind {
		case lookup.KindTitle:
			i, ok := byArt[r.ID]
			if !ok {
				continue
			}
			f.Source, f.Published = listings[i].Source, listings[i].Published
		case lookup.KindEntity:
			e, ok := byEnt[r.ID]
			if !ok {
				continue
			}
			f.Type, f.Articles = e.Type, e.Articles
		case lookup.KindSource:
			f.Articles = a.names.sourceArticles(r.Text)
		}
		out = append(out, f)
	}
	return out, nil
}

// LookupDescribed is Lookup with each result's particulars (Describe).
func (a *Service) LookupDescribed(ctx context.Context, query string, kind lookup.Kind, limit int) ([]Found, error) {
	res, err := a.Lookup(ctx, query, kind, limit)
	if err != nil {
		return nil, err
	}
	return a.Describe(ctx, res)
}

// sourceArticles is how many articles the index has counted for a source.
func (n *names) sourceArticles(name string) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	if s := n.sources[name]; s != nil {
		return s.articles
	}
	return 0
}
