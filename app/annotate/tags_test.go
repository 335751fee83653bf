package annotate_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/annotate"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/assets"
	"github.com/newsarchive/newsarchive/store"
)

func TestNormalizeTag(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{"trade", "trade", false},
		{"  trade   war\t", "trade war", false},
		{"Élysée", "Élysée", false},
		{"", "", true},
		{" \t ", "", true},
		{"a\x00b", "", true},
		{strings.Repeat("x", annotate.MaxTagLen), strings.Repeat("x", annotate.MaxTagLen), false},
		{strings.Repeat("é", annotate.MaxTagLen+1), "", true},
	}
	for _, tt := range tests {
		got, err := annotate.NormalizeTag(tt.in)
		if tt.bad != (err != nil) || got != tt.want {
			t.Errorf("NormalizeTag(%q) = %q, %v", tt.in, got, err)
		}
		if err != nil && !errors.Is(err, annotate.ErrBadTag) {
			t.Errorf("NormalizeTag(%q) error %v does not wrap ErrBadTag", tt.in, err)
		}
	}
}

func TestTagsAndNotes(t *testing.T) {
	ctx := context.Background()
	a := apptest.Open(t)
	sample := apptest.WriteFile(t, t.TempDir(), assets.SampleArticleName, assets.SampleArticle)
	rep, err := a.Importer.Import(ctx, []string{sample}, importer.Options{})
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	id := rep.Results[0].ID
	if err := a.Annotate.AddTags(ctx, id, " trade  talks ", "China"); err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate.AddTags(ctx, id, "ok", " "); !errors.Is(err, annotate.ErrBadTag) {
		t.Errorf("AddTags with a blank tag: %v, want ErrBadTag", err)
	}
	got, err := a.Annotate.ArticleTags(ctx, id)
	if want := []string{"China", "trade talks"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ArticleTags = %q, %v; want %q", got, err, want)
	}
	if err := a.Annotate.RemoveTags(ctx, id, "trade talks"); err != nil {
		t.Fatal(err)
	}
	if tags, _ := a.Annotate.Tags(ctx, ""); len(tags) != 1 || tags[0].Name != "China" {
		t.Errorf("Tags after remove = %v", tags)
	}
	if n, err := a.Annotate.Note(ctx, id); n != "" || err != nil {
		t.Errorf("Note before any = %q, %v", n, err)
	}
	if _, err := a.Annotate.Note(ctx, id+1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Note of a missing article: %v, want ErrNotFound", err)
	}
	for _, set := range []string{"read again", "  \n"} {
		if err := a.Annotate.SetNote(ctx, id, set); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSpace(set)
		if n, err := a.Annotate.Note(ctx, id); n != want || err != nil {
			t.Errorf("Note after SetNote(%q) = %q, %v", set, n, err)
		}
	}
}
