package ingest

import (
	"strings"
	"testing"
)

// TestMarkdownDump checks what makes a dump Markdown (three links whose
// text is not a lynx reference number) and how its lines are cleaned:
// links to their text, images out, headings and bold marks off, each
// counted on the line.
func TestMarkdownDump(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"three links", "* [Home](/)\n* [News](https://example.org/news)\n\nRead [the report](report.pdf \"PDF\").\n", true},
		{"two links", "[Home](/) and [News](/news)\n", false},
		{"lynx reference numbers", "[14](BUTTON) SUBSCRIBE\n[15](BUTTON) x\n[302](134551) y\n[303](51817) z\n", false},
		{"prose with brackets", "He said [sic] (twice) that [the plan] (as drafted) would fail [again] (in May).\n", false},
	} {
		if got := isMarkdown(tt.text); got != tt.want {
			t.Errorf("%s: isMarkdown %v, want %v", tt.name, got, tt.want)
		}
	}
	for _, tt := range []struct {
		line, want   string
		links, marks int
		head         bool
	}{
		{"[ Retour à l’accueil](https://www.20minutes.fr/)", " Retour à l’accueil", 1, 0, false},
		{"## Un risque accru de vague Belharra", "Un risque accru de vague Belharra", 0, 0, true},
		{"![Des dégâts à Hasparren.](https://img.20mn.fr/a(1).jpg) Photo AP", "  Photo AP", 0, 1, false},
		{"[![logo](/logo.png)](/) **gros temps** La dépression", "  gros temps La dépression", 1, 1, false},
		{"Des intempéries liées à [la tempête Ciaran](/planete/4060393 \"Ciaran\") toucheront", "Des intempéries liées à la tempête Ciaran toucheront", 1, 0, false},
	} {
		var d DumpLine
		if got := stripMarkdown(tt.line, &d); got != tt.want || d.Links != tt.links || d.Marks != tt.marks || d.Head != tt.head {
			t.Errorf("stripMarkdown(%q) = %q, links %d, marks %d, head %v; want %q, %d, %d, %v",
				tt.line, got, d.Links, d.Marks, d.Head, tt.want, tt.links, tt.marks, tt.head)
		}
	}
	// A Markdown page is a dump; its lines come out clean.
	page := "* [Home](/)\n* [World](/world)\n* [Sport](/sport)\n\n# Storm closes the harbour\n\n" +
		strings.Repeat("The harbour master closed the port on Tuesday after [the storm](/storm) broke two moorings. ", 3) + "\n"
	if !IsScrapedDump(page) {
		t.Fatal("a Markdown page is not taken for a dump")
	}
	for _, l := range CleanDump(page) {
		if strings.ContainsAny(l.Text, "[]()#") {
			t.Errorf("Markdown left in %q", l.Text)
		}
	}
}
