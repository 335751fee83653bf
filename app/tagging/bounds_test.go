package tagging_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/tagging"
	"github.com/newsarchive/newsarchive/store"
)

// unpunctuated is n bytes of words with names and no sentence end, the
// shape of the page that kept tagging busy for ten minutes (#15 finding 4).
func unpunctuated(n int) string {
	words := []string{"the", "Council", "of", "Paris", "met", "John", "Smith", "and", "Acme", "Corp", "on", "Monday", "in", "London"}
	var b strings.Builder
	b.Grow(n + 16)
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
		b.WriteByte(' ')
	}
	return b.String()
}

// addArticles stores bodies as articles, bypassing the parsers.
func addArticles(t *testing.T, a *apptest.Archive, bodies ...string) []int64 {
	t.Helper()
	arts := make([]store.Article, len(bodies))
	origs := make([]store.Original, len(bodies))
	for i, b := range bodies {
		arts[i] = store.Article{Title: "Article " + b[:12], Body: b, ContentHash: b[:12] + string(rune('a'+i))}
		origs[i] = store.Original{ContentType: "text/plain", Data: []byte("x")}
	}
	ids, errs, err := a.Store.CreateArticles(context.Background(), arts, origs)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		if e != nil {
			t.Fatal(e)
		}
	}
	return ids
}

// TestTaggingBounds: a 19 MB text (2 MB under -race) without sentence punctuation is tagged
// within the caps: only its first MaxTagBytes, or, over its time budget,
// it is marked failed with the reason and the worker tags the next
// article. The failure stays: a later run does not take it again.
func TestTaggingBounds(t *testing.T) {
	if testing.Short() {
		t.Skip("tags megabytes")
	}
	huge := unpunctuated(hugeSize)
	normal := "Angela Merkel met Emmanuel Macron in Berlin on Tuesday. They spoke about the European Union."
	tests := []struct {
		name     string
		opt      tagging.Options
		failed   bool
		maxStart int // no mention of the huge article starts past it
	}{
		{"text cap", tagging.Options{MaxTagBytes: capSize}, false, capSize},
		{"time budget", tagging.Options{TagBudget: time.Millisecond, MaxTagBytes: 4 << 20}, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := apptest.Open(t)
			ctx := context.Background()
			ids := addArticles(t, a, huge, normal)
			opt := tt.opt
			opt.ExitWhenDone, opt.Batch = true, 1
			if err := a.Tagging.Work(ctx, opt, nil); err != nil {
				t.Fatal(err)
			}
			q, err := a.Tagging.QueueStatus(ctx)
			if err != nil || q.Waiting() != 0 || q.Done+q.Failed != 2 {
				t.Fatalf("queue %+v %v", q, err)
			}
			failed, err := a.Tagging.FailedTagging(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			if tt.failed != (len(failed) == 1 && failed[0].ArticleID == ids[0] && strings.Contains(failed[0].Error, "time budget")) {
				t.Errorf("failed: %+v", failed)
			}
			ms, err := a.Tagging.ArticleMentions(ctx, ids[0])
			if err != nil || (tt.failed != (len(ms) == 0)) {
				t.Errorf("huge article: %d mentions %v", len(ms), err)
			}
			for _, m := range ms {
				if m.Start >= tt.maxStart {
					t.Fatalf("mention at %d, past the cap %d", m.Start, tt.maxStart)
				}
			}
			if ms, err := a.Tagging.ArticleMentions(ctx, ids[1]); err != nil || len(ms) == 0 {
				t.Errorf("the next article was not tagged: %v %v", ms, err)
			}
			if err := a.Tagging.TagPending(ctx, nil); err != nil {
				t.Fatal(err)
			}
			if again, _ := a.Tagging.FailedTagging(ctx, 10); len(again) != len(failed) {
				t.Errorf("a later run retried the failed article: %+v", again)
			}
		})
	}
}
