package app

import (
	"context"
	"strconv"
	"strings"

	"github.com/newsarchive/newsarchive/store"
)

// Entities lists entities by the number of articles mentioning them; typ ""
// lists all types.
func (a *App) Entities(ctx context.Context, typ string, limit, offset int) ([]store.Entity, error) {
	return a.Store.Entities(ctx, typ, limit, offset)
}

// Entity returns one entity with its aliases.
func (a *App) Entity(ctx context.Context, id int64) (store.Entity, error) {
	return a.Store.Entity(ctx, id)
}

// EntityByName finds an entity by name or alias, ignoring case.
func (a *App) EntityByName(ctx context.Context, name string) (store.Entity, error) {
	return a.Store.EntityByName(ctx, name)
}

// FindEntity reads a reference typed by a person: an id or a name.
func (a *App) FindEntity(ctx context.Context, ref string) (store.Entity, error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return a.Store.Entity(ctx, id)
	}
	return a.Store.EntityByName(ctx, ref)
}

// Cooccurring ranks the entities mentioned together with one.
func (a *App) Cooccurring(ctx context.Context, id int64, limit int) ([]store.Cooccurrence, error) {
	return a.Store.Cooccurring(ctx, id, limit)
}

// EntityTimeline counts articles mentioning an entity per month.
func (a *App) EntityTimeline(ctx context.Context, id int64) ([]store.MonthCount, error) {
	return a.Store.EntityTimeline(ctx, id)
}

// EntityArticles lists the articles mentioning an entity with each mention
// in context.
func (a *App) EntityArticles(ctx context.Context, id int64, limit, offset int) ([]store.EntityArticle, error) {
	return a.Store.EntityArticles(ctx, id, limit, offset)
}

// ArticleMentions returns an article's entity mentions in text order.
func (a *App) ArticleMentions(ctx context.Context, articleID int64) ([]store.Mention, error) {
	return a.Store.ArticleMentions(ctx, articleID)
}

// RenameEntity renames an entity; the rule is kept for every later tagging.
func (a *App) RenameEntity(ctx context.Context, id int64, name string) error {
	defer a.NoteEntityChanged(id)
	return a.Store.RenameEntity(ctx, id, name)
}

// RetypeEntity changes an entity's type, for good.
func (a *App) RetypeEntity(ctx context.Context, id int64, typ string) error {
	defer a.NoteEntityChanged(id)
	return a.Store.RetypeEntity(ctx, id, strings.ToUpper(strings.TrimSpace(typ)))
}

// MergeEntities merges entity from into entity into, for good.
func (a *App) MergeEntities(ctx context.Context, from, into int64) error {
	defer a.NoteEntityChanged(from, into)
	return a.Store.MergeEntities(ctx, from, into)
}

// SplitAlias makes an alias an entity of its own and returns its id.
func (a *App) SplitAlias(ctx context.Context, id int64, alias string) (int64, error) {
	nid, err := a.Store.SplitAlias(ctx, id, alias)
	a.NoteEntityChanged(id, nid)
	return nid, err
}

// RejectEntity records that an entity is not one, everywhere (articleID 0)
// or in one article.
func (a *App) RejectEntity(ctx context.Context, id, articleID int64) error {
	defer a.NoteEntityChanged(id)
	return a.Store.RejectEntity(ctx, id, articleID)
}

// AddEntity adds an entity the tagger missed, everywhere (articleID 0) or in
// one article, and returns its id.
func (a *App) AddEntity(ctx context.Context, name, typ string, articleID int64) (int64, error) {
	id, err := a.Store.AddEntity(ctx, name, strings.ToUpper(strings.TrimSpace(typ)), articleID)
	a.NoteEntityChanged(id)
	return id, err
}
