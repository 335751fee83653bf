package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// workbenchArchive is the fixture archive with highlights (one on
// non-ASCII text) and two collections.
func workbenchArchive(t *testing.T) (*apptest.Archive, []int64) {
	t.Helper()
	ctx := context.Background()
	a := apptest.Open(t)
	apptest.BuildArchive(t, a, apptest.FixtureFiles(t))
	list, err := a.Search.Articles(ctx, store.SortID, 0, 0)
	if err != nil || len(list) < 3 {
		t.Fatalf("articles: %d, %v", len(list), err)
	}
	var ids []int64
	for i, l := range list[:3] {
		art, err := a.Search.Article(ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Fields(art.Body)
		quote := strings.Join(words[min(3, len(words)-1):min(9, len(words))], " ")
		if _, err := a.Workbench.AddHighlight(ctx, workbench.NewHighlight{ArticleID: l.ID, Quote: quote, Near: -1,
			Color: workbench.Colors[i].Name, Note: "note ✓ " + quote[:3], Tags: []string{"t" + string(rune('a'+i)), "shared"}}); err != nil {
			t.Fatalf("highlight %q on %d: %v", quote, l.ID, err)
		}
		ids = append(ids, l.ID)
	}
	if _, err := a.Workbench.CreateCollection(ctx, workbench.NewCollection{Name: "Pair", Description: "two of them"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Workbench.AddToCollection(ctx, "pair", ids[0], ids[2]); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Workbench.CreateCollection(ctx, workbench.NewCollection{Name: "Searched", Query: "ferries",
		Filters: workbench.SearchFilters{Source: "The Coastal Courier"}}); err != nil {
		t.Fatal(err)
	}
	return a, ids
}

func TestJSONLRoundTripWorkbench(t *testing.T) {
	ctx := context.Background()
	a, _ := workbenchArchive(t)
	roundTrip(t, a)

	first := apptest.ExportJSONL(t, a)
	for _, kind := range []string{`"kind":"highlight"`, `"kind":"collection"`, `"name":"Pair"`, `"search_query":"ferries"`} {
		if !bytes.Contains(first, []byte(kind)) {
			t.Errorf("the export lacks %s", kind)
		}
	}
	// Merging the export twice adds nothing the second time: without
	// ApplyCorrections the second merge leaves what is now local alone, and
	// with it the highlights already here are not added twice.
	b := apptest.Open(t)
	for i, c := range []struct {
		opt                     export.MergeOptions
		highlights, collections int
		skipped                 bool
	}{{export.MergeOptions{}, 3, 2, false}, {export.MergeOptions{}, 0, 0, true}, {export.MergeOptions{ApplyCorrections: true}, 0, 2, false}} {
		rep, err := b.Exporter.Merge(ctx, bytes.NewReader(first), c.opt, nil)
		if err != nil || rep.Highlights != c.highlights || rep.Collections != c.collections || (rep.WorkbenchSkipped > 0) != c.skipped {
			t.Errorf("merge %d: %+v, %v; want %d highlights added, %d collections, skipped %v", i+1, rep, err, c.highlights, c.collections, c.skipped)
		}
	}
	hs, err := b.Workbench.Highlights(ctx, workbench.Filter{Tag: "shared"})
	if err != nil || len(hs) != 3 || hs[0].Author == "" && os.Getenv("USER") != "" {
		t.Errorf("merged highlights: %+v, %v", hs, err)
	}
	if c, err := b.Workbench.Collection(ctx, "pair"); err != nil || len(c.Articles) != 2 || c.Description != "two of them" {
		t.Errorf("merged collection: %+v, %v", c, err)
	}
}

func TestCollectionScopeAndHighlightFormats(t *testing.T) {
	ctx := context.Background()
	a, ids := workbenchArchive(t)
	scope := export.Scope{Collection: "PAIR"}

	var jl bytes.Buffer
	st, err := a.Exporter.Write(ctx, &jl, export.Options{Format: export.FormatJSONL, Scope: scope})
	if err != nil || st.Articles != 2 {
		t.Fatalf("jsonl of the collection: %+v, %v", st, err)
	}
	if n := strings.Count(jl.String(), `"kind":"highlight"`); n != 2 {
		t.Errorf("jsonl of the collection has %d highlights, want 2", n)
	}
	for _, line := range strings.Split(jl.String(), "\n") {
		if strings.Contains(line, `"kind":"collection"`) && strings.Contains(line, `"members":[]`) {
			t.Errorf("jsonl of the collection carries a collection with none of its articles: %s", line)
		}
	}
	for _, f := range export.Formats {
		if f == export.FormatMarkdown || f == export.FormatAnnotations {
			continue
		}
		var buf bytes.Buffer
		if _, err := a.Exporter.Write(ctx, &buf, export.Options{Format: f, Scope: scope}); err != nil {
			t.Errorf("%s of the collection: %v", f, err)
		}
	}
	dir := t.TempDir()
	st, err = a.Exporter.Markdown(ctx, dir, export.Options{Scope: scope})
	if err != nil || st.Files != 2 {
		t.Fatalf("markdown of the collection: %+v, %v", st, err)
	}
	mds, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, p := range mds {
		b, _ := os.ReadFile(p)
		if !strings.Contains(string(b), "## Highlights\n\n> ") || !strings.Contains(string(b), "note ✓") {
			t.Errorf("%s lacks its highlight:\n%s", p, b)
		}
	}
	if _, err := a.Workbench.CreateCollection(ctx, workbench.NewCollection{Name: "Empty"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Exporter.Write(ctx, &bytes.Buffer{}, export.Options{Format: export.FormatJSONL,
		Scope: export.Scope{Collection: "empty"}}); !errors.Is(err, export.ErrBadOptions) {
		t.Errorf("export of an empty collection: %v (want ErrBadOptions, not the whole archive)", err)
	}
	if _, err := a.Exporter.Write(ctx, &bytes.Buffer{}, export.Options{Format: export.FormatJSONL,
		Scope: export.Scope{Collection: "nope"}}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("export of a missing collection: %v", err)
	}

	// The CSV highlights table.
	var cb bytes.Buffer
	if _, err := a.Exporter.Write(ctx, &cb, export.Options{Format: export.FormatCSV, Table: export.TableHighlights}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&cb).ReadAll()
	if err != nil || len(recs) != 4 || strings.Join(recs[0], ",") != strings.Join(export.HighlightColumns, ",") {
		t.Fatalf("csv highlights: %d rows %v %v", len(recs), recs, err)
	}

	// W3C Web Annotations: the selectors find the quote in the article.
	var wa bytes.Buffer
	if _, err := a.Exporter.Write(ctx, &wa, export.Options{Format: export.FormatAnnotations, Scope: export.Scope{IDs: ids[:1]}}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Context string `json:"@context"`
		Type    string
		Total   int
		First   struct {
			Items []struct {
				Type, Motivation string
				Body             []struct{ Value, Purpose string }
				Target           struct {
					Source   string
					Selector []struct {
						Type, Exact string
						Start, End  *int
					}
				}
			}
		}
	}
	if err := json.Unmarshal(wa.Bytes(), &doc); err != nil {
		t.Fatalf("annotations: %v\n%s", err, wa.String())
	}
	if doc.Context != "http://www.w3.org/ns/anno.jsonld" || doc.Type != "AnnotationCollection" || doc.Total != 1 ||
		len(doc.First.Items) != 1 {
		t.Fatalf("annotations: %s", wa.String())
	}
	an := doc.First.Items[0]
	art, _ := a.Search.Article(ctx, ids[0])
	if an.Type != "Annotation" || an.Motivation != "commenting" || len(an.Target.Selector) != 2 {
		t.Fatalf("annotation: %+v", an)
	}
	q, pos := an.Target.Selector[0], an.Target.Selector[1]
	runes := []rune(art.Body)
	if q.Type != "TextQuoteSelector" || pos.Type != "TextPositionSelector" || string(runes[*pos.Start:*pos.End]) != q.Exact {
		t.Errorf("selectors do not agree with the article: %+v %+v", q, pos)
	}
}

// TestExportReanchors: a highlight on an article whose text changed is
// exported where its quote is now, not at its old offsets.
func TestExportReanchors(t *testing.T) {
	ctx := context.Background()
	a := apptest.Open(t)
	apptest.BuildArchive(t, a, apptest.FixtureFiles(t)[:1])
	const url, quote = "https://courier.example.org/ferry-story", "its ferries and Saltmarsh Island"
	list, err := a.Search.Articles(ctx, store.SortID, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var art store.ArticleListing
	for _, l := range list {
		if l.Title == "Ferry story" {
			art = l
		}
	}
	if _, err := a.Workbench.AddHighlight(ctx, workbench.NewHighlight{ArticleID: art.ID, Quote: quote, Near: -1}); err != nil {
		t.Fatal(err)
	}
	body := "Third version, longer at the top: the story about Port Ellery, " + quote + "."
	if _, err := a.Store.SaveVersion(ctx, store.Article{Title: "Ferry story", Body: body, URL: url, Source: "The Coastal Courier",
		ContentHash: "hash-3", Origin: "test"}, store.Original{ContentType: "text/html", Data: []byte(body)}, time.Now()); err != nil {
		t.Fatal(err)
	}
	var cb bytes.Buffer
	if _, err := a.Exporter.Write(ctx, &cb, export.Options{Format: export.FormatCSV, Table: export.TableHighlights}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&cb).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("csv: %v %v", recs, err)
	}
	start, _ := strconv.Atoi(recs[1][9])
	end, _ := strconv.Atoi(recs[1][10])
	if recs[1][11] != "false" || start < 0 || end > len(body) || body[start:end] != quote {
		t.Errorf("exported highlight %v; want it at %d", recs[1], strings.Index(body, quote))
	}
}

// TestMergeCleansWorkbenchText: a foreign export's highlight notes, authors,
// tags and collection names arrive as the article text does, without escape
// sequences, control characters or bidirectional overrides.
func TestMergeCleansWorkbenchText(t *testing.T) {
	ctx := context.Background()
	a, _ := workbenchArchive(t)
	var lines [][]byte
	for _, l := range bytes.Split(apptest.ExportJSONL(t, a), []byte("\n")) {
		var rec map[string]any
		if len(l) == 0 || json.Unmarshal(l, &rec) != nil {
			lines = append(lines, l)
			continue
		}
		switch rec["kind"] {
		case "highlight":
			h := rec["highlight"].(map[string]any)
			h["note"] = "read \x1b[2Jthis\x07 again"
			h["author"] = "eve\u202e\x1b]0;pwned\x07"
			h["tags"] = []any{"ok", "\x1b[31m", "red\u202etag"}
		case "collection":
			if rec["name"] == "Pair" {
				rec["name"] = "Pa\x1b[1mir\u202e"
				rec["collection"].(map[string]any)["description"] = "two\x1b[0m of\r\nthem"
			}
		}
		out, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, out)
	}
	b := apptest.Open(t)
	if _, err := b.Exporter.Merge(ctx, bytes.NewReader(bytes.Join(lines, []byte("\n"))), export.MergeOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	hs, err := b.Workbench.Highlights(ctx, workbench.Filter{})
	if err != nil || len(hs) != 3 {
		t.Fatalf("merged highlights: %d, %v", len(hs), err)
	}
	dirty := func(s string) bool { return strings.ContainsAny(s, "\x1b\x07\r\u202e") }
	for _, h := range hs {
		if dirty(h.Note) || dirty(h.Author) || h.Note != "read this again" || strings.Join(h.Tags, ",") != "ok,redtag" {
			t.Errorf("merged highlight: note %q, author %q, tags %q", h.Note, h.Author, h.Tags)
		}
	}
	cs, err := b.Workbench.Collections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if dirty(c.Name) || dirty(c.Description) {
			t.Errorf("merged collection %q: description %q", c.Name, c.Description)
		}
	}
}

// TestJSONLWatches: a whole-archive export carries the watches, a scoped one
// does not; merged, a watch counts only what is imported later as new, and a
// watch of the same name here stays as it is.
func TestJSONLWatches(t *testing.T) {
	ctx := context.Background()
	a, _ := workbenchArchive(t)
	if _, err := a.Workbench.AddWatch(ctx, "Ferries", "ferries", workbench.SearchFilters{Source: "The Coastal Courier"}); err != nil {
		t.Fatal(err)
	}
	whole := apptest.ExportJSONL(t, a)
	if !bytes.Contains(whole, []byte(`"kind":"watch"`)) || !bytes.Contains(whole, []byte(`"query":"ferries"`)) {
		t.Fatalf("the whole-archive export lacks the watch")
	}
	var scoped bytes.Buffer
	if _, err := a.Exporter.Write(ctx, &scoped, export.Options{Format: export.FormatJSONL, Scope: export.Scope{Query: "ferries"}}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(scoped.Bytes(), []byte(`"kind":"watch"`)) {
		t.Errorf("a scoped export carries the watches")
	}
	b := apptest.Open(t)
	for i, want := range []int{1, 0} {
		rep, err := b.Exporter.Merge(ctx, bytes.NewReader(whole), export.MergeOptions{}, nil)
		if err != nil || rep.Watches != want {
			t.Fatalf("merge %d: %d watches added (%v), want %d", i+1, rep.Watches, err, want)
		}
	}
	ws, err := b.Workbench.Watches(ctx)
	if err != nil || len(ws) != 1 || ws[0].Name != "Ferries" || ws[0].Query != "ferries" || ws[0].New != 0 {
		t.Fatalf("merged watches: %+v, %v", ws, err)
	}
	bad := bytes.Replace(whole, []byte(`"query":"ferries"`), []byte(`"query":""`), 1)
	if _, err := apptest.Open(t).Exporter.Merge(ctx, bytes.NewReader(bad), export.MergeOptions{}, nil); err == nil {
		t.Errorf("a watch without a query merged")
	}
}
