package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

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
		{"identical titles, sources and days told apart by time, then number", []search.Found{
			title(3, "Smith keen", "BBC Sport", "2005-03-12"), title(4, "Smith Keen", "BBC Sport", "2005-03-12T10:00:00Z"),
			title(5, "Smith keen", "BBC Sport", "2005-03-13"), title(13, "Smith keen", "BBC Sport", "2005-03-12T18:30:00+01:00"),
			title(14, "Smith keen", "BBC Sport", "2005-03-12T18:30:00+01:00"),
		}, []string{
			"Articles: Smith keen · BBC Sport · 12 Mar 2005", // alone once the others show their time
			"Articles: Smith Keen · BBC Sport · 12 Mar 2005 10:00",
			"Articles: Smith keen · BBC Sport · 13 Mar 2005",
			"Articles: Smith keen · BBC Sport · 12 Mar 2005 18:30 · article 13",
			"Articles: Smith keen · BBC Sport · 12 Mar 2005 18:30 · article 14",
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
