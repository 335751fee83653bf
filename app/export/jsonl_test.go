package export_test

import (
	"bytes"
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
)

func sortedLines(b []byte) []string {
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	sort.Strings(lines)
	return lines
}

// roundTrip exports a, imports the export into an empty archive, exports
// that, and requires both exports to hold the same lines.
func roundTrip(t *testing.T, a *apptest.Archive) {
	t.Helper()
	ctx := context.Background()
	first := apptest.ExportJSONL(t, a)
	b := apptest.Open(t)
	rep, err := b.Exporter.Merge(ctx, bytes.NewReader(first), export.MergeOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := a.Store.ArticleCount(ctx)
	if rep.Imported != n || rep.Duplicates != 0 || rep.BadMentions != 0 {
		t.Errorf("import report %+v, want %d imported", rep, n)
	}
	second := apptest.ExportJSONL(t, b)
	want, got := sortedLines(first), sortedLines(second)
	if len(want) != len(got) {
		t.Fatalf("export has %d lines, its re-import %d", len(want), len(got))
	}
	for i := range want {
		if want[i] != got[i] {
			j := 0
			for j < len(want[i]) && j < len(got[i]) && want[i][j] == got[i][j] {
				j++
			}
			t.Fatalf("line %d differs at %d:\n%.300s\n%.300s", i, j, want[i][max(0, j-100):], got[i][max(0, j-100):])
		}
	}
	if p, err := b.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check after import: %v %v", p, err)
	}
	// AddEntity leaves the counts of entities whose mentions it replaced
	// stale; the re-imported archive counts them afresh, so counts are
	// compared only when the source's are sound.
	sourceProblems, err := a.Store.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(sourceProblems) > 0 {
		t.Logf("source archive: %v", sourceProblems)
	}
	ea, _ := a.Tagging.Entities(ctx, "", 0, 0)
	eb, _ := b.Tagging.Entities(ctx, "", 0, 0)
	if len(ea) != len(eb) {
		t.Fatalf("%d entities, %d after the round trip", len(ea), len(eb))
	}
	byName := map[[2]string]store.Entity{}
	for _, e := range eb {
		byName[[2]string{e.Name, e.Type}] = e
	}
	for _, x := range ea {
		y := byName[[2]string{x.Name, x.Type}]
		counts := len(sourceProblems) > 0 || (x.Articles == y.Articles && x.Mentions == y.Mentions)
		if x.Name != y.Name || x.Type != y.Type || !counts || x.Confirmed != y.Confirmed {
			t.Errorf("entity %+v became %+v", x, y)
		}
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	a := apptest.Open(t)
	apptest.BuildArchive(t, a, apptest.FixtureFiles(t))
	roundTrip(t, a)
}

func TestJSONLRoundTripBBC(t *testing.T) {
	n := 200
	if !testing.Short() && !raceOn {
		n = 0 // the whole corpus
	}
	files := apptest.BBCSubset(t, n)
	a := apptest.Open(t)
	apptest.BuildArchive(t, a, append(apptest.FixtureFiles(t), files...))
	roundTrip(t, a)
}

// TestJSONLMerge merges an archive's export into another that shares an
// article: nothing is duplicated, the user's tags and note are merged, the
// corrections apply to the other archive's own entities (all of it with
// ApplyCorrections), and merging again changes nothing.
func TestJSONLMerge(t *testing.T) {
	ctx := context.Background()
	a := apptest.Open(t)
	apptest.BuildArchive(t, a, apptest.FixtureFiles(t))
	b := apptest.Open(t)
	if _, err := b.Importer.Import(ctx, apptest.FixtureFiles(t)[:1], importer.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := b.Tagging.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := b.Annotate.AddTags(ctx, 1, "mine"); err != nil {
		t.Fatal(err)
	}
	if err := b.Annotate.SetNote(ctx, 1, "My own note."); err != nil {
		t.Fatal(err)
	}
	corrs, _ := a.Store.Corrections(ctx)
	renamed := corrs[0] // the rename buildArchive made first
	before, _ := b.Store.ArticleMentions(ctx, 1)
	dump := apptest.ExportJSONL(t, a)
	rep, err := b.Exporter.Merge(ctx, bytes.NewReader(dump), export.MergeOptions{ApplyCorrections: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	na, _ := a.Store.ArticleCount(ctx)
	if rep.Articles != na || rep.Duplicates != 1 || rep.Imported != na-1 || rep.Corrections != len(corrs) {
		t.Errorf("merge report %+v: want %d articles, 1 duplicate, %d corrections", rep, na, len(corrs))
	}
	if nb, _ := b.Store.ArticleCount(ctx); nb != na {
		t.Errorf("%d articles after the merge, want %d", nb, na)
	}
	tags, _ := b.Annotate.ArticleTags(ctx, 1)
	if strings.Join(tags, ",") != "China,mine,trade" {
		t.Errorf("tags of the shared article: %v", tags)
	}
	if note, _ := b.Annotate.Note(ctx, 1); !strings.HasPrefix(note, "My own note.\n\n") || !strings.Contains(note, "Geneva date") {
		t.Errorf("note of the shared article: %q", note)
	}
	had := false
	for _, m := range before {
		had = had || (m.Name == renamed.Name && m.Type == renamed.Type)
	}
	if had {
		if _, err := entityNamedTest(ctx, b, renamed.Target, renamed.Type); err != nil {
			t.Errorf("the rename of %q was not applied to this archive's entity: %v", renamed.Name, err)
		}
		if _, err := entityNamedTest(ctx, b, renamed.Name, renamed.Type); err == nil {
			t.Errorf("%q is still an entity after its rename was merged", renamed.Name)
		}
	}
	if p, err := b.Store.Check(ctx); err != nil || len(p) > 0 {
		t.Errorf("check after merge: %v %v", p, err)
	}
	again, err := b.Exporter.Merge(ctx, bytes.NewReader(dump), export.MergeOptions{ApplyCorrections: true}, nil)
	if err != nil || again.Imported != 0 || again.Duplicates != na || again.Corrections != 0 {
		t.Errorf("second merge: %+v %v", again, err)
	}
	if note, _ := b.Annotate.Note(ctx, 1); strings.Count(note, "Geneva date") != 1 {
		t.Errorf("a second merge repeated the note: %q", note)
	}
}

func entityNamedTest(ctx context.Context, a *apptest.Archive, name, typ string) (store.Entity, error) {
	e, err := a.Store.EntityByName(ctx, name)
	if err == nil && (e.Name != name || e.Type != typ) {
		return e, store.ErrNotFound
	}
	return e, err
}

func TestImportJSONLRejects(t *testing.T) {
	a := apptest.Open(t)
	for _, in := range []string{"", "{\"kind\":\"article\"}\n", "not json", "{\"kind\":\"header\",\"format\":\"other\"}\n",
		"{\"kind\":\"header\",\"format\":\"newsarchive-export\",\"version\":99}\n"} {
		if _, err := a.Exporter.Merge(context.Background(), strings.NewReader(in), export.MergeOptions{}, nil); err == nil {
			t.Errorf("%q imported without error", in)
		}
	}
}

func FuzzMerge(f *testing.F) {
	f.Add([]byte("{\"kind\":\"header\",\"format\":\"newsarchive-export\",\"version\":1}\n" +
		"{\"kind\":\"article\",\"title\":\"T\",\"body\":\"Body of Ann.\",\"mentions\":[{\"name\":\"Ann\",\"type\":\"PERSON\",\"start\":8,\"end\":11,\"text\":\"Ann\"}]}\n" +
		"{\"kind\":\"entity\",\"name\":\"Ann\",\"type\":\"PERSON\",\"confirmed\":true,\"aliases\":[\"A.\"]}\n" +
		"{\"kind\":\"correction\",\"rule\":\"rename\",\"name\":\"Ann\",\"type\":\"PERSON\",\"target\":\"Anne\"}\n"))
	a := apptest.Open(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		a.Exporter.Merge(ctx, bytes.NewReader(data), export.MergeOptions{}, nil)
		if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
			t.Fatalf("archive damaged by %q: %v %v", data, p, err)
		}
	})
}

func BenchmarkMerge(b *testing.B) {
	a := apptest.Open(b)
	apptest.BuildArchive(b, a, apptest.FixtureFiles(b))
	dump := apptest.ExportJSONL(b, a)
	b.SetBytes(int64(len(dump)))
	for b.Loop() {
		c := apptest.Open(b)
		if _, err := c.Exporter.Merge(context.Background(), bytes.NewReader(dump), export.MergeOptions{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
