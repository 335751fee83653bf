package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/search"
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
	files := map[string][]byte{
		"bbc.html":   smithPage(title, "BBC Sport", "2005-03-12T09:00:00Z", "Graeme Smith wants the home series back, he told reporters in Cape Town."),
		"times.html": smithPage(title, "The Times", "2006-07-01T09:00:00Z", "Graeme Smith spoke again of the home series a year later in London."),
		"other.html": smithPage("Captain names his side", "BBC Sport", "2005-04-02T09:00:00Z", "Graeme Smith named an unchanged side for the first test."),
	}
	var paths []string
	for name, data := range files {
		paths = append(paths, apptest.WriteFile(t, dir, name, data))
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

// TestHeaderSearch types in the header's field: the matches open under it,
// grouped by kind, the two articles of one title told apart by source and
// date; Enter searches the full text, Down and Enter open a match, Esc
// closes them.
func TestHeaderSearch(t *testing.T) {
	w, a := openWindow(t)
	ids, ent := navArchive(t, w, a)
	h := w.header

	test.Type(h.entry, "smith")
	if !h.matchesShown() {
		t.Fatal("typing left the matches closed")
	}
	var headings []string
	for _, r := range h.matches.rows {
		if r.heading != "" {
			headings = append(headings, r.heading)
		}
	}
	if strings.Join(headings, ",") != "People,Articles" && strings.Join(headings, ",") != "Articles,People" {
		t.Errorf("headings %q; want People and Articles", headings)
	}
	details := map[string]string{}
	for _, f := range h.matches.results {
		details[f.Text+" · "+f.detail] = f.group
	}
	for _, want := range []string{
		"Smith keen on Home series return · BBC Sport · 12 Mar 2005",
		"Smith keen on Home series return · The Times · 1 Jul 2006",
		"Graeme Smith · 3 articles",
	} {
		if details[want] == "" {
			t.Errorf("no match %q among %v", want, details)
		}
	}
	if h.matches.sel != -1 {
		t.Errorf("a match is highlighted before any arrow: %d", h.matches.sel)
	}
	golden(t, w, "header-matches.png") // drawn under the field, over the body

	h.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h.matchesShown() || w.section != "" {
		t.Fatalf("Enter left the matches open (%v) or section %q shown", h.matchesShown(), w.section)
	}
	v, ok := find(w.body.Objects[0], func(e *widget.Entry) bool { return e.PlaceHolder == "Search the text of every article…" })
	if !ok || v.Text != "smith" {
		t.Fatalf("Enter opened no search view for %q (query field %+v)", "smith", v)
	}

	h.entry.SetText("")
	test.Type(h.entry, "graeme smth") // a typo
	h.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	f, ok := h.matches.selected()
	if !ok || f.Kind != lookup.KindEntity || f.ID != ent {
		t.Fatalf("Down highlights %+v; want Graeme Smith (%d)", f, ent)
	}
	h.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.entity == nil || w.entity.id != ent || h.matchesShown() {
		t.Fatalf("Enter on the match opened %+v (matches shown %v)", w.entity, h.matchesShown())
	}

	h.entry.SetText("")
	test.Type(h.entry, "captain names")
	h.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.matchesShown() {
		t.Error("Esc left the matches open")
	}
	test.Type(h.entry, " side")
	h.matches.list.Select(h.matches.rowOf[0]) // a tap on the first match
	if w.section != sectionArticles || w.articles.reader.id != ids["other.html"] {
		t.Errorf("tapping the match opened section %q article %d, want %d", w.section, w.articles.reader.id, ids["other.html"])
	}

	menuShortcut(t, w, shortcutSearch) // Ctrl+F: the field takes the cursor
	if w.win.Canvas().Focused() != h.entry {
		t.Errorf("Ctrl+F focused %v, want the header's field", w.win.Canvas().Focused())
	}
	menuShortcut(t, w, shortcutSearch) // again: the search view, with its filters
	if _, ok := find(w.body.Objects[0], func(e *widget.Entry) bool { return e.PlaceHolder == "mentioning…" }); !ok {
		t.Error("Ctrl+F twice opened no search view")
	}
}

// TestPaletteGroupsAndTellsApart looks up a title shared by two articles
// in the palette: they are listed under Articles, after People, each with
// its source and date.
func TestPaletteGroupsAndTellsApart(t *testing.T) {
	w, a := openWindow(t)
	navArchive(t, w, a)
	w.showPalette()
	test.Type(w.palette.entry, "smith")
	var rows []string
	for _, r := range w.palette.rows {
		if r.heading != "" {
			rows = append(rows, "# "+r.heading)
			continue
		}
		f := w.palette.results[r.index]
		rows = append(rows, f.Text+" · "+f.detail)
	}
	got := strings.Join(rows, "\n")
	for _, want := range []string{
		"# People\nGraeme Smith · 3 articles",
		"Smith keen on Home series return · BBC Sport · 12 Mar 2005",
		"Smith keen on Home series return · The Times · 1 Jul 2006",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("palette rows:\n%s\nwant %q", got, want)
		}
	}
	if !strings.Contains(got, "# Articles\n") {
		t.Errorf("palette rows:\n%s\nwant an Articles heading", got)
	}
	if w.palette.sel != 0 {
		t.Errorf("palette highlights %d, want the first result", w.palette.sel)
	}
	w.palette.move(-1)
	if w.palette.sel != 0 {
		t.Errorf("Up from the first result highlights %d; the palette keeps one", w.palette.sel)
	}
	golden(t, w, "palette-groups.png")
}

// TestDescribeFindings checks the grouping and the particulars of lookup
// results without a window.
func TestDescribeFindings(t *testing.T) {
	title := func(id int64, text, source, date string) search.Found {
		return search.Found{Result: lookup.Result{Kind: lookup.KindTitle, ID: id, Text: text}, Source: source, Published: date}
	}
	entity := func(id int64, text, typ string, n int) search.Found {
		return search.Found{Result: lookup.Result{Kind: lookup.KindEntity, ID: id, Text: text}, Type: typ, Articles: n}
	}
	source := search.Found{Result: lookup.Result{Kind: lookup.KindSource, ID: 1, Text: "BBC Sport"}, Articles: 1}
	tests := []struct {
		name  string
		found []search.Found
		want  []string // group: text · detail
	}{
		{"empty", nil, nil},
		{"groups in order of their best", []search.Found{
			title(1, "Smith keen", "BBC Sport", "2005-03-12T09:00:00Z"), entity(7, "Smith", store.TypePerson, 2),
			title(2, "Smith out", "", ""), entity(8, "Smith & Co", store.TypeOrg, 1), source,
			entity(9, "Smithfield", store.TypePlace, 1), entity(10, "Smithism", "MISC", 1),
			{Result: lookup.Result{Kind: kindTag, Text: "smith"}, Articles: 3},
		}, []string{
			"Articles: Smith keen · BBC Sport · 12 Mar 2005", "Articles: Smith out · undated",
			"People: Smith · 2 articles", "Organisations: Smith & Co · 1 article", "Sources: BBC Sport · 1 article",
			"Places: Smithfield · 1 article", "Other names: Smithism · 1 article", "Tags: smith · 3 articles",
		}},
		{"identical titles, sources and days told apart by number", []search.Found{
			title(3, "Smith keen", "BBC Sport", "2005-03-12"), title(4, "Smith Keen", "BBC Sport", "2005-03-12T10:00:00Z"),
			title(5, "Smith keen", "BBC Sport", "2005-03-13"),
		}, []string{
			"Articles: Smith keen · BBC Sport · 12 Mar 2005 · article 3",
			"Articles: Smith Keen · BBC Sport · 12 Mar 2005 · article 4",
			"Articles: Smith keen · BBC Sport · 13 Mar 2005",
		}},
		{"namesakes told apart by number", []search.Found{
			entity(11, "John Smith", store.TypePerson, 1), entity(12, "John Smith", store.TypePerson, 1),
		}, []string{"People: John Smith · 1 article · entity 11", "People: John Smith · 1 article · entity 12"}},
		{"an unreadable date is shown as it is", []search.Found{title(6, "Old", "Archive", "c. 1900")},
			[]string{"Articles: Old · Archive · c. 1900"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range describeFindings(tt.found) {
				got = append(got, f.group+": "+f.Text+" · "+f.detail)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// visibleTexts returns the texts drawn under o, hidden objects skipped.
func visibleTexts(o fyne.CanvasObject) []string {
	if !o.Visible() {
		return nil
	}
	var out []string
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case *canvas.Text:
		return []string{c.Text}
	case *fyne.Container:
		children = c.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects()
	}
	for _, ch := range children {
		out = append(out, visibleTexts(ch)...)
	}
	return out
}

// TestImportReportSaysSummaryOnce imports two files in the window and
// counts the summaries drawn on the job's card.
func TestImportReportSaysSummaryOnce(t *testing.T) {
	w, _ := openWindow(t)
	dir := t.TempDir()
	a := apptest.WriteFile(t, dir, "a.txt", []byte("Harbour storm closes port\n\nA storm closed the harbour for two days, officials said.\n"))
	b := apptest.WriteFile(t, dir, "b.txt", []byte("Bridge vote delayed\n\nThe council delayed its vote on the bridge, members said.\n"))
	w.startImport([]string{a, b}, nil)
	n := 0
	var all []string
	for _, s := range visibleTexts(w.jobs.box) {
		all = append(all, s)
		if strings.Contains(s, "Imported 2, duplicates 0, failed 0") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the summary is drawn %d times; want once. Texts: %q", n, all)
	}
}

// TestTagsRowHasOnePlus counts the "+" icons of the reader's tag editor.
func TestTagsRowHasOnePlus(t *testing.T) {
	w, _ := openWindow(t)
	e := newTagEditor(w)
	n := 0
	var count func(o fyne.CanvasObject)
	count = func(o fyne.CanvasObject) {
		switch c := o.(type) {
		case *widget.Icon:
			if c.Resource != nil && c.Resource.Name() == theme.ContentAddIcon().Name() {
				n++
			}
			return
		case *widget.Button:
			if c.Icon != nil && c.Icon.Name() == theme.ContentAddIcon().Name() {
				n++
			}
			return
		case *fyne.Container:
			for _, ch := range c.Objects {
				count(ch)
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(c).Objects() {
				count(ch)
			}
		}
	}
	count(e.content())
	if n != 1 {
		t.Errorf("the tags row shows %d \"+\"; want one, the button that adds", n)
	}
}

// TestSearchHistory runs two searches in the search view and one more
// from the header: back brings each earlier query, its results, back.
func TestSearchHistory(t *testing.T) {
	w, a := openWindow(t)
	navArchive(t, w, a)
	w.header.entry.SetText("home series")
	w.header.submit()
	query, ok := find(w.body.Objects[0], func(e *widget.Entry) bool { return e.PlaceHolder == "Search the text of every article…" })
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
		q, ok := find(w.body.Objects[0], func(e *widget.Entry) bool { return e.PlaceHolder == "Search the text of every article…" })
		if !ok || q.Text != s.query || (w.body.Objects[0] == view) != s.same {
			t.Fatalf("%s: query %q (found %v), first view %v; want %q, %v", s.name, q.Text, ok, w.body.Objects[0] == view, s.query, s.same)
		}
		if _, ok := find(w.body.Objects[0], func(l *widget.Label) bool { return l.Text == s.info }); !ok {
			t.Errorf("%s: the view does not say %q", s.name, s.info)
		}
	}
}

// TestPaletteFindsTags tags an article and finds the tag by the start of
// its name, under Tags, and opens its articles.
func TestPaletteFindsTags(t *testing.T) {
	w, a := openWindow(t)
	ids, _ := navArchive(t, w, a)
	if err := a.Annotate.AddTags(context.Background(), ids["times.html"], "smith-watch"); err != nil {
		t.Fatal(err)
	}
	w.showPalette()
	test.Type(w.palette.entry, "smith")
	var tag finding
	for i, f := range w.palette.results {
		if f.group == groupTags {
			tag = f
			w.palette.highlight(i)
		}
	}
	if tag.Text != "smith-watch" || tag.detail != "1 article" || len(tag.Positions) != 5 {
		t.Fatalf("the palette offers the tag as %+v", tag)
	}
	w.palette.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	found := false
	for _, s := range visibleTexts(w.body.Objects[0]) {
		found = found || strings.Contains(s, "smith-watch")
	}
	if w.section != "" || !found {
		t.Errorf("choosing the tag shows section %q, texts %q", w.section, visibleTexts(w.body.Objects[0]))
	}
	w.showPalette()
	test.Type(w.palette.entry, "zzz")
	for _, f := range w.palette.results {
		if f.group == groupTags {
			t.Errorf("%q offers the tag %q", "zzz", f.Text)
		}
	}
}
