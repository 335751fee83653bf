package store

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

// TestVerifyArticles damages articles in each way VerifyArticles looks for
// and checks that it names each one, and only those.
func TestVerifyArticles(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var arts []Article
	for _, tt := range []struct{ title, body string }{
		{"Sound article", "Nothing is wrong with this harbour article."},
		{"Changed body", "This body will be changed behind the hash's back."},
		{"Lost original", "This article will lose its original document."},
		{"Unindexed article", "This article will drop out of the searchable index."},
		{"Café crème", "Déjà vu à Genève."},
	} {
		a := newArticle(tt.title, tt.body)
		a.ContentHash = testHash(tt.title, tt.body)
		arts = append(arts, a)
	}
	ids := mustCreate(t, s, arts...)
	if p, err := s.VerifyArticles(ctx, testHash); err != nil || len(p) > 0 {
		t.Fatalf("sound archive: %v %v", p, err)
	}
	for _, q := range []string{
		`UPDATE articles SET body = 'Something else.' WHERE title = 'Changed body'`,
		`DELETE FROM originals WHERE article_id = (SELECT id FROM articles WHERE title = 'Lost original')`,
		`INSERT INTO articles_fts (articles_fts, rowid, title, headline, body)
			SELECT 'delete', id, title, headline, body FROM articles WHERE title = 'Unindexed article'`,
	} {
		if s.Postgres() && strings.Contains(q, "articles_fts") {
			continue // PostgreSQL's full-text column is generated from the text
		}
		if _, err := s.w.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	p, err := s.VerifyArticles(ctx, testHash)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(p, "\n")
	wants := []string{"", "does not match its text", "no original", "not in the full-text index", ""}
	if s.Postgres() {
		wants[3] = ""
	}
	for i, want := range wants {
		line := ""
		for _, l := range p {
			if strings.HasPrefix(l, "article "+strconv.FormatInt(ids[i], 10)+":") {
				line = l
			}
		}
		if want == "" && line != "" || want != "" && !strings.Contains(line, want) {
			t.Errorf("article %d: problem %q, want %q; all:\n%s", ids[i], line, want, got)
		}
	}
}
