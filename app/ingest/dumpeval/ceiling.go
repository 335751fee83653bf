package dumpeval

import (
	"strings"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// Ceiling counts, per renderer, the dumps whose expected title can be found
// at all: InDump when the title's words (in full, or with the site's name cut
// off as ingest.TitleMatches allows) occur in order in the cleaned dump's
// text, read across line ends; Candidate when one of the extractor's title
// candidates matches it. No extractor that picks from the dump can do better
// than InDump.
type Ceiling struct {
	Pages, WithTitle, InDump, Candidate int
}

// TitleCeilings measures the title ceiling of every sample, scored with m.
func TitleCeilings(pages []Page, samples []*Sample, m *ingest.DumpModel) map[string]*Ceiling {
	out := map[string]*Ceiling{}
	type res struct{ with, in, cand bool }
	rs := make([]res, len(samples))
	parallel(len(samples), func(i int) {
		s := samples[i]
		want := pages[s.Page].Title
		if want == "" {
			return
		}
		rs[i].with = true
		var sb strings.Builder
		for _, d := range s.A.Lines {
			sb.WriteString(ingest.NormTitle(d.Text))
			sb.WriteByte(' ')
		}
		text := " " + sb.String()
		for _, f := range ingest.TitleForms(want) {
			if f != "" && strings.Contains(text, " "+f+" ") {
				rs[i].in = true
				break
			}
		}
		cp := *s.A
		used := cp.Score(m)
		for _, c := range cp.TitleCandidates(cp.Kept(used)) {
			if ingest.TitleMatches(c.Text, want) {
				rs[i].cand = true
				break
			}
		}
	})
	for i, s := range samples {
		c := out[s.Renderer]
		if c == nil {
			c = &Ceiling{}
			out[s.Renderer] = c
		}
		c.Pages++
		if rs[i].with {
			c.WithTitle++
		}
		if rs[i].in {
			c.InDump++
		}
		if rs[i].cand {
			c.Candidate++
		}
	}
	return out
}
