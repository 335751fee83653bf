package store

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// TestFeedSchedule: a new feed is due at once; FeedChecked moves it on and
// keeps the validators; DueFeeds orders by lateness; SetFeedOptions sticks.
func TestFeedSchedule(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a, err := s.CreateFeed(ctx, Feed{URL: "https://a.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.CreateFeed(ctx, Feed{URL: "https://b.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	if err := s.FeedChecked(ctx, a, now.Add(time.Hour), 0, `"v1"`, "Fri, 02 Jan 2026 09:00:00 GMT", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.FeedChecked(ctx, a, now.Add(2*time.Hour), 3, "", "", "status 500"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFeedOptions(ctx, b, FeedOptions{Interval: 15 * time.Minute, RetentionDays: 30}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		at   time.Time
		want []int64
	}{
		{now, []int64{b}},
		{now.Add(2 * time.Hour), []int64{b, a}},
	}
	for _, tt := range tests {
		due, err := s.DueFeeds(ctx, tt.at)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, f := range due {
			got = append(got, f.ID)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("due at %s = %v, want %v", tt.at, got, tt.want)
		}
	}
	fa, err := s.Feed(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	want := Schedule{Interval: time.Hour, NextDue: now.Add(2 * time.Hour), ETag: `"v1"`,
		LastModified: "Fri, 02 Jan 2026 09:00:00 GMT", Failures: 3, FetchFull: true}
	if fa.Schedule != want || fa.LastError != "status 500" {
		t.Errorf("schedule %+v %q, want %+v", fa.Schedule, fa.LastError, want)
	}
	fb, err := s.Feed(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if fb.Interval != 15*time.Minute || fb.RetentionDays != 30 || fb.FetchFull {
		t.Errorf("options of b: %+v", fb.Schedule)
	}
	if err := s.SetFeedOptions(ctx, 999, FeedOptions{}); err == nil {
		t.Error("options of a missing feed: no error")
	}
}

// TestExpiredFeedArticles: retention picks the old articles of the feed
// and never one with a note, a tag, a highlight, a collection, or brought
// by another feed too.
func TestExpiredFeedArticles(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	old := time.Now().Add(-40 * 24 * time.Hour)
	var arts []Article
	for _, title := range []string{"plain old", "noted", "tagged", "shared", "fresh", "highlighted", "collected"} {
		a := newArticle(title, "text of "+title)
		if title != "fresh" {
			a.ImportedAt = old
		}
		arts = append(arts, a)
	}
	ids := mustCreate(t, s, arts...)
	feed, err := s.CreateFeed(ctx, Feed{URL: "https://a.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateFeed(ctx, Feed{URL: "https://b.example/rss"})
	if err != nil {
		t.Fatal(err)
	}
	var seen []SeenItem
	for i, id := range ids {
		seen = append(seen, SeenItem{GUID: arts[i].Title, ArticleID: id})
	}
	if err := s.FeedFetched(ctx, feed, "", "", time.Now(), seen, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.FeedFetched(ctx, other, "", "", time.Now(), seen[3:4], ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, ids[1], "keep me"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddTags(ctx, ids[2], []string{"keep"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateHighlight(ctx, Highlight{ArticleID: ids[5], Quote: "text", Start: 0, End: 4, Color: "yellow"}); err != nil {
		t.Fatal(err)
	}
	coll, err := s.CreateCollection(ctx, Collection{Name: "project"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddToCollection(ctx, coll, ids[6:7], time.Now()); err != nil {
		t.Fatal(err)
	}
	got, err := s.ExpiredFeedArticles(ctx, feed, time.Now().Add(-30*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ids[:1]) {
		t.Errorf("expired = %v, want %v", got, ids[:1])
	}
}
