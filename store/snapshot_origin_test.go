package store

import (
	"context"
	"testing"
	"time"
)

// TestSaveVersionFromOrigin: a feed item claiming the URL of an article
// archived from elsewhere becomes a new article and leaves that one
// untouched; an item of the same feed updates its own story.
func TestSaveVersionFromOrigin(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	t0 := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	fetched, err := s.SaveVersion(ctx, page("Story", "the true story"), Original{ContentType: "text/html", Data: []byte("x")}, t0)
	if err != nil {
		t.Fatal(err)
	}
	item := func(origin, body string) Article {
		a := page("Story", body)
		a.Origin = origin
		return a
	}
	const feedA, feedB = "https://feeds.example/a.xml", "https://evil.example/b.xml"
	tests := []struct {
		name    string
		art     Article
		outcome VersionOutcome
		same    string // "" a new article; "fetched" the fetched one; "first" the first item's
	}{
		{"foreign feed claims the URL", item(feedB, "a rewritten story"), VersionNew, ""},
		{"same foreign feed, changed", item(feedB, "a rewritten story, edited"), VersionChanged, "first"},
		{"another feed, the fetched text", item(feedA, "the true story"), VersionDuplicate, "fetched"},
	}
	var first int64
	for i, tt := range tests {
		got, err := s.SaveVersionFromOrigin(ctx, tt.art, Original{ContentType: "application/json", Data: []byte("{}")}, t0.Add(time.Duration(i+1)*time.Hour))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if first == 0 {
			first = got.ArticleID
		}
		want := map[string]int64{"fetched": fetched.ArticleID, "first": first}[tt.same]
		if got.Outcome != tt.outcome || (want != 0 && got.ArticleID != want) || (want == 0 && got.ArticleID == fetched.ArticleID) {
			t.Errorf("%s: %+v, want outcome %d article %d", tt.name, got, tt.outcome, want)
		}
	}
	a, err := s.Article(ctx, fetched.ArticleID)
	if err != nil || a.Body != "the true story" || a.Origin != page("", "").Origin {
		t.Errorf("fetched article changed: %q %q %v", a.Body, a.Origin, err)
	}
	if snaps, err := s.Snapshots(ctx, fetched.ArticleID); err != nil || len(snaps) != 1 {
		t.Errorf("fetched article has %d versions (%v), want 1", len(snaps), err)
	}
	if _, err := s.SaveVersionFromOrigin(ctx, item("", "no origin"), Original{}, t0); err == nil {
		t.Error("a version without an origin saved")
	}
}
