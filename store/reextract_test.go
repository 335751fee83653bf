package store

import (
	"context"
	"testing"

	"github.com/newsarchive/newsarchive/store/query"
)

// TestUpdateExtraction re-extracts an article that was tagged, tagged by the
// user and annotated: the outcomes, what is kept, and the tagging queue.
func TestUpdateExtraction(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ids := mustCreate(t, s, newArticle("Old title", "menu menu the story"), newArticle("Other", "another story"))
	id := ids[0]
	if err := s.AddTags(ctx, id, []string{"keep"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, id, "my note"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTagged(ctx, []Tagged{{ArticleID: id, Model: "m"}, {ArticleID: ids[1], Model: "m"}}); err != nil {
		t.Fatal(err)
	}
	withSource := newArticle("New title", "the story")
	withSource.Source = "Example News"
	sameBody := newArticle("Newer title", "the story")
	tests := []struct {
		name                string
		art                 Article
		outcome             ReextractOutcome
		titleCh, bodyCh     bool
		wantTitle, wantBody string
		pending             int
	}{
		{"body and title", withSource, ExtractionChanged, true, true, "New title", "the story", 1},
		{"same again", withSource, ExtractionUnchanged, false, false, "New title", "the story", 1},
		{"another article's", newArticle("Other", "another story"), ExtractionDuplicate, false, false, "New title", "the story", 1},
		{"title only", sameBody, ExtractionChanged, true, false, "Newer title", "the story", 1},
	}
	for _, tt := range tests {
		got, err := s.UpdateExtraction(ctx, id, tt.art)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got.Outcome != tt.outcome || got.TitleChanged != tt.titleCh || got.BodyChanged != tt.bodyCh ||
			(tt.outcome == ExtractionDuplicate) != (got.Duplicate != nil) {
			t.Errorf("%s: %+v, want outcome %d title %v body %v", tt.name, got, tt.outcome, tt.titleCh, tt.bodyCh)
		}
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != tt.wantTitle || a.Body != tt.wantBody || a.Source != "Example News" {
			t.Errorf("%s: stored %q / %q / %q", tt.name, a.Title, a.Body, a.Source)
		}
		q, err := s.QueueStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if q.Pending != tt.pending {
			t.Errorf("%s: %d pending for tagging, want %d", tt.name, q.Pending, tt.pending)
		}
	}
	tags, err := s.ArticleTags(ctx, id)
	if err != nil || len(tags) != 1 || tags[0] != "keep" {
		t.Errorf("tags after re-extraction: %v, %v", tags, err)
	}
	n, err := s.Note(ctx, id)
	if err != nil || n.Text != "my note" {
		t.Errorf("note after re-extraction: %+v, %v", n, err)
	}
	o, err := s.Original(ctx, id)
	if err != nil || string(o.Data) != "Old title\n\nmenu menu the story" {
		t.Errorf("original after re-extraction: %q, %v", o.Data, err)
	}
	res, err := s.SearchArticles(ctx, Search{Query: query.Parse("newer"), Limit: 10})
	if err != nil || res.Total != 1 {
		t.Errorf("search for the new title: %+v, %v", res, err)
	}
	if _, err := s.UpdateExtraction(ctx, 999, withSource); err == nil {
		t.Error("missing article: no error")
	}
	if _, err := s.UpdateExtraction(ctx, id, Article{}); err == nil {
		t.Error("empty extraction: no error")
	}
	all, err := s.ArticleIDs(ctx)
	if err != nil || len(all) != 2 || all[0] != id {
		t.Errorf("ArticleIDs: %v, %v", all, err)
	}
}
