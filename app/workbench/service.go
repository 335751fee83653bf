// Package workbench is the researcher's workbench over an archive:
// highlights (marked passages with a colour, a note and tags, anchored so
// that they survive re-extraction), collections (named sets of articles,
// possibly made from a search) and watches (saved searches that count the
// articles new since they were last opened).
package workbench

import (
	"context"
	"fmt"
	"strconv"

	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// Service reads and writes highlights, collections and watches in one
// open archive; it runs searches through the search service.
type Service struct {
	st     *store.Store
	search *search.Service
}

// New returns the workbench of an open archive.
func New(st *store.Store, sr *search.Service) *Service { return &Service{st: st, search: sr} }

// entityIDs resolves an entity given by id or by name or alias; a name
// matching none gives an empty list (no results).
func (s *Service) entityIDs(ctx context.Context, ref string) ([]int64, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return []int64{id}, nil
	}
	ids, err := s.st.EntityIDsByName(ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", ref, err)
	}
	if ids == nil {
		ids = []int64{}
	}
	return ids, nil
}
