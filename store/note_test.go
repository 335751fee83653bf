package store

import (
	"context"
	"errors"
	"testing"
)

func TestNote(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	id := mustCreate(t, s, newArticle("One", "Body one."))[0]
	if _, err := s.Note(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Note before any: %v, want ErrNotFound", err)
	}
	steps := []struct {
		set     string
		want    string
		present bool
	}{
		{"first thoughts", "first thoughts", true},
		{"second — revised ✓", "second — revised ✓", true},
		{"", "", false},
	}
	for _, st := range steps {
		if err := s.SetNote(ctx, id, st.set); err != nil {
			t.Fatal(err)
		}
		n, err := s.Note(ctx, id)
		if st.present && (err != nil || n.Text != st.want || n.UpdatedAt.IsZero()) {
			t.Errorf("after SetNote(%q): %+v, %v", st.set, n, err)
		}
		if !st.present && !errors.Is(err, ErrNotFound) {
			t.Errorf("after clearing: %+v, %v; want ErrNotFound", n, err)
		}
	}
}
