package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/assets"
)

// feedVersion writes an RSS file whose one item, at a fixed link, has body
// as its text.
// feedVersion writes the gazette's feed, with body as its one item's text,
// to path: the same file read again is the same feed, so its new text
// becomes a new version of the article (store.SaveVersionFromOrigin).
func feedVersion(t *testing.T, path, body string) string {
	t.Helper()
	doc := `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
		`<channel><title>Test Gazette</title><link>https://gazette.example/</link><item><guid>story-1</guid>` +
		`<title>Harbour dredging</title><link>https://gazette.example/dredging</link>` +
		`<description><![CDATA[` + body + `]]></description></item></channel></rss>`
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestHighlightInReader selects a passage in the reader, highlights it
// with a colour, note and tag, finds it in the Highlights view, then
// imports a new version of the article (its text re-extracted, the
// passage moved) and finds the highlight still anchored on it.
func TestHighlightInReader(t *testing.T) {
	ctx := context.Background()
	w, a := openWindow(t)
	const quote = "the harbour board approved the dredging plan"
	v1 := "On Tuesday " + quote + " for the estuary. Fishermen objected to the noise. The work starts in May."
	feedPath := filepath.Join(t.TempDir(), "gazette.rss")
	rep, err := a.Importer.Import(ctx, []string{feedVersion(t, feedPath, v1)}, importer.Options{})
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import v1: %+v, %v", rep, err)
	}
	id := rep.Results[0].ID
	w.openArticle(id)
	p := w.articles.reader.hl
	p.toggle.OnTapped()
	if !p.picker.Visible() {
		t.Fatal("the selection panel did not open")
	}
	body := p.text.Text
	start := strings.Index(body, quote)
	if start < 0 {
		t.Fatalf("the reader's text lacks the quote: %q", body)
	}
	// Select the quote with the keyboard: the cursor to its start, then
	// shift and right arrow over it.
	e := p.text
	e.Resize(fyne.NewSize(4000, 300)) // one row: each arrow moves one character
	w.Canvas().Focus(e)
	e.CursorRow, e.CursorColumn = 0, 0
	for range utf8.RuneCountInString(body[:start]) {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for range utf8.RuneCountInString(quote) {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got, at := p.selection(); got != quote || at != start {
		t.Fatalf("selection = %q at %d, want %q at %d", got, at, quote, start)
	}
	p.color.SetSelectedIndex(2) // green: evidence
	p.note.SetText("Check the minutes of the board.")
	p.tags.SetText("harbour, dredging")
	p.mark.OnTapped()
	if len(p.shown) != 1 || p.shown[0].Color != "green" || p.shown[0].Note != "Check the minutes of the board." {
		t.Fatalf("the reader's highlights after marking: %+v", p.shown)
	}

	check := func(when string) {
		t.Helper()
		w.showSection(sectionHighlights)
		hv, ok := find[*fyne.Container](w.body, func(*fyne.Container) bool { return true })
		if !ok || hv == nil {
			t.Fatal("no Highlights view")
		}
		view := newHighlightsView(w)
		view.color.SetSelectedIndex(3) // green in the filter (after "any colour")
		view.tag.SetText("Dredging")
		view.reload()
		if len(view.rows) != 1 {
			t.Fatalf("%s: the Highlights view shows %d highlights, want 1", when, len(view.rows))
		}
		h := view.rows[0]
		art, err := a.Search.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if h.Orphaned || art.Body[h.Start:h.End] != quote || h.Note != "Check the minutes of the board." {
			t.Errorf("%s: highlight %+v; the article's text there is %q", when, h.Highlight, art.Body[h.Start:h.End])
		}
	}
	check("after highlighting")

	// Re-extraction: a new version of the story, the passage moved.
	v2 := "Updated. After a long debate, " + quote + " for the estuary. Fishermen objected. Work starts in June."
	rep, err = a.Importer.Import(ctx, []string{feedVersion(t, feedPath, v2)}, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	art, _ := a.Search.Article(ctx, id)
	if !strings.Contains(art.Body, "After a long debate") {
		t.Fatalf("the second version did not replace the article's text: %+v %q", rep, art.Body)
	}
	check("after re-extraction")
	w.openArticle(id)
	if got := w.articles.reader.hl.shown; len(got) != 1 || got[0].Orphaned {
		t.Errorf("the reader after re-extraction shows %+v", got)
	}
}

// TestWatchesAndCollectionsViews: a watch counts the articles imported
// after it (the sidebar shows the count), opening it lists them first and
// marks them seen; an article added to a new collection from the reader is
// listed in the Collections view and removed from there.
func TestWatchesAndCollectionsViews(t *testing.T) {
	ctx := context.Background()
	w, a := openWindow(t)
	if _, err := a.Workbench.AddWatch(ctx, "Geneva", "Geneva", workbench.SearchFilters{}); err != nil {
		t.Fatal(err)
	}
	rep, err := a.Importer.Import(ctx, []string{apptestSeed(t)}, importer.Options{})
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	w.afterImport()
	if n := w.sidebar.badges[sectionWatches]; n != 1 {
		t.Errorf("the sidebar counts %d new, want 1", n)
	}
	v := newWatchesView(w)
	v.content()
	if len(v.all) != 1 || v.all[0].New != 1 {
		t.Fatalf("watches: %+v", v.all)
	}
	v.open("geneva")
	if len(v.rows) != 1 || !v.rows[0].fresh || v.rows[0].hit.ID != rep.Results[0].ID {
		t.Errorf("opened watch rows: %+v", v.rows)
	}
	v.reload()
	if v.all[0].New != 0 || w.sidebar.badges[sectionWatches] != 0 {
		t.Errorf("after opening: %d new, sidebar %d", v.all[0].New, w.sidebar.badges[sectionWatches])
	}

	w.addToNamedCollection("Talks", []int64{rep.Results[0].ID})
	c := newCollectionsView(w)
	c.content()
	if len(c.all) != 1 || c.all[0].Name != "Talks" || c.all[0].Articles != 1 {
		t.Fatalf("collections: %+v", c.all)
	}
	c.open("talks")
	if len(c.cur.Articles) != 1 {
		t.Fatalf("collection shown: %+v", c.cur)
	}
	c.remove(c.cur.Articles[0].ID)
	if len(c.cur.Articles) != 0 || c.all[0].Articles != 0 {
		t.Errorf("after removing: %+v, %+v", c.cur.Articles, c.all)
	}
}

func apptestSeed(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), assets.SampleArticleName)
	if err := os.WriteFile(p, assets.SampleArticle, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
