package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"
)

// TestFeeds subscribes, records refreshes with their seen items, and
// unsubscribes, keeping the articles.
func TestFeeds(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	id, err := s.CreateFeed(ctx, Feed{URL: "https://news.example/rss", Title: "News"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateFeed(ctx, Feed{URL: "https://news.example/rss"}); !errors.Is(err, ErrFeedExists) {
		t.Errorf("second subscription: %v", err)
	}
	if _, err := s.CreateFeed(ctx, Feed{}); err == nil {
		t.Errorf("subscription without URL accepted")
	}
	art := mustCreate(t, s, newArticle("Item one", "text of item one"))[0]
	at := time.Date(2025, 4, 1, 8, 0, 0, 0, time.UTC)
	seen := []SeenItem{{GUID: "g1", ArticleID: art}, {GUID: "g2"}, {GUID: "g3", ArticleID: 9999}}
	if err := s.FeedFetched(ctx, id, "", "https://news.example/", at, seen, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.FeedFetched(ctx, id, "News 2", "", at.Add(time.Hour), seen[:1], "timed out"); err != nil {
		t.Fatal(err)
	}
	f, err := s.Feed(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := Feed{ID: id, URL: "https://news.example/rss", Title: "News 2", Site: "https://news.example/", Items: 3,
		LastError: "timed out", AddedAt: f.AddedAt, LastFetched: at.Add(time.Hour),
		Schedule: Schedule{Interval: DefaultFeedInterval, FetchFull: true}}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("feed %+v\nwant %+v", f, want)
	}
	got, err := s.SeenItems(ctx, id)
	if err != nil || len(got) != 3 || !got["g2"] {
		t.Errorf("seen: %v %v", got, err)
	}
	if err := s.FeedFetched(ctx, 42, "", "", at, nil, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("refresh of a missing feed: %v", err)
	}
	if err := s.DeleteArticle(ctx, art); err != nil { // the seen item stays seen
		t.Fatal(err)
	}
	if got, _ := s.SeenItems(ctx, id); !got["g1"] {
		t.Errorf("deleting the article forgot the item")
	}
	if err := s.DeleteFeed(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteFeed(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	if _, err := s.Feed(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted feed: %v", err)
	}
	if fs, err := s.Feeds(ctx); err != nil || len(fs) != 0 {
		t.Errorf("feeds: %v %v", fs, err)
	}
}
