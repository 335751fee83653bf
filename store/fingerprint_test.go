package store

import (
	"context"
	"testing"
	"time"
)

// TestFingerprints stores fingerprints (all 64 bits), drops them when the
// body changes, and skips those computed from content since replaced.
func TestFingerprints(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	arts := []Article{page("Story", "first text"), newArticle("Other", "other text"), newArticle("Third", "third text")}
	ids := mustCreate(t, s, arts...)
	if todo, err := s.ArticlesWithoutFingerprint(ctx, 10); err != nil || len(todo) != 3 || todo[0].Body != "first text" {
		t.Fatalf("without fingerprint: %+v %v", todo, err)
	}
	err := s.SetFingerprints(ctx, []Fingerprint{
		{ArticleID: ids[0], SimHash: 1<<63 | 5, ContentHash: arts[0].ContentHash},
		{ArticleID: ids[1], SimHash: 7, ContentHash: "stale"},
		{ArticleID: ids[2], SimHash: 9},
		{ArticleID: 999, SimHash: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	fps, err := s.Fingerprints(ctx)
	if err != nil || len(fps) != 2 || fps[0].SimHash != 1<<63|5 || fps[1].ArticleID != ids[2] {
		t.Fatalf("fingerprints: %+v %v", fps, err)
	}
	if _, err := s.SaveVersion(ctx, page("Story", "second text"), Original{}, time.Time{}); err != nil {
		t.Fatal(err)
	}
	todo, err := s.ArticlesWithoutFingerprint(ctx, 10)
	if err != nil || len(todo) != 2 || todo[0].ID != ids[0] || todo[0].Body != "second text" {
		t.Errorf("after a body change: %+v %v", todo, err)
	}
	list, err := s.ArticleListings(ctx, []int64{ids[2], 999, ids[0]})
	if err != nil || len(list) != 2 || list[0].ID != ids[2] || list[1].Title != "Story" {
		t.Errorf("listings: %+v %v", list, err)
	}
}
