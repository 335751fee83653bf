package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/store"
)

// coverageFeed has two ferry stories in one week of March 2024, one the
// week after and one undated.
const coverageFeed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour News</title><link>https://harbour.example.org/</link>
<item><title>Ferry strike begins</title><link>https://harbour.example.org/1</link><pubDate>Mon, 04 Mar 2024 09:00:00 +0000</pubDate>
<description>The ferry crews walked out at dawn over pay.</description></item>
<item><title>Ferry strike talks</title><link>https://harbour.example.org/2</link><pubDate>Wed, 06 Mar 2024 09:00:00 +0000</pubDate>
<description>Talks to end the ferry strike began in the town hall.</description></item>
<item><title>Harbour reopens</title><link>https://harbour.example.org/3</link><pubDate>Tue, 12 Mar 2024 09:00:00 +0000</pubDate>
<description>The harbour reopened to ferry traffic after the strike.</description></item>
<item><title>Old ferry story</title><link>https://harbour.example.org/4</link>
<description>A ferry story from the archive, without a date.</description></item>
</channel></rss>`

// TestCoverageView draws a query by week, hovers over a bar and clicks it
// to list that week's articles.
func TestCoverageView(t *testing.T) {
	w, a := openWindow(t)
	feed := filepath.Join(t.TempDir(), "harbour.rss")
	if err := os.WriteFile(feed, []byte(coverageFeed), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Importer.Import(context.Background(), []string{feed}, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	if w.sectionView(sectionCoverage) == nil {
		t.Fatal("no Coverage section")
	}
	cv := newCoverageView(w)
	w.setBody(cv.content())
	cv.pickers[0].value.SetText("ferry")
	cv.by.SetSelected("week")
	test.Tap(button(t, w, "Draw"))
	tab := cv.chart.Table()
	if tab == nil {
		t.Fatalf("no chart; note %q", cv.note.Text)
	}
	if got := tab.Series[0].Counts; len(got) != 2 || got[0] != 2 || got[1] != 1 {
		t.Fatalf("weekly counts %v, want [2 1]", got)
	}
	want := "query: ferry: 3 articles — 1 undated, not drawn — click a bar to list its articles"
	if cv.note.Text != want {
		t.Errorf("note %q, want %q", cv.note.Text, want)
	}
	test.WidgetRenderer(cv.chart).Layout(cv.chart.Size()) // draws, as on screen
	mid, ok := cv.chart.BarCenter(0, 0)
	if !ok {
		t.Fatalf("no bar drawn in a chart of %v", cv.chart.Size())
	}
	cv.chart.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: mid}})
	if got := cv.hover.Text; got != " 4–10 Mar 2024: query: ferry 2" {
		t.Errorf("hover shows %q", got)
	}
	cv.chart.Tapped(&fyne.PointEvent{Position: mid})
	if _, ok := find(w.Content(), func(l *widget.Label) bool { return l.Text == "2 articles" }); !ok {
		t.Error("clicking the bar opened no list of its 2 articles")
	}
}

func TestLeadIn(t *testing.T) {
	m := func(s string) string { return store.MarkStart + s + store.MarkEnd }
	tests := []struct {
		name, in, want string
		lead           int
	}{
		{"short", "Yesterday " + m("Blair") + " said so.", "Yesterday " + m("Blair") + " said so.", 20},
		{"long, cut at a word", "The minister who spoke at length on Tuesday " + m("Blair") + " said.", "…on Tuesday " + m("Blair") + " said.", 12},
		{"no mark", "No mark here at all, a long sentence.", "No mark here at all, a long sentence.", 5},
		{"multibyte", "Ça été très très long avant " + m("Zoë"), "…avant " + m("Zoë"), 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := leadIn(tc.in, tc.lead); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSpanText(t *testing.T) {
	tests := []struct {
		in   store.SourceSpan
		want string
	}{
		{store.SourceSpan{First: "2004-01-03T10:00:00", Last: "2005-12-30"}, " · 2004-01-03 – 2005-12-30"},
		{store.SourceSpan{First: "2004-01-03", Last: "2004-01-03T23:00:00"}, " · 2004-01-03"},
		{store.SourceSpan{Undated: 4}, " (4 undated)"},
		{store.SourceSpan{First: "2004", Last: "2005-02", Undated: 1}, " · 2004 – 2005-02 (1 undated)"},
	}
	for _, tc := range tests {
		if got := spanText(tc.in); got != tc.want {
			t.Errorf("spanText(%+v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzLeadIn checks that cutting a context keeps the mention and what
// follows it, whatever the text.
func FuzzLeadIn(f *testing.F) {
	f.Add("The minister who spoke at length "+store.MarkStart+"Blair"+store.MarkEnd+" said.", 10)
	f.Add("Ça été très long "+store.MarkStart+"Zoë", 3)
	f.Add("no mark", 0)
	f.Fuzz(func(t *testing.T, c string, lead int) {
		lead = max(0, lead%200)
		got := leadIn(c, lead)
		i := strings.Index(c, store.MarkStart)
		if i < 0 {
			if got != c {
				t.Errorf("leadIn(%q) = %q changed a context without a mark", c, got)
			}
			return
		}
		if !strings.HasSuffix(got, c[i:]) {
			t.Errorf("leadIn(%q, %d) = %q lost the mention", c, lead, got)
		}
	})
}
