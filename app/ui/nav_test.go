package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// smithPage is an article as a news site's page: a title, a site name
// and a publication time the importer reads.
func smithPage(title, site, published, body string) []byte {
	return fmt.Appendf(nil, `<html><head><title>%s</title>
<meta property="og:site_name" content="%s"><meta property="article:published_time" content="%s">
</head><body><article><h1>%s</h1><p>%s</p></article></body></html>`, title, site, published, title, body)
}

// navArchive fills the window's archive with three articles, two of them
// of the same title from different sources, all mentioning Graeme Smith,
// and shows the Articles section. It returns the articles' ids by file
// name and Graeme Smith's entity id.
func navArchive(t *testing.T, w *Window, a *app.App) (map[string]int64, int64) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	const title = "Smith keen on Home series return"
	files := []struct {
		name string
		data []byte
	}{ // in this order, for the same ids on every run (golden images)
		{"bbc.html", smithPage(title, "BBC Sport", "2005-03-12T09:00:00Z", "Graeme Smith wants the home series back, he told reporters in Cape Town.")},
		{"times.html", smithPage(title, "The Times", "2006-07-01T09:00:00Z", "Graeme Smith spoke again of the home series a year later in London.")},
		{"other.html", smithPage("Captain names his side", "BBC Sport", "2005-04-02T09:00:00Z", "Graeme Smith named an unchanged side for the first test.")},
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, apptest.WriteFile(t, dir, f.name, f.data))
	}
	rep, err := a.Importer.Import(ctx, paths, importer.Options{})
	if err != nil || rep.Imported != 3 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	ids := map[string]int64{}
	for _, r := range rep.Results {
		ids[filepath.Base(r.Path)] = r.ID
	}
	var ent int64
	for _, id := range ids {
		if ent, err = a.Tagging.AddEntity(ctx, "Graeme Smith", store.TypePerson, id); err != nil {
			t.Fatal(err)
		}
	}
	w.showSection(sectionArticles)
	return ids, ent
}

// menuShortcut runs the main menu's item bound to a shortcut, as the
// window does when it is typed.
func menuShortcut(t *testing.T, w *Window, s fyne.Shortcut) {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item for %s", s.ShortcutName())
}

// TestHistoryArticleEntityArticle goes from an article to a person's page
// to another article, then back and forward with Alt+Left and Alt+Right,
// and checks the arrows and Esc.
func TestHistoryArticleEntityArticle(t *testing.T) {
	w, a := openWindow(t)
	ids, ent := navArchive(t, w, a)
	first, second := ids["bbc.html"], ids["other.html"]

	var row articleRow
	for i := 0; i < w.articles.list.total; i++ {
		if r, ok := w.articles.list.row(i); ok && r.ID == first {
			row = r
		}
	}
	w.articles.list.open(row) // a tap on the list's row
	body := w.articles.reader.body
	pos, ok := body.LinkPos("Graeme Smith")
	if !ok {
		t.Fatalf("Graeme Smith is not drawn in article %d", w.articles.reader.id)
	}
	test.TapAt(body, pos)
	page := w.entity
	if page == nil || page.id != ent || w.section != "" {
		t.Fatalf("the mention opened %+v, section %q", page, w.section)
	}
	page.articles.open(store.EntityArticle{ArticleListing: store.ArticleListing{ID: second}})
	if w.section != sectionArticles || w.articles.reader.id != second {
		t.Fatalf("the entity page's article opened section %q, article %d; want %d", w.section, w.articles.reader.id, second)
	}
	if w.header.back.Disabled() || !w.header.forward.Disabled() {
		t.Errorf("at the newest place: back disabled %v, forward disabled %v", w.header.back.Disabled(), w.header.forward.Disabled())
	}

	type where struct {
		section string
		article int64
		entity  bool
	}
	at := func() where {
		return where{w.section, w.articles.reader.id, w.section == "" && w.body.Objects[0] == page.root}
	}
	steps := []struct {
		name string
		do   func()
		want where
	}{
		{"back to the entity", func() { menuShortcut(t, w, shortcutBack) }, where{"", second, true}},
		{"back to the first article", func() { menuShortcut(t, w, shortcutBack) }, where{sectionArticles, first, false}},
		{"forward to the entity", func() { menuShortcut(t, w, shortcutForward) }, where{"", first, true}},
		{"forward to the second article", func() { test.Tap(w.header.forward) }, where{sectionArticles, second, false}},
		{"forward goes nowhere", func() { menuShortcut(t, w, shortcutForward) }, where{sectionArticles, second, false}},
		{"the back arrow", func() { test.Tap(w.header.back) }, where{"", second, true}},
		{"Esc on a page goes back", func() { w.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }, where{sectionArticles, first, false}},
		{"Esc on a section stays", func() { w.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }, where{sectionArticles, first, false}},
	}
	for _, s := range steps {
		s.do()
		if got := at(); got != s.want {
			t.Fatalf("%s: at %+v, want %+v", s.name, got, s.want)
		}
	}
	if w.header.forward.Disabled() {
		t.Error("after going back the forward arrow is disabled")
	}
	w.showSection(sectionPeople) // a new place: what was ahead is forgotten
	if w.history.CanForward() || !w.header.forward.Disabled() || w.header.back.Disabled() {
		t.Errorf("after a new visit: can forward %v, forward disabled %v, back disabled %v",
			w.history.CanForward(), w.header.forward.Disabled(), w.header.back.Disabled())
	}
	menuShortcut(t, w, shortcutBack)
	if w.section != sectionArticles || w.articles.reader.id != first {
		t.Errorf("back from People: section %q article %d, want the first article", w.section, w.articles.reader.id)
	}
}

// TestSearchHistory runs two searches in the search view and one more
// from the header: back brings each earlier query, its results, back.
func TestSearchHistory(t *testing.T) {
	w, a := openWindow(t)
	navArchive(t, w, a)
	w.header.entry.SetText("home series")
	w.header.submit()
	query, ok := find(w.body.Objects[0], func(e *widgets.Entry) bool { return e.PlaceHolder == "Search the text of every article…" })
	if !ok {
		t.Fatal("no search view")
	}
	view := w.body.Objects[0]
	query.SetText("unchanged side")
	query.OnSubmitted(query.Text)
	w.header.entry.SetText("cape town")
	w.header.submit()

	steps := []struct {
		name  string
		do    func()
		query string
		same  bool   // the first search view is shown
		info  string // what it says it found
	}{
		{"back to the second query", func() { menuShortcut(t, w, shortcutBack) }, "unchanged side", true, "1 matching article"},
		{"back to the first", func() { menuShortcut(t, w, shortcutBack) }, "home series", true, "2 matching articles"},
		{"forward to the second", func() { menuShortcut(t, w, shortcutForward) }, "unchanged side", true, "1 matching article"},
		{"forward to the header's", func() { menuShortcut(t, w, shortcutForward) }, "cape town", false, "1 matching article"},
	}
	for _, s := range steps {
		s.do()
		q, ok := find(w.body.Objects[0], func(e *widgets.Entry) bool { return e.PlaceHolder == "Search the text of every article…" })
		if !ok || q.Text != s.query || (w.body.Objects[0] == view) != s.same {
			t.Fatalf("%s: query %q (found %v), first view %v; want %q, %v", s.name, q.Text, ok, w.body.Objects[0] == view, s.query, s.same)
		}
		if _, ok := find(w.body.Objects[0], func(l *widget.Label) bool { return l.Text == s.info }); !ok {
			t.Errorf("%s: the view does not say %q", s.name, s.info)
		}
	}
}
