package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
)

func TestTags(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ids := mustCreate(t, s, newArticle("One", "Body one."), newArticle("Two", "Body two."))
	if err := s.AddTags(ctx, ids[0], []string{"trade", "China", "trade"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddTags(ctx, ids[1], []string{"CHINA", "banks"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id   int64
		want []string
	}{
		{ids[0], []string{"China", "trade"}},
		{ids[1], []string{"banks", "China"}},
	}
	for _, tt := range tests {
		got, err := s.ArticleTags(ctx, tt.id)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ArticleTags(%d) = %q, %v; want %q", tt.id, got, err, tt.want)
		}
	}
	all, err := s.Tags(ctx, "")
	want := []Tag{{"banks", 1}, {"China", 2}, {"trade", 1}}
	if err != nil || !reflect.DeepEqual(all, want) {
		t.Errorf("Tags = %v, %v; want %v", all, err, want)
	}
	if got, _ := s.Tags(ctx, "ch"); !reflect.DeepEqual(got, []Tag{{"China", 2}}) {
		t.Errorf("Tags(ch) = %v", got)
	}
	if got, _ := s.Tags(ctx, "%"); len(got) != 0 {
		t.Errorf("Tags(%%) = %v, want none: %% is not a wildcard", got)
	}
	list, err := s.TagArticles(ctx, "china", 0, 0)
	if err != nil || len(list) != 2 {
		t.Errorf("TagArticles(china) = %v, %v", list, err)
	}
	if err := s.RemoveTags(ctx, ids[0], []string{"trade", "absent"}); err != nil {
		t.Fatal(err)
	}
	all, _ = s.Tags(ctx, "")
	if want := []Tag{{"banks", 1}, {"China", 2}}; !reflect.DeepEqual(all, want) {
		t.Errorf("after remove, Tags = %v; want %v (unused tag deleted)", all, want)
	}
	if err := s.DeleteArticle(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.TagArticles(ctx, "banks", 0, 0); len(got) != 0 {
		t.Errorf("deleted article still tagged: %v", got)
	}
}

func TestTagsMissingArticle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for name, err := range map[string]error{
		"add":    s.AddTags(ctx, 42, []string{"x"}),
		"remove": s.RemoveTags(ctx, 42, []string{"x"}),
		"note":   s.SetNote(ctx, 42, "text"),
	} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s on a missing article: %v, want ErrNotFound", name, err)
		}
	}
	if _, err := s.ArticleTags(ctx, 42); !errors.Is(err, ErrNotFound) {
		t.Errorf("ArticleTags(42): %v, want ErrNotFound", err)
	}
}

func TestSources(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a, b, c := newArticle("A", "a"), newArticle("B", "b"), newArticle("C", "c")
	a.Source, b.Source, c.Source = "BBC", "BBC", "Reuters"
	a.Published, b.Published = "2024-01-01", "2025-01-01"
	mustCreate(t, s, a, b, c, newArticle("D", "no source"))
	got, err := s.Sources(ctx)
	if want := []SourceCount{{"BBC", 2}, {"Reuters", 1}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Sources = %v, %v; want %v", got, err, want)
	}
	list, err := s.SourceArticles(ctx, "BBC", 1, 0)
	if err != nil || len(list) != 1 || list[0].Title != "B" {
		t.Errorf("SourceArticles(BBC, 1) = %v, %v; want B, the newest", list, err)
	}
}
