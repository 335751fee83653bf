package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/feed"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
	"github.com/newsarchive/newsarchive/app/ingest/pdf"
	"github.com/newsarchive/newsarchive/store"
)

// Snapshots returns the fetched versions of an article, oldest first; an
// article never fetched again has none. A missing article is an error
// wrapping store.ErrNotFound.
func (a *Importer) Snapshots(ctx context.Context, id int64) ([]store.Snapshot, error) {
	if _, err := a.st.Article(ctx, id); err != nil {
		return nil, err
	}
	return a.st.Snapshots(ctx, id)
}

// SnapshotArticle reads one stored version again, offline: the article
// its bytes give with today's parsers.
func (a *Importer) SnapshotArticle(ctx context.Context, snapshotID int64) (ingest.Article, error) {
	o, err := a.st.SnapshotOriginal(ctx, snapshotID)
	if err != nil {
		return ingest.Article{}, err
	}
	art, err := Reparse(o)
	if err != nil {
		return ingest.Article{}, fmt.Errorf("snapshot %d: %w", snapshotID, err)
	}
	return art, nil
}

// Reparse extracts the article from stored original bytes by their
// content type, as the importer did: an HTML page, a feed item, or text.
func Reparse(o store.Original) (ingest.Article, error) {
	mt, _, _ := mime.ParseMediaType(o.ContentType)
	switch {
	case mt == typeFeedItem:
		var doc struct {
			Feed string    `json:"feed"`
			Item feed.Item `json:"item"`
		}
		if err := json.Unmarshal(o.Data, &doc); err != nil {
			return ingest.Article{}, fmt.Errorf("read stored feed item: %w", err)
		}
		sa, _, err := itemArticle(feed.Feed{Title: doc.Feed}, doc.Item, "", nil)
		if err != nil {
			return ingest.Article{}, err
		}
		return ingest.Article{Title: sa.Title, Published: sa.Published, PublishedText: sa.PublishedText,
			Byline: sa.Byline, Source: sa.Source, URL: sa.URL, Body: sa.Body, Summary: sa.SummaryOnly}, nil
	case mt == typeText:
		return ingest.ParseText(o.Data)
	case mt == typePDF:
		return pdf.Parse(bytes.NewReader(o.Data), int64(len(o.Data)))
	}
	return htmlpage.Parse(o.Data, "", o.ContentType)
}
