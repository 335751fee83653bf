package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsarchive/newsarchive/store/query"
)

// TestBulkLoad stores articles in a bulk load, ends it with the index
// optimized, and checks that the archive is sound, searchable, and back
// to the everyday settings.
func TestBulkLoad(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	end, err := s.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var arts []Article
	for i := range 1200 {
		arts = append(arts, newArticle(fmt.Sprintf("Report %d", i), fmt.Sprintf("Harbour report number %d of the series.", i)))
	}
	arts = append(arts, arts[3]) // a duplicate in the batch
	ids := mustCreateDup(t, s, arts)
	if ids[len(ids)-1] != ids[3] {
		t.Errorf("the repeated article is a duplicate of %d, want %d", ids[len(ids)-1], ids[3])
	}
	if err := end(ctx, true); err != nil {
		t.Fatal(err)
	}
	res := search(t, s, Search{Query: query.Parse("harbour"), Exact: true})
	if res.Total != 1200 {
		t.Errorf("found %d articles, want 1200", res.Total)
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Errorf("check: %v %v", problems, err)
	}
	if s.Postgres() {
		return
	}
	for key, want := range map[string]int{"automerge": ftsAutomerge, "hashsize": ftsHashBytes} {
		var got int
		if err := s.r.QueryRowContext(ctx, `SELECT v FROM articles_fts_config WHERE k = ?`, key).Scan(&got); err != nil || got != want {
			t.Errorf("FTS5 %s is %d after the bulk load (%v), want %d", key, got, err, want)
		}
	}
	var sync int
	if err := s.w.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil || sync != 1 {
		t.Errorf("synchronous is %d after the bulk load (%v), want 1 (NORMAL)", sync, err)
	}
}

// mustCreateDup stores arts in one call and returns, for each, its id or the
// id of the article it duplicates.
func mustCreateDup(t *testing.T, s *Store, arts []Article) []int64 {
	t.Helper()
	origs := make([]Original, len(arts))
	ids, errs, err := s.CreateArticles(context.Background(), arts, origs)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range errs {
		if d, ok := e.(*DuplicateError); ok {
			ids[i] = d.ID
		} else if e != nil {
			t.Fatal(e)
		}
	}
	return ids
}
