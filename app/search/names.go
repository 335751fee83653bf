package search

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/store"
)

// The lookup service: an in-memory lookup.Index of article titles, source
// names and entity names with their aliases, built on the first Lookup (or
// PrepareLookup) and brought up to date at the start of every later one from
// cheap high-water-mark queries (the highest article, entity and mention ids).
// Results are checked against the archive on the way out, so a deleted
// article or a merged-away entity is never offered. Renames and alias edits
// cannot be seen from ids: the entity corrections call NoteEntityChanged.
//
// Memory: about 49 bytes per indexed text, the text included (see package
// lookup), some 70 per title as measured. The articles are read and staged
// a chunk at a time and merged into the index once. From titlesInStoreAt
// articles on, the index holds no titles: they are found through the store
// (titles.go).

// lookupChunk is how many articles the index reads from the archive at a
// time.
var lookupChunk = 32768

// names is the lookup service's index and what it has seen.
type names struct {
	mu    sync.Mutex // held while refreshing
	ix    *lookup.Index
	built bool
	// titlesInStore: titles are found through the store, not the index
	// (decided when the index is built; titles.go).
	titlesInStore bool
	articles      int64             // highest article id indexed
	entities      store.EntityMarks // entity and mention marks indexed
	sources       map[string]*source
	sourceText    map[int64]string // source id -> name
	dirtyArts     map[int64]bool   // articles noted changed
	dirtyEnts     map[int64]bool   // entities noted changed
}

// source is a distinct source name; its id is a handle valid within one
// Service.
type source struct {
	id       int64
	articles int
}

// Lookup finds titles, sources and entities by name as typed, tolerating
// typos, swapped or run-together words and unfinished words (see package
// lookup). kind "" searches all three kinds. An entity result's ID is the
// entity's, a title's the article's; a source's ID is only a handle (its Text
// is its name). Any query is safe: one without letters or digits finds
// nothing.
func (a *Service) Lookup(ctx context.Context, query string, kind lookup.Kind, limit int) ([]lookup.Result, error) {
	switch kind {
	case "", lookup.KindEntity, lookup.KindTitle, lookup.KindSource:
	default:
		return nil, fmt.Errorf("%w: look up %q: use entity, title or source", ErrBadQuery, kind)
	}
	if limit <= 0 {
		limit = 10
	}
	n := a.names
	if err := n.refresh(ctx, a.st); err != nil {
		return nil, fmt.Errorf("look up %q: %w", query, err)
	}
	res, err := n.search(ctx, a.st, query, kind, limit)
	if err != nil {
		return nil, fmt.Errorf("look up %q: %w", query, err)
	}
	if !n.titlesStored() || (kind != "" && kind != lookup.KindTitle) {
		return res, nil
	}
	titles, err := a.storeTitles(ctx, query, limit)
	if err != nil {
		return nil, fmt.Errorf("look up %q: %w", query, err)
	}
	return mergeResults(res, titles, limit), nil
}

// search searches the index, dropping what has vanished from the archive.
func (n *names) search(ctx context.Context, st *store.Store, query string, kind lookup.Kind, limit int) ([]lookup.Result, error) {
	for {
		res := n.ix.Search(query, kind, limit)
		gone, err := n.vanished(ctx, st, res)
		if err != nil {
			return nil, err
		}
		if len(gone) == 0 {
			return res, nil
		}
		n.forget(gone)
	}
}

// forget drops vanished results from the index.
func (n *names) forget(gone []lookup.Result) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, r := range gone {
		n.ix.Remove(r.Kind, r.ID)
		if r.Kind == lookup.KindSource {
			delete(n.sources, r.Text)
		}
	}
}

// PrepareLookup builds the lookup index now rather than on the first Lookup
// (the GUI calls it in the background when an archive opens).
func (a *Service) PrepareLookup(ctx context.Context) error {
	if err := a.names.refresh(ctx, a.st); err != nil {
		return fmt.Errorf("prepare lookup: %w", err)
	}
	return nil
}

// NoteArticles tells the lookup service that these articles were changed or
// deleted other than by adding new ones (which it finds by itself).
func (a *Service) NoteArticles(ids ...int64) {
	n := a.names
	n.mu.Lock()
	defer n.mu.Unlock()
	n.dirtyArts = addAll(n.dirtyArts, ids)
}

// NoteEntityChanged tells the lookup service that these entities were
// renamed, retyped, merged, split, given or stripped of aliases, or deleted.
// New entities and new mentions it finds by itself.
func (a *Service) NoteEntityChanged(ids ...int64) {
	n := a.names
	n.mu.Lock()
	defer n.mu.Unlock()
	n.dirtyEnts = addAll(n.dirtyEnts, ids)
}

func addAll(set map[int64]bool, ids []int64) map[int64]bool {
	if set == nil {
		set = map[int64]bool{}
	}
	for _, id := range ids {
		set[id] = true
	}
	return set
}

// refresh builds the index on first use and then adds what is new.
func (n *names) refresh(ctx context.Context, st *store.Store) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if !n.built {
		n.ix = lookup.New()
		n.sources, n.sourceText = map[string]*source{}, map[int64]string{}
		// A build cut short starts again from nothing.
		n.articles, n.entities = 0, store.EntityMarks{}
	}
	if err := n.refreshArticles(ctx, st); err != nil {
		return err
	}
	if err := n.refreshEntities(ctx, st); err != nil {
		return err
	}
	n.built = true
	return nil
}

func (n *names) refreshArticles(ctx context.Context, st *store.Store) error {
	last, err := st.MaxArticleID(ctx)
	if err != nil {
		return err
	}
	if !n.built {
		n.titlesInStore = last >= titlesInStoreFrom()
	}
	// In chunks: at a million articles the listings read at once would
	// take some 160 MB for a moment (the index keeps about 50). The
	// chunks are staged in the index's compact form and merged once.
	changed := map[*source]string{}
	defer n.addSources(changed)
	for n.articles < last {
		arts, err := st.ArticlesAfterLimit(ctx, n.articles, lookupChunk)
		if err != nil {
			return err
		}
		if len(arts) == 0 {
			break
		}
		n.addArticles(arts, changed, n.ix.Stage)
		n.articles = arts[len(arts)-1].ID
	}
	n.ix.Commit()
	n.articles = max(n.articles, last)
	if len(n.dirtyArts) == 0 {
		return nil
	}
	ids := setIDs(n.dirtyArts)
	arts, err := st.ArticleListings(ctx, ids)
	if err != nil {
		return err
	}
	if !n.titlesInStore {
		for _, id := range ids {
			n.ix.Remove(lookup.KindTitle, id)
		}
	}
	n.addArticles(arts, changed, n.ix.Add)
	n.dirtyArts = nil
	return nil
}

// addArticles indexes titles through add (the index's Add or Stage), unless
// the store finds them, and counts sources, noting in changed the sources
// counted (addSources indexes them). A source's count only grows here;
// deleted articles are noticed when a lookup finds the source.
func (n *names) addArticles(arts []store.ArticleListing, changed map[*source]string, add func(...lookup.Item)) {
	items := make([]lookup.Item, 0, len(arts))
	for _, a := range arts {
		if !n.titlesInStore {
			items = append(items, lookup.Item{Kind: lookup.KindTitle, ID: a.ID, Text: a.Title})
		}
		if a.Source == "" {
			continue
		}
		s := n.sources[a.Source]
		if s == nil {
			s = &source{id: int64(len(n.sourceText) + 1)}
			n.sources[a.Source] = s
			n.sourceText[s.id] = a.Source
		}
		s.articles++
		changed[s] = a.Source
	}
	add(items...)
}

// addSources indexes the sources whose counts changed, once each (after
// all the chunks of addArticles: a source added again replaces itself only
// when the index takes it one by one, as it does a few).
func (n *names) addSources(changed map[*source]string) {
	items := make([]lookup.Item, 0, len(changed))
	for s, name := range changed {
		items = append(items, lookup.Item{Kind: lookup.KindSource, ID: s.id, Text: name, Weight: s.articles})
	}
	n.ix.Add(items...)
}

func (n *names) refreshEntities(ctx context.Context, st *store.Store) error {
	marks, err := st.EntityMarks(ctx)
	if err != nil {
		return err
	}
	var ids []int64 // nil: every entity
	if n.built {
		if marks != n.entities {
			if ids, err = st.EntitiesChangedAfter(ctx, n.entities); err != nil {
				return err
			}
		}
		ids = append(ids, setIDs(n.dirtyEnts)...)
		if len(ids) == 0 {
			n.entities = marks
			return nil
		}
	}
	ents, err := st.NamedEntities(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		n.ix.Remove(lookup.KindEntity, id)
	}
	items := make([]lookup.Item, 0, len(ents))
	for _, e := range ents {
		items = append(items, lookup.Item{Kind: lookup.KindEntity, ID: e.ID, Text: e.Name, Weight: e.Articles})
		for _, al := range e.Aliases {
			items = append(items, lookup.Item{Kind: lookup.KindEntity, ID: e.ID, Text: al, Weight: e.Articles})
		}
	}
	n.ix.Add(items...)
	n.entities, n.dirtyEnts = marks, nil
	return nil
}

func setIDs(set map[int64]bool) []int64 {
	ids := make([]int64, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// vanished returns the results whose article, entity or source is no longer
// in the archive.
func (n *names) vanished(ctx context.Context, st *store.Store, res []lookup.Result) ([]lookup.Result, error) {
	var arts, ents []int64
	var srcs []string
	for _, r := range res {
		switch r.Kind {
		case lookup.KindTitle:
			arts = append(arts, r.ID)
		case lookup.KindEntity:
			ents = append(ents, r.ID)
		case lookup.KindSource:
			srcs = append(srcs, r.Text)
		}
	}
	var gone []lookup.Result
	okArts, err := st.ExistingIDs(ctx, "articles", arts)
	if err != nil {
		return nil, err
	}
	okEnts, err := st.ExistingIDs(ctx, "entities", ents)
	if err != nil {
		return nil, err
	}
	okSrcs, err := st.ExistingSources(ctx, srcs)
	if err != nil {
		return nil, err
	}
	for _, r := range res {
		switch {
		case r.Kind == lookup.KindTitle && !okArts[r.ID],
			r.Kind == lookup.KindEntity && !okEnts[r.ID],
			r.Kind == lookup.KindSource && !okSrcs[r.Text]:
			gone = append(gone, r)
		}
	}
	return gone, nil
}
