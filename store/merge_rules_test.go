package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/newsarchive/newsarchive/app/tagging/corrections"
	"github.com/newsarchive/newsarchive/store"
)

// TestMergeCorrections corrects one archive, and merges its corrections
// into another tagged alike: holding the same articles, it must end with
// the same entities and rules; without the article a rule is limited to,
// that rule is dropped. Merging again adds nothing.
func TestMergeCorrections(t *testing.T) {
	ctx := context.Background()
	src := store.OpenTest(t)
	ids := store.NewsArchive(t, src)
	if err := src.RenameEntity(ctx, store.MustEntity(t, src, "JPMorgan", store.TypeOrg), "JPMorgan Chase & Co."); err != nil {
		t.Fatal(err)
	}
	if err := src.RejectEntity(ctx, store.MustEntity(t, src, "London", store.TypePlace), ids[2]); err != nil {
		t.Fatal(err)
	}
	if _, err := src.AddEntity(ctx, "Bridge", "MISC", 0); err != nil {
		t.Fatal(err)
	}
	if _, err := src.SplitAlias(ctx, store.MustEntity(t, src, "Jamie Dimon", store.TypePerson), "Dimon"); err != nil {
		t.Fatal(err)
	}
	if err := src.RetypeEntity(ctx, store.MustEntity(t, src, "JPMorgan Chase", store.TypeOrg), "MISC"); err != nil {
		t.Fatal(err)
	}
	if err := src.MergeEntities(ctx, store.MustEntity(t, src, "Dimon", store.TypePerson), store.MustEntity(t, src, "Jamie Dimon", store.TypePerson)); err != nil {
		t.Fatal(err)
	}
	var cs []store.MergedRule
	if err := src.ExportCorrections(ctx, func(c store.PortableCorrection) error {
		cs = append(cs, store.MergedRule{Rule: c, Change: corrections.Change(c.Correction)})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	rules := store.Portable(t, src)

	for _, tt := range []struct {
		name    string
		without int // 1-based article of newsBodies the destination lacks, 0 for none
		added   int
	}{
		{"same articles", 0, len(cs)},
		{"without the article a rule is limited to", 3, len(cs) - 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dst := store.OpenTest(t)
			dids := store.NewsArchive(t, dst)
			if tt.without > 0 {
				if err := dst.DeleteArticle(ctx, dids[tt.without-1]); err != nil {
					t.Fatal(err)
				}
			}
			maxOld, err := dst.MaxArticleID(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n, err := dst.MergeCorrections(ctx, cs, maxOld)
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.added {
				t.Errorf("%d rules added, want %d", n, tt.added)
			}
			store.MustBeSound(t, dst)
			if tt.without == 0 {
				if got, want := store.EntitySummary(t, dst), store.EntitySummary(t, src); !slices.Equal(got, want) {
					t.Errorf("entities after the merge:\n got %q\nwant %q", got, want)
				}
				if got := store.Portable(t, dst); !slices.Equal(got, rules) {
					t.Errorf("rules after the merge:\n got %q\nwant %q", got, rules)
				}
			}
			before := store.EntitySummary(t, dst)
			if n, err := dst.MergeCorrections(ctx, cs, maxOld); err != nil || n != 0 {
				t.Errorf("merging again added %d rules, %v", n, err)
			}
			if got := store.EntitySummary(t, dst); !slices.Equal(got, before) {
				t.Errorf("merging again changed the entities:\n got %q\nwant %q", got, before)
			}
		})
	}
}
