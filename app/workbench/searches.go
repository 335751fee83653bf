package workbench

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// SearchFilters are the filters of a recorded search (a collection made
// from one, a watch), as search.Options has them; stored as JSON.
type SearchFilters struct {
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Source string `json:"source,omitempty"`
	Entity string `json:"entity,omitempty"`
	Type   string `json:"type,omitempty"`
}

func (f SearchFilters) options() search.Options {
	return search.Options{From: f.From, To: f.To, Source: f.Source, Entity: f.Entity, Type: f.Type}
}

func (f SearchFilters) encode() string {
	if f == (SearchFilters{}) {
		return ""
	}
	b, _ := json.Marshal(f)
	return string(b)
}

func decodeFilters(s string) (SearchFilters, error) {
	var f SearchFilters
	if strings.TrimSpace(s) == "" {
		return f, nil
	}
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		return f, fmt.Errorf("stored search filters %q: %w", s, err)
	}
	return f, nil
}

// maxSearchHits bounds how many articles a recorded search collects.
const maxSearchHits = 100_000

// allHits runs a search and returns every article it matches (up to
// maxSearchHits), newest first.
func (s *Service) allHits(ctx context.Context, query string, f SearchFilters) ([]store.SearchHit, error) {
	opt := f.options()
	opt.Sort, opt.Limit = store.ByDate, 500
	var out []store.SearchHit
	seen := map[int64]bool{}
	for len(out) < maxSearchHits {
		res, err := s.search.Search(ctx, query, opt)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			if !seen[h.ID] {
				seen[h.ID] = true
				out = append(out, h)
			}
		}
		if len(res.Hits) < opt.Limit {
			break
		}
		opt.Offset += len(res.Hits)
	}
	return out, nil
}
