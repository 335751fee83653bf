package store

import (
	"context"
	"strings"
	"testing"
)

// TestArticleSortsUseIndexes: every order of the article list is read from
// an index on SQLite, never sorted whole (a temporary B-tree for ORDER BY),
// and the pages still come in that order.
func TestArticleSortsUseIndexes(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	arts := []Article{
		{Title: "banana", Source: "", Published: "2024-01-02", Body: "b", ContentHash: "1"},
		{Title: "Apple", Source: "zeta", Published: "2024-01-03", Body: "a", ContentHash: "2"},
		{Title: "cherry", Source: "Alpha", Published: "2024-01-01", Body: "c", ContentHash: "3"},
	}
	if _, _, err := s.CreateArticles(ctx, arts, make([]Original, len(arts))); err != nil {
		t.Fatal(err)
	}
	for sort, want := range map[ArticleSort]string{SortTitle: "Apple banana cherry", SortSource: "cherry Apple banana",
		SortDate: "Apple banana cherry"} {
		if !onPostgres() {
			checkPlanUsesIndex(t, s, sort)
		}
		page, err := s.Articles(ctx, sort, 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range page {
			got = append(got, a.Title)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s: %q, want %q", sort, got, want)
		}
	}
}

func checkPlanUsesIndex(t *testing.T, s *Store, sort ArticleSort) {
	t.Helper()
	rows, err := s.r.QueryContext(context.Background(), `EXPLAIN QUERY PLAN SELECT id, title, source, published FROM articles ORDER BY `+
		articleOrders[sort]+` LIMIT 50`)
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	rows.Close()
	if p := strings.Join(plan, "; "); strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, "INDEX") {
		t.Errorf("%s: the plan sorts: %s", sort, p)
	}
}
