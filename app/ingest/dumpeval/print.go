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
	for _, r := range AllRenderers {
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
	for _, r := range AllRenderers {
		c := cs[r]
		if c == nil {
			continue
		}
		pct := func(n int) string { return fmt.Sprintf("%d (%.1f%%)", n, 100*float64(n)/float64(max(c.Pages, 1))) }
		fmt.Fprintf(w, "| %s | %d | %s | %s |\n", r, c.WithTitle, pct(c.InDump), pct(c.Candidate))
	}
}

// PrintPaired compares two scorings of the same dumps (by page and
// renderer): per renderer the mean body F1 and titles right before and
// after over the dumps both scored, then every dump whose body F1 moved by
// more than minDelta or whose title became right or wrong, largest change
// first. Dumps only one side scored are counted, not compared.
func PrintPaired(w io.Writer, before, after []PageScore, minDelta float64) {
	type key struct{ page, renderer string }
	old := make(map[key]PageScore, len(before))
	for _, s := range before {
		old[key{s.Page, s.Renderer}] = s
	}
	type sum struct {
		n             int
		f0, f1        float64
		t0, t1, fixed int
		broken, moved int
	}
	per := map[string]*sum{}
	type change struct {
		was, now PageScore
		d        float64
	}
	var changes []change
	unmatched := 0
	for _, s := range after {
		o, ok := old[key{s.Page, s.Renderer}]
		if !ok {
			unmatched++
			continue
		}
		delete(old, key{s.Page, s.Renderer})
		r := per[s.Renderer]
		if r == nil {
			r = &sum{}
			per[s.Renderer] = r
		}
		r.n++
		r.f0, r.f1 = r.f0+o.F1, r.f1+s.F1
		if o.TitleOK {
			r.t0++
		}
		if s.TitleOK {
			r.t1++
		}
		d := s.F1 - o.F1
		switch {
		case s.TitleOK && !o.TitleOK:
			r.fixed++
		case o.TitleOK && !s.TitleOK:
			r.broken++
		}
		if d > minDelta || d < -minDelta {
			r.moved++
		}
		if d > minDelta || d < -minDelta || s.TitleOK != o.TitleOK {
			changes = append(changes, change{o, s, d})
		}
	}
	fmt.Fprintf(w, "| renderer | dumps | body F1 before | after | titles before | after | fixed | broken | bodies moved |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, name := range AllRenderers {
		r := per[name]
		if r == nil {
			continue
		}
		n := float64(r.n)
		fmt.Fprintf(w, "| %s | %d | %.4f | %.4f | %.1f%% | %.1f%% | %d | %d | %d |\n", name, r.n, r.f0/n, r.f1/n,
			100*float64(r.t0)/n, 100*float64(r.t1)/n, r.fixed, r.broken, r.moved)
	}
	if unmatched > 0 || len(old) > 0 {
		fmt.Fprintf(w, "not compared: %d dumps scored only after, %d only before\n", unmatched, len(old))
	}
	sort.SliceStable(changes, func(i, j int) bool { return abs(changes[i].d) > abs(changes[j].d) })
	for _, c := range changes {
		line := fmt.Sprintf("%-32s %-10s F1 %.3f -> %.3f", c.now.Page, c.now.Renderer, c.was.F1, c.now.F1)
		if c.was.TitleOK != c.now.TitleOK || c.was.Title != c.now.Title {
			line += fmt.Sprintf("  title %q -> %q", c.was.Title, c.now.Title)
			if c.was.TitleOK != c.now.TitleOK {
				line += fmt.Sprintf(" (want %q)", c.now.WantTitle)
			}
		}
		fmt.Fprintln(w, line)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
