package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/store/query"
)

func page(title, body string) Article {
	a := newArticle(title, body)
	a.URL = "https://news.example/story"
	a.Origin = a.URL
	return a
}

// TestSaveVersion walks a story through its outcomes: new, unchanged,
// changed, an old version come back, a summary after the full text, and
// content that is another article's.
func TestSaveVersion(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	t0 := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	other := mustCreate(t, s, newArticle("Other", "another story entirely"))[0]
	summary := page("Story", "the summary")
	summary.SummaryOnly = true
	otherCopy := page("Other", "another story entirely")
	tests := []struct {
		name    string
		art     Article
		outcome VersionOutcome
		version int
		dupOf   int64 // 0: the story's own article
	}{
		{"first", page("Story", "version one"), VersionNew, 1, 0},
		{"unchanged", page("Story", "version one"), VersionDuplicate, 0, 0},
		{"changed", page("Story", "version two"), VersionChanged, 2, 0},
		{"old version back", page("Story", "version one"), VersionDuplicate, 0, 0},
		{"summary after full text", summary, VersionDuplicate, 0, 0},
		{"another article's text", otherCopy, VersionDuplicate, 0, other},
		{"changed again", page("Story", "version three"), VersionChanged, 3, 0},
	}
	var story int64
	for i, tt := range tests {
		got, err := s.SaveVersion(ctx, tt.art, Original{ContentType: "text/html", Data: []byte(tt.art.Body)}, t0.Add(time.Duration(i)*time.Hour))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if story == 0 {
			story = got.ArticleID
		}
		want := tt.dupOf
		if want == 0 {
			want = story
		}
		if got.Outcome != tt.outcome || got.Version != tt.version || got.ArticleID != want ||
			(tt.outcome == VersionDuplicate) != (got.Duplicate != nil) {
			t.Errorf("%s: %+v, want outcome %d version %d article %d", tt.name, got, tt.outcome, tt.version, want)
		}
	}
	snaps, err := s.Snapshots(ctx, story)
	if err != nil || len(snaps) != 3 {
		t.Fatalf("snapshots: %+v %v", snaps, err)
	}
	if !snaps[2].FetchedAt.Equal(t0.Add(6*time.Hour)) || snaps[0].Size != len("version one") {
		t.Errorf("snapshot times or sizes: %+v", snaps)
	}
	art, _ := s.Article(ctx, story)
	o, _ := s.Original(ctx, story)
	if art.Body != "version three" || string(o.Data) != "version three" {
		t.Errorf("article shows %q, original %q", art.Body, o.Data)
	}
	res, err := s.SearchArticles(ctx, Search{Query: query.Parse("three")})
	if err != nil || res.Total != 1 {
		t.Errorf("index not updated: %+v %v", res, err)
	}
	if p, err := s.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check: %v %v", p, err)
	}
	if err := s.DeleteArticle(ctx, story); err != nil {
		t.Fatal(err)
	}
	if snaps, _ := s.Snapshots(ctx, story); len(snaps) != 0 {
		t.Errorf("snapshots outlive their article")
	}
	if _, err := s.SnapshotOriginal(ctx, snaps[0].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted snapshot: %v", err)
	}
}

// TestFirstVersionKept checks that an article archived without a snapshot
// (a feed summary, an imported file) gets its content kept as version 1
// when a new version arrives.
func TestFirstVersionKept(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	sum := page("Story", "just the summary")
	sum.SummaryOnly = true
	id := mustCreate(t, s, sum)[0]
	got, err := s.SaveVersion(ctx, page("Story", "the whole story"), Original{ContentType: "text/html", Data: []byte("<p>the whole story")}, time.Time{})
	if err != nil || got.Outcome != VersionChanged || got.Version != 2 || got.ArticleID != id {
		t.Fatalf("%+v %v", got, err)
	}
	snaps, _ := s.Snapshots(ctx, id)
	if len(snaps) != 2 || snaps[0].ContentType != "text/plain" || snaps[1].ContentType != "text/html" {
		t.Errorf("snapshots: %+v", snaps)
	}
	art, _ := s.Article(ctx, id)
	if art.SummaryOnly || art.Body != "the whole story" {
		t.Errorf("article: %+v", art)
	}
	if _, err := s.SaveVersion(ctx, newArticle("No URL", "x"), Original{}, time.Time{}); err == nil {
		t.Errorf("a version without a URL was saved")
	}
}
