package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/store"
)

// TestReextract imports a lynx dump, stands in an older parser's extraction
// (the raw dump as body, a menu line as title), tags and annotates the
// article, and re-extracts: the article gets today's parse, keeps its tags
// and note, waits for tagging again; a second run changes nothing; an
// article without an original is skipped and a missing one fails.
func TestReextract(t *testing.T) {
	a := apptest.Open(t)
	ctx := context.Background()
	path := filepath.Join("testdata", "reextract", "daringfireball-lynx.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ingest.ParseText(raw)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := a.Importer.Import(ctx, []string{path}, importer.Options{})
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	id := rep.Results[0].ID
	old := store.Article{Title: "#alternate", Body: string(raw), ContentHash: ingest.ContentHash("#alternate", string(raw))}
	if up, err := a.Store.UpdateExtraction(ctx, id, old); err != nil || up.Outcome != store.ExtractionChanged {
		t.Fatalf("stand in the old extraction: %+v, %v", up, err)
	}
	ids, _, err := a.Store.CreateArticles(ctx, []store.Article{{Title: "Merged", Body: "merged from an export",
		ContentHash: "merged", Origin: "export.jsonl"}}, []store.Original{{}})
	if err != nil {
		t.Fatal(err)
	}
	merged := ids[0]
	if err := a.Store.AddTags(ctx, id, []string{"apple"}); err != nil {
		t.Fatal(err)
	}
	if err := a.Store.SetNote(ctx, id, "read later"); err != nil {
		t.Fatal(err)
	}
	if err := a.Store.SaveTagged(ctx, []store.Tagged{{ArticleID: id, Model: "m"}, {ArticleID: merged, Model: "m"}}); err != nil {
		t.Fatal(err)
	}

	var progress []int
	rep2, err := a.Importer.Reextract(ctx, nil, importer.ReextractOptions{OnProgress: func(done, total int) {
		progress = append(progress, done)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Changed != 1 || rep2.Skipped != 1 || rep2.TitlesChanged != 1 || rep2.BodiesChanged != 1 || len(progress) != 3 {
		t.Fatalf("first run: %+v, progress %v", rep2, progress)
	}
	r := rep2.Results[0]
	if r.ID != id || r.OldTitle != "#alternate" || r.Title != want.Title {
		t.Errorf("result %+v, want title %q", r, want.Title)
	}
	got, err := a.Store.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != want.Title || got.Body != want.Body || got.Body == string(raw) {
		t.Errorf("stored %q with a body of %d bytes, want %q (%d bytes)", got.Title, len(got.Body), want.Title, len(want.Body))
	}
	if tags, _ := a.Store.ArticleTags(ctx, id); len(tags) != 1 || tags[0] != "apple" {
		t.Errorf("tags: %v", tags)
	}
	if n, _ := a.Store.Note(ctx, id); n.Text != "read later" {
		t.Errorf("note: %+v", n)
	}
	if q, err := a.Store.QueueStatus(ctx); err != nil || q.Pending != 1 {
		t.Errorf("tagging queue: %+v, %v (want the re-extracted article pending)", q, err)
	}

	rep3, err := a.Importer.Reextract(ctx, []int64{id, merged, 9999}, importer.ReextractOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep3.Unchanged != 1 || rep3.Skipped != 1 || rep3.Failed != 1 || rep3.Changed != 0 {
		t.Errorf("second run: %+v", rep3)
	}
}
