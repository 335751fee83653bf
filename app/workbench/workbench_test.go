package workbench_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/internal/corpus"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

const (
	storyURL = "https://courier.example.org/yukos-story"
	version1 = "Moscow. The oil firm Yukos said its assets were frozen by the court on Monday. " +
		"Shareholders said they would appeal. Analysts expect a long fight."
	version2 = "MOSCOW (updated). Yukos, the oil firm, filed for bankruptcy in Houston. " +
		"The oil firm Yukos said its assets were frozen by the court on Monday. " +
		"Analysts expect a long fight over the company's future."
)

// saveStory archives (or re-extracts) the story at storyURL with body.
func saveStory(t *testing.T, a *apptest.Archive, body string, day int) int64 {
	t.Helper()
	art := store.Article{Title: "Yukos assets frozen", Body: body, URL: storyURL, Source: "The Courier",
		Published: "2004-12-01", ContentHash: "hash-" + body, Origin: "test"}
	v, err := a.Store.SaveVersion(context.Background(), art, store.Original{ContentType: "text/plain", Data: []byte(body)},
		time.Date(2004, 12, day, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return v.ArticleID
}

func TestHighlightsSurviveReextraction(t *testing.T) {
	ctx := context.Background()
	a := apptest.Open(t)
	id := saveStory(t, a, version1, 1)
	wb := a.Workbench

	kept, err := wb.AddHighlight(ctx, workbench.NewHighlight{ArticleID: id, Quote: "Yukos said its assets were frozen",
		Near: -1, Color: "contested", Note: "Which court?", Tags: []string{"courts", " Courts ", "russia"}})
	if err != nil {
		t.Fatal(err)
	}
	if kept.Color != "red" || kept.Note != "Which court?" || !reflect.DeepEqual(kept.Tags, []string{"courts", "russia"}) ||
		kept.Prefix != "Moscow. The oil firm " || kept.Author == "" && os.Getenv("USER") != "" {
		t.Errorf("AddHighlight = %+v", kept)
	}
	lost, err := wb.AddHighlight(ctx, workbench.NewHighlight{ArticleID: id, Quote: "Shareholders said they would appeal.", Near: -1})
	if err != nil {
		t.Fatal(err)
	}

	// Bad input: clear errors, nothing stored.
	_, err = wb.AddHighlight(ctx, workbench.NewHighlight{ArticleID: id, Quote: "Gazprom bought it", Near: -1})
	if !errors.Is(err, workbench.ErrQuoteNotFound) || !strings.Contains(err.Error(), "Gazprom bought it") {
		t.Errorf("a quote not in the article: %v", err)
	}
	if _, err := wb.AddHighlight(ctx, workbench.NewHighlight{ArticleID: id, Quote: "Yukos", Color: "mauve"}); !errors.Is(err, workbench.ErrBadColor) {
		t.Errorf("an unknown colour: %v", err)
	}
	if _, err := wb.AddHighlight(ctx, workbench.NewHighlight{ArticleID: id + 1, Quote: "Yukos"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a missing article: %v", err)
	}

	// Re-extraction: the article's text changes under the highlights.
	if id2 := saveStory(t, a, version2, 2); id2 != id {
		t.Fatalf("the new version made article %d, not %d", id2, id)
	}
	hs, err := wb.ArticleHighlights(ctx, id)
	if err != nil || len(hs) != 2 {
		t.Fatalf("ArticleHighlights after re-extraction = %+v, %v", hs, err)
	}
	byID := map[int64]store.HighlightRow{hs[0].ID: hs[0], hs[1].ID: hs[1]}
	k := byID[kept.ID]
	if k.Orphaned || version2[k.Start:k.End] != "Yukos said its assets were frozen" || k.Note != "Which court?" {
		t.Errorf("the kept highlight after re-extraction: %+v", k)
	}
	if l := byID[lost.ID]; !l.Orphaned || l.Quote != "Shareholders said they would appeal." {
		t.Errorf("the highlight whose text went: %+v (want orphaned, kept)", l)
	}

	// Filters.
	for _, tt := range []struct {
		f    workbench.Filter
		want int
	}{
		{workbench.Filter{}, 2},
		{workbench.Filter{Color: "contested"}, 1},
		{workbench.Filter{Color: "red", Tag: "RUSSIA"}, 1},
		{workbench.Filter{Tag: "nothing"}, 0},
		{workbench.Filter{Source: "the courier"}, 2},
		{workbench.Filter{Source: "Reuters"}, 0},
		{workbench.Filter{From: "2004-12", To: "2004"}, 2},
		{workbench.Filter{From: "2005"}, 0},
		{workbench.Filter{Entity: "Nobody Atall"}, 0},
	} {
		got, err := wb.Highlights(ctx, tt.f)
		if err != nil || len(got) != tt.want {
			t.Errorf("Highlights(%+v) = %d highlights, %v; want %d", tt.f, len(got), err, tt.want)
		}
	}
	if err := wb.UpdateHighlight(ctx, kept.ID, "evidence", "The Moscow arbitration court.", nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := wb.Highlights(ctx, workbench.Filter{Color: "green"}); len(got) != 1 || got[0].Note != "The Moscow arbitration court." || len(got[0].Tags) != 0 {
		t.Errorf("after UpdateHighlight: %+v", got)
	}
	if err := wb.RemoveHighlight(ctx, lost.ID); err != nil {
		t.Fatal(err)
	}
	if err := wb.RemoveHighlight(ctx, lost.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removing it twice: %v", err)
	}

	// Deleting the article deletes its highlights.
	if err := a.Store.DeleteArticle(ctx, id); err != nil {
		t.Fatal(err)
	}
	if got, err := wb.Highlights(ctx, workbench.Filter{}); err != nil || len(got) != 0 {
		t.Errorf("highlights after deleting the article: %+v, %v", got, err)
	}
}

func TestCollections(t *testing.T) {
	ctx := context.Background()
	a := apptest.Open(t)
	rep, err := a.Importer.Import(ctx, apptest.FixtureFiles(t), importer.Options{})
	if err != nil || rep.Imported < 3 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	wb := a.Workbench
	var ids []int64
	for _, r := range rep.Results {
		if r.ID != 0 {
			ids = append(ids, r.ID)
		}
	}
	c, err := wb.CreateCollection(ctx, workbench.NewCollection{Name: "  Ferry  project ", Description: "For the piece"})
	if err != nil || c.Name != "Ferry project" || len(c.Articles) != 0 {
		t.Fatalf("CreateCollection = %+v, %v", c, err)
	}
	if _, err := wb.CreateCollection(ctx, workbench.NewCollection{Name: "ferry PROJECT"}); !errors.Is(err, store.ErrNameTaken) {
		t.Errorf("a second collection of the same name: %v", err)
	}
	if n, err := wb.AddToCollection(ctx, "ferry project", ids[0], ids[1], ids[0]); n != 2 || err != nil {
		t.Errorf("AddToCollection = %d, %v", n, err)
	}
	if _, err := wb.AddToCollection(ctx, "ferry project", 99999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("adding a missing article: %v", err)
	}
	if n, err := wb.RemoveFromCollection(ctx, "ferry project", ids[0], 99999); n != 1 || err != nil {
		t.Errorf("RemoveFromCollection = %d, %v", n, err)
	}
	if err := wb.RenameCollection(ctx, "Ferry project", "Ferries"); err != nil {
		t.Fatal(err)
	}
	got, err := wb.CollectionIDs(ctx, "ferries")
	if err != nil || !reflect.DeepEqual(got, []int64{ids[1]}) {
		t.Errorf("CollectionIDs = %v, %v; want [%d]", got, err, ids[1])
	}

	// From a search: the hits now, and the search recorded.
	word := "the"
	res, err := a.Search.Search(ctx, word, searchAll())
	if err != nil || res.Total == 0 {
		t.Fatalf("search %q: %+v %v", word, res, err)
	}
	s, err := wb.CreateCollection(ctx, workbench.NewCollection{Name: "Search", Query: word,
		Filters: workbench.SearchFilters{From: "1900"}})
	if err != nil || len(s.Articles) != res.Total || s.SearchQuery != word || s.Filters.From != "1900" || s.SearchAt.IsZero() {
		t.Errorf("collection from a search = %d articles (want %d), %+v, %v", len(s.Articles), res.Total, s.Collection, err)
	}
	all, err := wb.Collections(ctx)
	if err != nil || len(all) != 2 || all[0].Name != "Ferries" || all[0].Articles != 1 {
		t.Errorf("Collections = %+v, %v", all, err)
	}
	if err := wb.DeleteCollection(ctx, "search"); err != nil {
		t.Fatal(err)
	}
	if _, err := wb.Collection(ctx, "search"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a deleted collection: %v", err)
	}
}

// TestWatchYukos: a watch on "Yukos" made after importing part of the BBC
// business corpus counts, after importing more, exactly the new articles
// that mention Yukos (checked against the files' text, not the index).
func TestWatchYukos(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 300 articles")
	}
	ctx := context.Background()
	root := corpus.Path(t, "corpus", "bbc")
	var files []string
	for i := 1; i <= 300; i++ {
		files = append(files, filepath.Join(root, "business", pad3(i)+".txt"))
	}
	a := apptest.Open(t)
	if _, err := a.Importer.Import(ctx, files[:150], importer.Options{}); err != nil {
		t.Fatal(err)
	}
	wb := a.Workbench
	w, err := wb.AddWatch(ctx, "Yukos", "Yukos", workbench.SearchFilters{})
	if err != nil || w.New != 0 {
		t.Fatalf("AddWatch = %+v, %v", w, err)
	}
	rep, err := a.Importer.Import(ctx, files[150:], importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mentions := regexp.MustCompile(`(?i)\byukos\b`)
	want := 0
	for _, r := range rep.Results {
		if r.Status != "imported" {
			continue
		}
		b, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		if mentions.Match(b) {
			want++
		}
	}
	if want == 0 {
		t.Fatal("no new article mentions Yukos: the test proves nothing")
	}
	t.Logf("%d of the %d new articles mention Yukos", want, rep.Imported)
	ws, err := wb.Watches(ctx)
	if err != nil || len(ws) != 1 || ws[0].New != want {
		t.Fatalf("Watches = %+v, %v; want %d new", ws, err, want)
	}
	v, err := wb.OpenWatch(ctx, "yukos")
	if err != nil || len(v.NewHits) != want || len(v.Seen) == 0 {
		t.Fatalf("OpenWatch: %d new, %d seen, %v; want %d new", len(v.NewHits), len(v.Seen), err, want)
	}
	for _, h := range v.NewHits {
		if h.ID <= w.SeenMaxID {
			t.Errorf("new hit %d was archived before the watch (max id %d)", h.ID, w.SeenMaxID)
		}
	}
	if ws, _ := wb.Watches(ctx); ws[0].New != 0 {
		t.Errorf("after opening, %d new; want 0", ws[0].New)
	}
	if _, err := wb.AddWatch(ctx, "YUKOS", "oil", workbench.SearchFilters{}); !errors.Is(err, store.ErrNameTaken) {
		t.Errorf("a second watch named yukos: %v", err)
	}
}

func pad3(i int) string { return fmt.Sprintf("%03d", i) }

func searchAll() search.Options { return search.Options{Limit: 500} }
