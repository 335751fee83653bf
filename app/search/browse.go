package search

import (
	"context"

	"github.com/newsarchive/newsarchive/store"
)

// Article returns one article by id.
func (a *Service) Article(ctx context.Context, id int64) (store.Article, error) {
	return a.st.Article(ctx, id)
}

// ArticleCount counts the articles of the archive.
func (a *Service) ArticleCount(ctx context.Context) (int, error) {
	return a.st.ArticleCount(ctx)
}

// Articles lists a page of articles in the order asked.
func (a *Service) Articles(ctx context.Context, sortBy store.ArticleSort, limit, offset int) ([]store.ArticleListing, error) {
	return a.st.Articles(ctx, sortBy, limit, offset)
}

// Sources lists the sources with their article counts.
func (a *Service) Sources(ctx context.Context) ([]store.SourceCount, error) {
	return a.st.Sources(ctx)
}

// SourceArticles lists a page of one source's articles.
func (a *Service) SourceArticles(ctx context.Context, source string, limit, offset int) ([]store.ArticleListing, error) {
	return a.st.SourceArticles(ctx, source, limit, offset)
}

// ArticleKeys returns the keys of every every-th article of the
// newest-first list (see store.ArticleKeys), to page it from with
// ArticlesFrom.
func (a *Service) ArticleKeys(ctx context.Context, every int) ([]store.ArticleKey, error) {
	return a.st.ArticleKeys(ctx, every)
}

// ArticlesFrom lists a page of the newest-first list, offset articles
// from the one at key.
func (a *Service) ArticlesFrom(ctx context.Context, key store.ArticleKey, limit, offset int) ([]store.ArticleListing, error) {
	return a.st.ArticlesFrom(ctx, key, limit, offset)
}
