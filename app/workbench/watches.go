package workbench

import (
	"context"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
	"github.com/newsarchive/newsarchive/store/query"
)

// WatchStatus is a watch with its filters and how many of the articles it
// matches are new since it was last opened (or made).
type WatchStatus struct {
	store.Watch
	Filters SearchFilters
	New     int
}

// WatchView is an opened watch: the articles it matches, the new ones
// first (each group newest first).
type WatchView struct {
	WatchStatus
	NewHits []store.SearchHit
	Seen    []store.SearchHit
}

// AddWatch saves a search as a watch. What is archived now counts as seen:
// the articles imported later that match it are its new ones.
func (s *Service) AddWatch(ctx context.Context, name, q string, f SearchFilters) (WatchStatus, error) {
	n, err := normalizeName("watch", name)
	if err != nil {
		return WatchStatus{}, err
	}
	q = strings.TrimSpace(q)
	if query.Parse(q).Empty() {
		return WatchStatus{}, search.ErrBadQuery
	}
	// Check the query and filters by running them once.
	o := f.options()
	o.Limit = 1
	if _, err := s.search.Search(ctx, q, o); err != nil {
		return WatchStatus{}, err
	}
	maxID, err := s.st.MaxArticleID(ctx)
	if err != nil {
		return WatchStatus{}, err
	}
	w := store.Watch{Name: n, Query: q, Filters: f.encode(), SeenMaxID: maxID}
	if w.ID, err = s.st.CreateWatch(ctx, w); err != nil {
		return WatchStatus{}, err
	}
	return s.status(ctx, w, false)
}

// status counts a watch's new articles; with hits it also returns them.
func (s *Service) status(ctx context.Context, w store.Watch, keep bool) (WatchStatus, error) {
	v, err := s.view(ctx, w, keep)
	return v.WatchStatus, err
}

func (s *Service) view(ctx context.Context, w store.Watch, keep bool) (WatchView, error) {
	f, err := decodeFilters(w.Filters)
	if err != nil {
		return WatchView{}, err
	}
	v := WatchView{WatchStatus: WatchStatus{Watch: w, Filters: f}}
	hits, err := s.allHits(ctx, w.Query, f)
	if err != nil {
		return WatchView{}, err
	}
	for _, h := range hits {
		if h.ID > w.SeenMaxID {
			v.New++
			if keep {
				v.NewHits = append(v.NewHits, h)
			}
		} else if keep {
			v.Seen = append(v.Seen, h)
		}
	}
	return v, nil
}

// Watches returns every watch with its count of new articles, by name.
func (s *Service) Watches(ctx context.Context) ([]WatchStatus, error) {
	ws, err := s.st.Watches(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]WatchStatus, 0, len(ws))
	for _, w := range ws {
		st, err := s.status(ctx, w, false)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// OpenWatch returns a watch's articles, the new ones first, and marks
// them seen: opened again, it has none new until more are archived.
func (s *Service) OpenWatch(ctx context.Context, name string) (WatchView, error) {
	w, err := s.st.WatchByName(ctx, strings.Join(strings.Fields(name), " "))
	if err != nil {
		return WatchView{}, err
	}
	maxID, err := s.st.MaxArticleID(ctx)
	if err != nil {
		return WatchView{}, err
	}
	v, err := s.view(ctx, w, true)
	if err != nil {
		return WatchView{}, err
	}
	now := time.Now()
	if err := s.st.MarkWatchSeen(ctx, w.ID, maxID, now); err != nil {
		return WatchView{}, err
	}
	return v, nil
}

// DeleteWatch deletes a watch.
func (s *Service) DeleteWatch(ctx context.Context, name string) error {
	w, err := s.st.WatchByName(ctx, strings.Join(strings.Fields(name), " "))
	if err != nil {
		return err
	}
	return s.st.DeleteWatch(ctx, w.ID)
}
