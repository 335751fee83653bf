package tagging

import (
	"context"
	"strconv"
	"strings"

	"github.com/newsarchive/newsarchive/store"
)

// Entities lists entities by the number of articles mentioning them; typ ""
// lists all types.
func (a *Service) Entities(ctx context.Context, typ string, limit, offset int) ([]store.Entity, error) {
	return a.st.Entities(ctx, typ, limit, offset)
}

// Entity returns one entity with its aliases.
func (a *Service) Entity(ctx context.Context, id int64) (store.Entity, error) {
	return a.st.Entity(ctx, id)
}

// EntityByName finds an entity by name or alias, ignoring case.
func (a *Service) EntityByName(ctx context.Context, name string) (store.Entity, error) {
	return a.st.EntityByName(ctx, name)
}

// FindEntity reads a reference typed by a person: an id or a name.
func (a *Service) FindEntity(ctx context.Context, ref string) (store.Entity, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return a.st.Entity(ctx, id)
	}
	return a.st.EntityByName(ctx, ref)
}

// Cooccurring ranks the entities mentioned together with one.
func (a *Service) Cooccurring(ctx context.Context, id int64, limit int) ([]store.Cooccurrence, error) {
	return a.st.Cooccurring(ctx, id, limit)
}

// EntityTimeline counts articles mentioning an entity per month.
func (a *Service) EntityTimeline(ctx context.Context, id int64) ([]store.MonthCount, error) {
	return a.st.EntityTimeline(ctx, id)
}

// EntityArticles lists the articles mentioning an entity with each mention
// in context.
func (a *Service) EntityArticles(ctx context.Context, id int64, limit, offset int) ([]store.EntityArticle, error) {
	return a.st.EntityArticles(ctx, id, limit, offset)
}

// ArticleMentions returns an article's entity mentions in text order.
func (a *Service) ArticleMentions(ctx context.Context, articleID int64) ([]store.Mention, error) {
	return a.st.ArticleMentions(ctx, articleID)
}

// RenameEntity renames an entity; the rule is kept for every later tagging.
func (a *Service) RenameEntity(ctx context.Context, id int64, name string) error {
	defer a.entitiesChanged(id)
	return a.st.RenameEntity(ctx, id, name)
}

// RetypeEntity changes an entity's type, for good.
func (a *Service) RetypeEntity(ctx context.Context, id int64, typ string) error {
	defer a.entitiesChanged(id)
	return a.st.RetypeEntity(ctx, id, strings.ToUpper(strings.TrimSpace(typ)))
}

// MergeEntities merges entity from into entity into, for good.
func (a *Service) MergeEntities(ctx context.Context, from, into int64) error {
	defer a.entitiesChanged(from, into)
	return a.st.MergeEntities(ctx, from, into)
}

// SplitAlias makes an alias an entity of its own and returns its id.
func (a *Service) SplitAlias(ctx context.Context, id int64, alias string) (int64, error) {
	nid, err := a.st.SplitAlias(ctx, id, alias)
	a.entitiesChanged(id, nid)
	return nid, err
}

// RejectEntity records that an entity is not one, everywhere (articleID 0)
// or in one article.
func (a *Service) RejectEntity(ctx context.Context, id, articleID int64) error {
	defer a.entitiesChanged(id)
	return a.st.RejectEntity(ctx, id, articleID)
}

// AddEntity adds an entity the tagger missed, everywhere (articleID 0) or in
// one article, and returns its id.
func (a *Service) AddEntity(ctx context.Context, name, typ string, articleID int64) (int64, error) {
	id, err := a.st.AddEntity(ctx, name, strings.ToUpper(strings.TrimSpace(typ)), articleID)
	a.entitiesChanged(id)
	return id, err
}

// EntityCounts returns how many distinct entities each of the given
// articles (at most 500) mentions; articles with none are left out.
func (a *Service) EntityCounts(ctx context.Context, ids []int64) (map[int64]int, error) {
	return a.st.EntityCounts(ctx, ids)
}
