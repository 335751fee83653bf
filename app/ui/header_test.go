package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

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
	v, ok := find(w.body.Objects[0], func(e *widgets.Entry) bool { return e.PlaceHolder == "Search the text of every article…" })
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
	if _, ok := find(w.body.Objects[0], func(e *widgets.Entry) bool { return e.PlaceHolder == "mentioning…" }); !ok {
		t.Error("Ctrl+F twice opened no search view")
	}
}
