package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

// searchMeta is an in-memory copy of every article's date and source,
// indexed by article id, so that search filters and orders the articles a
// full-text match returns without reading their (large) rows: 12 bytes per
// article id, about 1.2 MB for 100k articles.
//
// It is loaded on the first search and kept current from a cheap query on
// each one: new ids are read; every metaRecount a count that new ids do not
// explain (a deletion) reloads it whole; and articles deleted or changed in
// place are reread at once when NoteArticlesChanged names them. As a
// safety net it is also reloaded, in the background, once it is older than
// metaMaxAge. Each Store has its own (Store.meta).
type searchMeta struct {
	mu        sync.RWMutex
	built     bool
	loading   bool // a background reload is running
	builtAt   time.Time
	countedAt time.Time // last time the articles were counted
	maxID     int64
	count     int
	date      []int64  // by id: dateKey of the article; 0 = no such article
	source    []uint32 // by id: index into sources
	sources   []string // lower-cased source names; sources[0] is ""
	sourceID  map[string]uint32
	stale     map[int64]bool // ids changed in place, to reread
	// order lists every article id newest first (as newestFirst orders
	// them), for searches matching too many articles to list (see
	// search_large.go); nil when an id does not fit an int32.
	order []int32
}

// metaRecount is how often a search counts the articles to notice
// deletions; NoteArticlesChanged makes one visible at once.
const metaRecount = 2 * time.Second

// metaMaxAge bounds how long an article edited without NoteArticlesChanged
// can be filtered or ordered by its old date or source.
const metaMaxAge = 5 * time.Minute

// undated is the date key of an article without a date: above "no such
// article", below every date.
const undated = 1

// dateKey turns an ISO date ("2006-01-02T15:04:05", or a prefix of it) into
// a number that sorts as the text does: its first 14 digits, padded with
// pad, above undated.
func dateKey(iso string, pad byte) int64 {
	var k int64
	n := 0
	for i := 0; i < len(iso) && n < 14; i++ {
		if c := iso[i]; c >= '0' && c <= '9' {
			k = k*10 + int64(c-'0')
			n++
		} else if c != '-' && c != ':' && c != 'T' && c != ' ' {
			break
		}
	}
	if n < 4 {
		return undated
	}
	for ; n < 14; n++ {
		k = k*10 + int64(pad-'0')
	}
	return k + undated + 1
}

// NoteArticlesChanged tells search that these articles were deleted or
// their dates or sources changed in place. New articles it finds by itself,
// and deletions within metaRecount.
func (s *Store) NoteArticlesChanged(ids ...int64) {
	m := &s.meta
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.stale == nil {
		m.stale = map[int64]bool{}
	}
	for _, id := range ids {
		m.stale[id] = true
	}
}

// searchMeta returns the metadata cache brought up to date and read-locked;
// the caller must RUnlock it.
func (s *Store) searchMeta(ctx context.Context) (*searchMeta, error) {
	m := &s.meta
	m.mu.RLock()
	recount := !m.built || time.Since(m.countedAt) > metaRecount
	m.mu.RUnlock()
	var maxID int64
	q := `SELECT coalesce(max(id), 0), -1 FROM articles`
	if recount { // count(*) reads a whole index: 10-30 ms at 100k articles
		q = `SELECT coalesce(max(id), 0), count(*) FROM articles`
	}
	var n int
	if err := s.r.QueryRowContext(ctx, q).Scan(&maxID, &n); err != nil {
		return nil, fmt.Errorf("search: read article counts: %w", err)
	}
	m.mu.RLock()
	count := n
	if n < 0 {
		count = m.count + int(max(0, maxID-m.maxID)) // assume no deletion since the last count
	}
	current := m.built && m.maxID == maxID && m.count == count && len(m.stale) == 0
	old := m.built && !m.loading && time.Since(m.builtAt) > metaMaxAge
	m.mu.RUnlock()
	if old {
		m.mu.Lock()
		m.loading = true
		m.mu.Unlock()
		go s.reloadMeta(m)
	}
	if !current || recount {
		m.mu.Lock()
		err := s.updateMeta(ctx, m, maxID, count)
		if recount && err == nil {
			m.countedAt = time.Now()
		}
		m.mu.Unlock()
		if err != nil {
			return nil, err
		}
	}
	m.mu.RLock()
	return m, nil
}

// reloadMeta rereads the whole cache in the background.
func (s *Store) reloadMeta(m *searchMeta) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	fresh := &searchMeta{}
	err := s.loadMeta(ctx, fresh)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.loading = false
	if err != nil {
		m.builtAt = time.Now() // try again later
		return
	}
	if fresh.maxID >= m.maxID {
		m.builtAt, m.maxID, m.count = fresh.builtAt, fresh.maxID, fresh.count
		m.date, m.source, m.sources, m.sourceID = fresh.date, fresh.source, fresh.sources, fresh.sourceID
		m.order = fresh.order
	}
}

// updateMeta brings m (write-locked) up to the archive's maxID and count.
func (s *Store) updateMeta(ctx context.Context, m *searchMeta, maxID int64, count int) error {
	if !m.built {
		return s.loadMeta(ctx, m)
	}
	oldMax, stale := m.maxID, len(m.stale) > 0
	if len(m.stale) > 0 {
		ids := make([]int64, 0, len(m.stale))
		for id := range m.stale {
			ids = append(ids, id)
			if id < int64(len(m.date)) && m.date[id] != 0 {
				m.date[id], m.source[id] = 0, 0
				m.count--
			}
		}
		m.stale = nil
		for lo := 0; lo < len(ids); lo += maxIDsPerQuery {
			part := ids[lo:min(lo+maxIDsPerQuery, len(ids))]
			err := s.readMeta(ctx, m, `SELECT id, published, source FROM articles WHERE id IN (`+nameParams(len(part))+`)`, nameArgs(part)...)
			if err != nil {
				return err
			}
		}
	}
	if maxID > m.maxID {
		if err := s.readMeta(ctx, m, `SELECT id, published, source FROM articles WHERE id > ?`, m.maxID); err != nil {
			return err
		}
	}
	if m.count != count || m.maxID != maxID {
		return s.loadMeta(ctx, m) // articles were deleted
	}
	if stale {
		m.sortOrder()
	} else if oldMax < m.maxID {
		m.addOrder(oldMax)
	}
	return nil
}

// loadMeta fills m from scratch, reading the date and source indexes
// rather than the (large) article rows.
func (s *Store) loadMeta(ctx context.Context, m *searchMeta) error {
	m.date, m.source, m.sources, m.sourceID = nil, nil, []string{""}, map[string]uint32{"": 0}
	m.maxID, m.count, m.built = 0, 0, false
	err := s.scanMeta(ctx, `SELECT id, published FROM articles ORDER BY published`, func(id int64, v string) {
		m.grow(id)
		m.count++
		m.date[id] = dateKey(v, '0')
	})
	if err == nil {
		err = s.scanMeta(ctx, `SELECT id, source FROM articles ORDER BY source`, func(id int64, v string) {
			m.grow(id)
			m.source[id] = m.sourceOf(v)
		})
	}
	if err != nil {
		return err
	}
	m.sortOrder()
	m.built, m.builtAt = true, time.Now()
	return nil
}

// readMeta adds the rows of a query of (id, published, source) to m.
func (s *Store) readMeta(ctx context.Context, m *searchMeta, q string, args ...any) error {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("search: read article dates: %w", err)
	}
	defer rows.Close()
	var id int64
	var published, source string
	for rows.Next() {
		if err := rows.Scan(&id, &published, &source); err != nil {
			return fmt.Errorf("search: read article dates: %w", err)
		}
		if id <= 0 {
			continue
		}
		m.grow(id)
		if m.date[id] == 0 {
			m.count++
		}
		m.date[id] = dateKey(published, '0')
		m.source[id] = m.sourceOf(source)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: read article dates: %w", err)
	}
	return nil
}

// scanMeta calls f with each (id, text) row of q.
func (s *Store) scanMeta(ctx context.Context, q string, f func(id int64, v string)) error {
	rows, err := s.r.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("search: read article dates: %w", err)
	}
	defer rows.Close()
	var id int64
	var v string
	for rows.Next() {
		if err := rows.Scan(&id, &v); err != nil {
			return fmt.Errorf("search: read article dates: %w", err)
		}
		if id > 0 {
			f(id, v)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("search: read article dates: %w", err)
	}
	return nil
}

// grow makes room for id.
func (m *searchMeta) grow(id int64) {
	if n := id + 1 - int64(len(m.date)); n > 0 {
		m.date = append(m.date, make([]int64, n)...)
		m.source = append(m.source, make([]uint32, n)...)
	}
	m.maxID = max(m.maxID, id)
}

// sourceOf returns the index of a source name, adding it when new.
func (m *searchMeta) sourceOf(name string) uint32 {
	name = strings.ToLower(name)
	sid, ok := m.sourceID[name]
	if !ok {
		sid = uint32(len(m.sources))
		m.sources = append(m.sources, name)
		m.sourceID[name] = sid
	}
	return sid
}
