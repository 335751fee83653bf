package workbench

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/store"
)

// MaxNameLen is the longest collection or watch name, in characters.
const MaxNameLen = 100

// normalizeName trims a name and collapses its inner white space.
func normalizeName(kind, name string) (string, error) {
	n := strings.Join(strings.Fields(name), " ")
	switch {
	case n == "":
		return "", fmt.Errorf("%w: a %s needs a name", ErrBadInput, kind)
	case utf8.RuneCountInString(n) > MaxNameLen:
		return "", fmt.Errorf("%w: %s name %q is longer than %d characters", ErrBadInput, kind, n, MaxNameLen)
	case strings.ContainsFunc(n, unicode.IsControl):
		return "", fmt.Errorf("%w: %s name %q has control characters", ErrBadInput, kind, n)
	}
	return n, nil
}

// NewCollection is a collection to make; with Query set it is made from
// that search with its filters, every article the search matches now
// added and the search recorded.
type NewCollection struct {
	Name        string
	Description string
	Query       string
	Filters     SearchFilters
}

// CollectionView is a collection with its articles, in the order added,
// and its recorded search's filters.
type CollectionView struct {
	store.Collection
	Filters  SearchFilters
	Articles []store.CollectionMember
}

// CreateCollection makes a collection and returns it; a name already used
// (ignoring case) is an error wrapping store.ErrNameTaken.
func (s *Service) CreateCollection(ctx context.Context, n NewCollection) (CollectionView, error) {
	name, err := normalizeName("collection", n.Name)
	if err != nil {
		return CollectionView{}, err
	}
	c := store.Collection{Name: name, Description: strings.TrimSpace(n.Description)}
	var ids []int64
	if strings.TrimSpace(n.Query) != "" {
		hits, err := s.allHits(ctx, n.Query, n.Filters)
		if err != nil {
			return CollectionView{}, fmt.Errorf("collection %q: %w", name, err)
		}
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		c.SearchQuery, c.SearchFilters, c.SearchAt = strings.TrimSpace(n.Query), n.Filters.encode(), time.Now()
	}
	id, err := s.st.CreateCollection(ctx, c)
	if err != nil {
		return CollectionView{}, err
	}
	if len(ids) > 0 {
		if _, err := s.st.AddToCollection(ctx, id, ids, time.Now()); err != nil {
			return CollectionView{}, err
		}
	}
	return s.Collection(ctx, name)
}

// Collections returns every collection with its article count, by name.
func (s *Service) Collections(ctx context.Context) ([]store.Collection, error) {
	return s.st.Collections(ctx)
}

// Collection returns a collection by name (any case) with its articles;
// an error wrapping store.ErrNotFound when there is none.
func (s *Service) Collection(ctx context.Context, name string) (CollectionView, error) {
	c, err := s.st.CollectionByName(ctx, strings.Join(strings.Fields(name), " "))
	if err != nil {
		return CollectionView{}, err
	}
	v := CollectionView{Collection: c}
	if v.Filters, err = decodeFilters(c.SearchFilters); err != nil {
		return CollectionView{}, err
	}
	if v.Articles, err = s.st.CollectionMembers(ctx, c.ID); err != nil {
		return CollectionView{}, err
	}
	return v, nil
}

// CollectionIDs returns the ids of a collection's articles.
func (s *Service) CollectionIDs(ctx context.Context, name string) ([]int64, error) {
	v, err := s.Collection(ctx, name)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(v.Articles))
	for i, m := range v.Articles {
		ids[i] = m.ID
	}
	return ids, nil
}

// AddToCollection adds articles to a collection and returns how many were
// not in it yet; a missing article adds none and is an error wrapping
// store.ErrNotFound.
func (s *Service) AddToCollection(ctx context.Context, name string, ids ...int64) (int, error) {
	c, err := s.st.CollectionByName(ctx, strings.Join(strings.Fields(name), " "))
	if err != nil {
		return 0, err
	}
	return s.st.AddToCollection(ctx, c.ID, ids, time.Now())
}

// RemoveFromCollection takes articles out of a collection and returns how
// many were in it.
func (s *Service) RemoveFromCollection(ctx context.Context, name string, ids ...int64) (int, error) {
	c, err := s.st.CollectionByName(ctx, strings.Join(strings.Fields(name), " "))
	if err != nil {
		return 0, err
	}
	return s.st.RemoveFromCollection(ctx, c.ID, ids)
}

// RenameCollection renames a collection.
func (s *Service) RenameCollection(ctx context.Context, old, name string) error {
	c, err := s.st.CollectionByName(ctx, strings.Join(strings.Fields(old), " "))
	if err != nil {
		return err
	}
	n, err := normalizeName("collection", name)
	if err != nil {
		return err
	}
	return s.st.RenameCollection(ctx, c.ID, n)
}

// DeleteCollection deletes a collection, not its articles.
func (s *Service) DeleteCollection(ctx context.Context, name string) error {
	c, err := s.st.CollectionByName(ctx, strings.Join(strings.Fields(name), " "))
	if err != nil {
		return err
	}
	return s.st.DeleteCollection(ctx, c.ID)
}
