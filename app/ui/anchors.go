package ui

import (
	"context"
	"sync"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/store"
)

// anchorEvery is how many articles apart the anchors of the newest-first
// article list are: a page is read by skipping fewer than this many.
var anchorEvery = 1000

// listAnchors lets the newest-first article list read a page far down
// without skipping every article before it (OFFSET reads them all: about
// 0.4 s a million articles down). It holds the key of every anchorEvery-th
// article, read once per length of the list (a few ms per 100k articles,
// in the background as the list is counted; 16 KB a million articles), and
// reads a page from the nearest key before it.
type listAnchors struct {
	mu    sync.Mutex
	keys  []store.ArticleKey
	total int // the list's length when keys were read; -1: none read
}

func newListAnchors() *listAnchors { return &listAnchors{total: -1} }

// prepare reads the keys for a list of total articles unless they are read
// (only for a list long enough to need them).
func (l *listAnchors) prepare(ctx context.Context, a *app.App, total int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if total < 2*anchorEvery || total == l.total {
		return nil
	}
	keys, err := a.Search.ArticleKeys(ctx, anchorEvery)
	if err != nil {
		return err
	}
	l.keys, l.total = keys, total
	return nil
}

// forget drops the keys (the list is read again from the start).
func (l *listAnchors) forget() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.keys, l.total = nil, -1
}

// fetch reads limit articles of the newest-first list from offset: from
// the nearest key when keys are read, else with OFFSET.
func (l *listAnchors) fetch(ctx context.Context, a *app.App, limit, offset int) ([]store.ArticleListing, error) {
	l.mu.Lock()
	keys := l.keys
	l.mu.Unlock()
	if i := min(offset/anchorEvery, len(keys)-1); i > 0 {
		return a.Search.ArticlesFrom(ctx, keys[i], limit, offset-i*anchorEvery)
	}
	return a.Search.Articles(ctx, store.SortDate, limit, offset)
}
