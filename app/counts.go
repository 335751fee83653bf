package app

import (
	"context"

	"github.com/newsarchive/newsarchive/store"
)

// Counts is how many of each thing an archive holds: the numbers beside
// the GUI's sidebar sections. Each is one indexed count, cheap on a large
// archive (no row is read); a watch's new articles are counted by
// a.Workbench.Watches, which runs the watches' searches.
type Counts struct {
	Articles      int
	People        int
	Organisations int
	Places        int
	Sources       int // named sources with articles
	Tags          int
	Highlights    int
	Collections   int
}

// Counts counts the archive's articles, entities by type (those found in
// an article), sources, tags, highlights and collections.
func (a *App) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	byType, err := a.st.EntityTypeCounts(ctx)
	if err != nil {
		return c, err
	}
	c.People, c.Organisations, c.Places = byType[store.TypePerson], byType[store.TypeOrg], byType[store.TypePlace]
	for _, f := range []struct {
		n     *int
		count func(context.Context) (int, error)
	}{
		{&c.Articles, a.st.ArticleCount},
		{&c.Sources, a.st.SourceTotal},
		{&c.Tags, a.st.TagCount},
		{&c.Highlights, a.st.HighlightCount},
		{&c.Collections, a.st.CollectionCount},
	} {
		if *f.n, err = f.count(ctx); err != nil {
			return c, err
		}
	}
	return c, nil
}
