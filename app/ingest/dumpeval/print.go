package dumpeval

import (
	"fmt"
	"io"
	"sort"
)

// PrintTable writes one line per renderer: mean P, R, body F1, titles
// right, near-empty bodies and fallbacks.
func PrintTable(w io.Writer, rows map[string]*Row) {
	fmt.Fprintf(w, "| renderer | pages | P | R | body F1 | titles right | near-empty | fallbacks |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, r := range Renderers {
		row := rows[r]
		if row == nil {
			continue
		}
		fmt.Fprintf(w, "| %s | %d | %.3f | %.3f | %.3f | %.1f%% | %d | %d |\n", r, row.Pages, row.P, row.R, row.F1,
			100*float64(row.TitlesRight)/float64(max(row.Pages, 1)), row.NearEmpty, row.Fallbacks)
	}
}

// PrintPages writes every dump's result, worst body F1 first.
func PrintPages(w io.Writer, scores []PageScore) {
	s := append([]PageScore(nil), scores...)
	sort.Slice(s, func(i, j int) bool { return s[i].F1 < s[j].F1 })
	for _, p := range s {
		mark := "ok"
		if !p.TitleOK {
			mark = fmt.Sprintf("title %q want %q", p.Title, p.WantTitle)
		}
		fmt.Fprintf(w, "%-32s %-10s F1 %.3f P %.3f R %.3f %s %s\n", p.Page, p.Renderer, p.F1, p.P, p.R, p.Note, mark)
	}
}

// PrintCeilings writes, per renderer, how many dumps have an expected title,
// how many contain it at all and how many have it among the candidates.
func PrintCeilings(w io.Writer, cs map[string]*Ceiling) {
	fmt.Fprintf(w, "| renderer | with title | title in dump | among candidates |\n| --- | --- | --- | --- |\n")
	for _, r := range Renderers {
		c := cs[r]
		if c == nil {
			continue
		}
		pct := func(n int) string { return fmt.Sprintf("%d (%.1f%%)", n, 100*float64(n)/float64(max(c.Pages, 1))) }
		fmt.Fprintf(w, "| %s | %d | %s | %s |\n", r, c.WithTitle, pct(c.InDump), pct(c.Candidate))
	}
}
