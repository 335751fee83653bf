package tagging_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/assets"
	"github.com/newsarchive/newsarchive/store"
)

// importText imports one text file written from content and tags it.
func importText(t *testing.T, a *apptest.Archive, name string, content []byte) int64 {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	rep, err := a.Importer.Import(ctx, []string{p}, importer.Options{})
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import %s: %+v %v", name, rep, err)
	}
	if err := a.Tagging.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	return rep.Results[0].ID
}

// entitySet lists an article's entities as "TYPE name" lines, sorted.
func entitySet(t *testing.T, a *apptest.Archive, articleID int64) []string {
	t.Helper()
	ms, err := a.Tagging.ArticleMentions(context.Background(), articleID)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		k := m.Type + " " + m.Name
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func TestSeedEntities(t *testing.T) {
	a := apptest.Open(t)
	id := importText(t, a, "seed.txt", assets.SampleArticle)
	got := entitySet(t, a, id)
	want := []string{
		"ORG Eurasia Group", "ORG Huawei", "ORG JPMorgan Chase", "ORG Ministry of Commerce",
		"PERSON Christopher Landau", "PERSON Dan Wang", "PERSON David Perdue", "PERSON He Lifeng",
		"PERSON Jamie Dimon", "PERSON Ma Zhaoxu",
		"PLACE Beijing", "PLACE China", "PLACE Geneva", "PLACE U.S.", "PLACE United States", "PLACE Washington",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("seed entities:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	done, total, err := a.Tagging.TaggingProgress(context.Background())
	if err != nil || done != 1 || total != 1 {
		t.Errorf("progress %d/%d %v", done, total, err)
	}
}

func entityNamed(t *testing.T, a *apptest.Archive, name string) store.Entity {
	t.Helper()
	e, err := a.Tagging.EntityByName(context.Background(), name)
	if err != nil {
		t.Fatalf("entity %q: %v", name, err)
	}
	return e
}

// TestCorrectionsStick corrects the seed's entities, re-tags everything and
// imports a new article: every correction still holds.
func TestCorrectionsStick(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	importText(t, a, "seed.txt", assets.SampleArticle)

	if err := a.Tagging.RenameEntity(ctx, entityNamed(t, a, "Eurasia Group").ID, "Eurasia Group Inc"); err != nil {
		t.Fatal(err)
	}
	if err := a.Tagging.RetypeEntity(ctx, entityNamed(t, a, "JPMorgan Chase").ID, "place"); err != nil {
		t.Fatal(err)
	}
	if err := a.Tagging.RejectEntity(ctx, entityNamed(t, a, "Geneva").ID, 0); err != nil {
		t.Fatal(err)
	}
	if err := a.Tagging.MergeEntities(ctx, entityNamed(t, a, "U.S.").ID, entityNamed(t, a, "United States").ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Tagging.AddEntity(ctx, "Deputy Secretary of State", "org", 0); err != nil {
		t.Fatal(err)
	}
	check := func(when string, articleID int64) {
		t.Helper()
		got := strings.Join(entitySet(t, a, articleID), "|")
		for _, want := range []string{"ORG Eurasia Group Inc", "PLACE JPMorgan Chase", "PLACE United States", "ORG Deputy Secretary of State"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: %q missing from %s", when, want, got)
			}
		}
		for _, gone := range []string{"Geneva", "ORG Eurasia Group|", "ORG JPMorgan Chase", "PLACE U.S."} {
			if strings.Contains(got+"|", gone) {
				t.Errorf("%s: %q still in %s", when, gone, got)
			}
		}
	}
	check("after the corrections", 1)
	if err := a.Tagging.Retag(ctx, nil); err != nil {
		t.Fatal(err)
	}
	check("after retag", 1)
	story := []byte("Geneva talks end\n\nTrade officials from the United States met Eurasia Group analysts and JPMorgan Chase executives in Geneva on Monday. The U.S. delegation was led by the Deputy Secretary of State.\n")
	id := importText(t, a, "new.txt", story)
	check("in a new article", id)

	us := entityNamed(t, a, "United States")
	if nid, err := a.Tagging.SplitAlias(ctx, us.ID, "U.S."); err != nil || nid == us.ID {
		t.Fatalf("split: %d %v", nid, err)
	}
	if err := a.Tagging.Retag(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(entitySet(t, a, 1), "|"); !strings.Contains(got, "PLACE U.S.") {
		t.Errorf("split alias lost after retag: %s", got)
	}
}

func TestCorrectionErrors(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	importText(t, a, "seed.txt", assets.SampleArticle)
	china := entityNamed(t, a, "China").ID
	tests := []struct {
		name string
		err  error
	}{
		{"rename missing", a.Tagging.RenameEntity(ctx, 9999, "X")},
		{"rename empty", a.Tagging.RenameEntity(ctx, china, "  ")},
		{"retype bad", a.Tagging.RetypeEntity(ctx, china, "ANIMAL")},
		{"merge self", a.Tagging.MergeEntities(ctx, china, china)},
		{"merge missing", a.Tagging.MergeEntities(ctx, china, 9999)},
		{"reject missing", a.Tagging.RejectEntity(ctx, 9999, 0)},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	if _, err := a.Tagging.SplitAlias(ctx, china, "Not An Alias"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("split unknown alias: %v", err)
	}
	if e := entityNamed(t, a, "China"); e.Articles != 1 {
		t.Errorf("China changed by failed corrections: %+v", e)
	}
}
