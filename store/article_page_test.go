package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// TestArticlesFrom checks keyset paging against OFFSET paging: for every
// spacing of the keys and every page, reading from the nearest key gives
// the page Articles gives, with dates shared by several articles and
// articles without a date; and a deleted key's page starts after it.
func TestArticlesFrom(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var arts []Article
	for i := range 23 {
		a := newArticle(fmt.Sprint("t", i), "body.")
		if i%5 != 0 { // every fifth undated; the others on 6 dates
			a.Published = fmt.Sprintf("2024-0%d-01", 1+i%6)
		}
		arts = append(arts, a)
	}
	mustCreate(t, s, arts...)
	all, err := s.Articles(ctx, SortDate, -1, 0)
	if err != nil || len(all) != len(arts) {
		t.Fatalf("articles: %d, %v", len(all), err)
	}
	for _, every := range []int{1, 4, 7, 100} {
		keys, err := s.ArticleKeys(ctx, every)
		if err != nil {
			t.Fatal(err)
		}
		if want := (len(all) + every - 1) / every; len(keys) != want {
			t.Fatalf("every %d: %d keys, want %d", every, len(keys), want)
		}
		for offset := range len(all) + 2 {
			for _, limit := range []int{1, 3} {
				k := keys[min(offset/every, len(keys)-1)]
				from := offset - min(offset/every, len(keys)-1)*every
				got, err := s.ArticlesFrom(ctx, k, limit, from)
				if err != nil {
					t.Fatal(err)
				}
				want := all[min(offset, len(all)):min(offset+limit, len(all))]
				if !slices.Equal(ids(got), ids(want)) {
					t.Errorf("every %d, offset %d, limit %d: %v, want %v", every, offset, limit, ids(got), ids(want))
				}
			}
		}
	}
	keys, _ := s.ArticleKeys(ctx, 4)
	if err := s.DeleteArticle(ctx, keys[2].ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.ArticlesFrom(ctx, keys[2], 2, 0)
	if want := ids(all[9:11]); err != nil || !slices.Equal(ids(got), want) {
		t.Errorf("from a deleted key: %v %v, want %v", ids(got), err, want)
	}
	if _, err := s.ArticleKeys(ctx, 0); err == nil {
		t.Error("keys every 0 articles accepted")
	}
}

func ids(list []ArticleListing) []int64 {
	out := make([]int64, len(list))
	for i, l := range list {
		out[i] = l.ID
	}
	return out
}
