package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/assets"
	"github.com/newsarchive/newsarchive/store"
)

// fixtureFiles returns the seed and the export test pages, written to a
// temporary folder.
func fixtureFiles(t testing.TB) []string {
	t.Helper()
	dir := t.TempDir()
	paths := []string{filepath.Join(dir, assets.SampleArticleName)}
	if err := os.WriteFile(paths[0], assets.SampleArticle, 0o644); err != nil {
		t.Fatal(err)
	}
	return append(paths, filepath.Join("testdata", "export"))
}

// bbcSubset returns the first n files of the BBC corpus, skipping when it
// is absent.
func bbcSubset(t testing.TB, n int) []string {
	t.Helper()
	root := corpus.Path(t, "corpus", "bbc")
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") && (n <= 0 || len(files) < n) {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// buildArchive imports paths, tags them, and adds the user's work the
// export must carry: tags, notes, a story fetched in two versions, and one
// correction of each kind.
func buildArchive(t testing.TB, a *App, paths []string) {
	t.Helper()
	ctx := context.Background()
	if _, err := a.Import(ctx, paths, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for i, body := range []string{"First version of the story about Port Ellery and its ferries.",
		"Second version of the story about Port Ellery, its ferries and Saltmarsh Island."} {
		art := store.Article{Title: "Ferry story", Body: body, URL: "https://courier.example.org/ferry-story",
			Source: "The Coastal Courier", ContentHash: "hash-" + body, Origin: "test"}
		if _, err := a.Store.SaveVersion(ctx, art, store.Original{ContentType: "text/html", Data: []byte(body)},
			time.Date(2024, 3, 14+i, 9, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := a.AddTags(ctx, 1, "trade", "China"); err != nil {
		t.Fatal(err)
	}
	if err := a.AddTags(ctx, 2, "trade"); err != nil {
		t.Fatal(err)
	}
	if err := a.SetNote(ctx, 1, "Check the Geneva date.\nSecond line with \"quotes\" and <tags>."); err != nil {
		t.Fatal(err)
	}
	ents, err := a.Entities(ctx, "", 6, 0)
	if err != nil || len(ents) < 6 {
		t.Fatalf("entities: %v %v", ents, err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(a.RenameEntity(ctx, ents[0].ID, ents[0].Name+" (renamed)"))
	must(a.RetypeEntity(ctx, ents[1].ID, "MISC"))
	must(a.MergeEntities(ctx, ents[2].ID, ents[3].ID))
	must(a.RejectEntity(ctx, ents[4].ID, 0))
	_, err = a.AddEntity(ctx, "Geneva meeting", "MISC", 1)
	must(err)
	_, err = a.AddEntity(ctx, "harbour council", "ORG", 0)
	must(err)
}

// exportJSONL exports the whole archive as JSONL.
func exportJSONL(t testing.TB, a *App) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := a.Export(context.Background(), &buf, ExportOptions{Format: FormatJSONL}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortedLines(b []byte) []string {
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	sort.Strings(lines)
	return lines
}

// roundTrip exports a, imports the export into an empty archive, exports
// that, and requires both exports to hold the same lines.
func roundTrip(t *testing.T, a *App) {
	t.Helper()
	ctx := context.Background()
	first := exportJSONL(t, a)
	b := openTest(t)
	rep, err := b.ImportJSONL(ctx, bytes.NewReader(first), nil)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := a.Store.ArticleCount(ctx)
	if rep.Imported != n || rep.Duplicates != 0 || rep.BadMentions != 0 {
		t.Errorf("import report %+v, want %d imported", rep, n)
	}
	second := exportJSONL(t, b)
	want, got := sortedLines(first), sortedLines(second)
	if len(want) != len(got) {
		t.Fatalf("export has %d lines, its re-import %d", len(want), len(got))
	}
	for i := range want {
		if want[i] != got[i] {
			t.Fatalf("line %d differs:\n%.300s\n%.300s", i, want[i], got[i])
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
	ea, _ := a.Entities(ctx, "", 0, 0)
	eb, _ := b.Entities(ctx, "", 0, 0)
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
	a := openTest(t)
	buildArchive(t, a, fixtureFiles(t))
	roundTrip(t, a)
}

func TestJSONLRoundTripBBC(t *testing.T) {
	n := 200
	if !testing.Short() && !raceOn {
		n = 0 // the whole corpus
	}
	files := bbcSubset(t, n)
	a := openTest(t)
	buildArchive(t, a, append(fixtureFiles(t), files...))
	roundTrip(t, a)
}

// TestJSONLMerge merges an archive's export into another that shares an
// article: nothing is duplicated, the user's tags and note are merged, the
// corrections apply to the other archive's own entities, and merging again
// changes nothing.
func TestJSONLMerge(t *testing.T) {
	ctx := context.Background()
	a := openTest(t)
	buildArchive(t, a, fixtureFiles(t))
	b := openTest(t)
	if _, err := b.Import(ctx, fixtureFiles(t)[:1], ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := b.TagPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := b.AddTags(ctx, 1, "mine"); err != nil {
		t.Fatal(err)
	}
	if err := b.SetNote(ctx, 1, "My own note."); err != nil {
		t.Fatal(err)
	}
	corrs, _ := a.Store.Corrections(ctx)
	renamed := corrs[0] // the rename buildArchive made first
	before, _ := b.Store.ArticleMentions(ctx, 1)
	export := exportJSONL(t, a)
	rep, err := b.ImportJSONL(ctx, bytes.NewReader(export), nil)
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
	tags, _ := b.ArticleTags(ctx, 1)
	if strings.Join(tags, ",") != "China,mine,trade" {
		t.Errorf("tags of the shared article: %v", tags)
	}
	if note, _ := b.Note(ctx, 1); !strings.HasPrefix(note, "My own note.\n\n") || !strings.Contains(note, "Geneva date") {
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
	again, err := b.ImportJSONL(ctx, bytes.NewReader(export), nil)
	if err != nil || again.Imported != 0 || again.Duplicates != na || again.Corrections != 0 {
		t.Errorf("second merge: %+v %v", again, err)
	}
	if note, _ := b.Note(ctx, 1); strings.Count(note, "Geneva date") != 1 {
		t.Errorf("a second merge repeated the note: %q", note)
	}
}

func entityNamedTest(ctx context.Context, a *App, name, typ string) (store.Entity, error) {
	e, err := a.Store.EntityByName(ctx, name)
	if err == nil && (e.Name != name || e.Type != typ) {
		return e, store.ErrNotFound
	}
	return e, err
}

func TestImportJSONLRejects(t *testing.T) {
	a := openTest(t)
	for _, in := range []string{"", "{\"kind\":\"article\"}\n", "not json", "{\"kind\":\"header\",\"format\":\"other\"}\n",
		"{\"kind\":\"header\",\"format\":\"newsarchive-export\",\"version\":99}\n"} {
		if _, err := a.ImportJSONL(context.Background(), strings.NewReader(in), nil); err == nil {
			t.Errorf("%q imported without error", in)
		}
	}
}

func FuzzImportJSONL(f *testing.F) {
	f.Add([]byte("{\"kind\":\"header\",\"format\":\"newsarchive-export\",\"version\":1}\n" +
		"{\"kind\":\"article\",\"title\":\"T\",\"body\":\"Body of Ann.\",\"mentions\":[{\"name\":\"Ann\",\"type\":\"PERSON\",\"start\":8,\"end\":11,\"text\":\"Ann\"}]}\n" +
		"{\"kind\":\"entity\",\"name\":\"Ann\",\"type\":\"PERSON\",\"confirmed\":true,\"aliases\":[\"A.\"]}\n" +
		"{\"kind\":\"correction\",\"rule\":\"rename\",\"name\":\"Ann\",\"type\":\"PERSON\",\"target\":\"Anne\"}\n"))
	a := openTest(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		a.ImportJSONL(ctx, bytes.NewReader(data), nil)
		if p, err := a.Store.Check(ctx); err != nil || len(p) > 0 {
			t.Fatalf("archive damaged by %q: %v %v", data, p, err)
		}
	})
}

func BenchmarkImportJSONL(b *testing.B) {
	a := openTest(b)
	buildArchive(b, a, fixtureFiles(b))
	export := exportJSONL(b, a)
	b.SetBytes(int64(len(export)))
	for b.Loop() {
		c := openTest(b)
		if _, err := c.ImportJSONL(context.Background(), bytes.NewReader(export), nil); err != nil {
			b.Fatal(err)
		}
	}
}
