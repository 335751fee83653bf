package ingest

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TitleCandidate is a line (or the headline part of a "Headline | Site"
// line) that may be the article's title.
type TitleCandidate struct {
	Text  string
	Site  string // the part cut off after a separator, "" if none
	Line  int    // first line
	Lines int    // lines it spans (a wrapped headline)
	Feats []float64
	norm  string // NormTitle(Text)
}

// TitleFeatureNames names the title-candidate features, in order.
var TitleFeatureNames = []string{
	"bias", "log units", "log distance to body", "before body", "just before body", "candidate rank",
	"content p", "heading", "log repeats", "fit to body start", "fit to body", "site cut", "ends with period",
	"furniture share", "stop density", "caps share", "date or byline follows", "bullet", "links", "first line",
	"repeat of longer line", "ends with comma", "starts lower-case", "3-25 units", "prose lines to body",
	"lines joined", "is a date", "log times a separated line's part", "runs on into next line", "continues previous line",
	"fit to body start - page best", "log candidate lines to body", "content p of last line", "uncut separator",
	"log times a separated line's site part", "byline", "indent", "indent differs from body's",
	"log lines containing it", "wrapped on into next line", "wrapped from previous line",
	"start of a longer candidate near it", "kicker before a colon",
	"share of its words in a link's slug", "share of that slug's words",
	"log units of line before", "line before is a link or bullet", "log units of line after",
	"content p of line before", "content p of line after", "block start", "block end",
}

// titleBylineRe is a byline in the languages of the stop lists.
var titleBylineRe = regexp.MustCompile(`(?i)^(?:by|par|por|von|di|door|av|af|autor|auteur|written by|posted by)\s+\p{Lu}`)

var titleSepRe = regexp.MustCompile(`\s+(?:\||-|–|—|::|·|•|»|>)\s+|\s*\|\s*`)

// NormTitle reduces a title to its lower-case units, for comparing titles.
func NormTitle(s string) string {
	return strings.ToLower(strings.Join(units(s), " "))
}

var wantSepRe = regexp.MustCompile(`\s+(?:\||-|–|—|::|·|•|»)\s+|\s*[|_]\s*|\s+[-–—]\s*`)

// TitleMatches reports whether an extracted title is the expected one: the
// same words, ignoring case and punctuation, either all of the expected
// title or its headline with the site's name cut off (any run of the parts
// that a separator such as " | ", " - " or "_" divides it into, from its
// start or to its end).
func TitleMatches(got, want string) bool {
	g := NormTitle(got)
	if g == "" {
		return false
	}
	for _, f := range TitleForms(want) {
		if g == f {
			return true
		}
	}
	return false
}

// TitleForms lists the normalised forms (NormTitle) of an expected title that
// TitleMatches accepts: the whole title, and every run of its
// separator-divided parts from its start or to its end.
func TitleForms(want string) []string {
	out := []string{NormTitle(want)}
	parts := wantSepRe.Split(want, -1)
	for k := 1; k < len(parts); k++ {
		out = append(out, NormTitle(strings.Join(parts[:k], " ")), NormTitle(strings.Join(parts[k:], " ")))
	}
	return out
}

// TitleCandidates lists the title candidates of a scored dump, each with its
// features, given the kept lines of the body.
func (a *DumpAnalysis) TitleCandidates(keep []bool) []TitleCandidate {
	// The body starts at the first kept line of running text: ten units or
	// more that end a sentence or run on into the next kept line of their
	// block (a headline the line model kept is a line of its own).
	first := len(a.Lines)
	for i, k := range keep {
		if k && a.F1[i][2] >= math.Log1p(10) && (a.F1Bool(i, 8) ||
			i+1 < len(a.Lines) && keep[i+1] && a.Lines[i+1].Block == a.Lines[i].Block) {
			first = i
			break
		}
	}
	if first == len(a.Lines) {
		for i, k := range keep {
			if k && a.F1[i][2] >= math.Log1p(10) {
				first = i
				break
			}
		}
	}
	var bodyStart, bodyAll []string
	for i, k := range keep {
		if k {
			u := units(strings.ToLower(a.Lines[i].Text))
			bodyAll = append(bodyAll, u...)
			if len(bodyStart) < 300 {
				bodyStart = append(bodyStart, u...)
			}
		}
	}
	startSet, allSet := unitSet(bodyStart), unitSet(bodyAll)
	// How often each text occurs as a line, or as the headline or site part
	// of a "Headline | Site" line (share links and related lists repeat the
	// headline this way).
	seen, heads, sites := map[string]int{}, map[string]int{}, map[string]int{}
	norms := make([]string, len(a.Lines))
	for i, d := range a.Lines {
		norms[i] = NormTitle(d.Text)
		seen[norms[i]]++
		if loc := titleSepRe.FindAllStringIndex(d.Text, -1); len(loc) > 0 && len(d.Text) <= 4*maxTitle {
			// The longer side of a separator is the headline, the
			// shorter the site or section.
			l, f := loc[len(loc)-1], loc[0]
			split := func(x, y string) {
				if len(x) < len(y) {
					x, y = y, x
				}
				heads[NormTitle(x)]++
				sites[NormTitle(y)]++
			}
			split(d.Text[:l[0]], d.Text[l[1]:])
			if len(loc) > 1 {
				split(d.Text[:f[0]], d.Text[f[1]:])
			}
		}
	}
	width := a.wrap
	slugs := newSlugIndex(a.slugs)
	limit := min(len(a.Lines), first+titleLinesPastBody)
	// Bounded work on any input: candidates come from at most
	// maxTitleLines lines before the body.
	const maxTitleLines = 400
	var out []TitleCandidate
	// metaLine reports a date or byline line, read once per line (every
	// candidate of the three lines before asks).
	metaMemo := map[int]bool{}
	metaLine := func(j int) bool {
		v, ok := metaMemo[j]
		if !ok {
			t := a.Lines[j].Text
			_, isDate := ParseDate(t)
			v = isDate || bylineRe.MatchString(t)
			metaMemo[j] = v
		}
		return v
	}
	meta := func(i int) bool {
		for j := i + 1; j < len(a.Lines) && j <= i+3; j++ {
			if metaLine(j) {
				return true
			}
		}
		return false
	}
	// full reports a line that reaches the wrap width, so that its text
	// runs on into the next line of its block.
	full := func(i int) bool {
		return i+1 < len(a.Lines) && a.Lines[i+1].Block == a.Lines[i].Block &&
			dispWidth(a.Lines[i].Text)+a.Lines[i].Indent >= width*3/4
	}
	// wrapsOn reports a line the renderer wrapped: the next line of its
	// block starts with a word that would not have fitted after it.
	wrapsOn := func(i int) bool {
		if i+1 >= len(a.Lines) || a.Lines[i+1].Block != a.Lines[i].Block {
			return false
		}
		return dispWidth(a.Lines[i].Text)+a.Lines[i].Indent+1+firstWordWidth(a.Lines[i+1].Text) > width
	}
	// The lines around a candidate: a headline stands between the page's
	// furniture and the text it heads, a standfirst or caption under
	// another candidate or among prose.
	lineUnits := func(j int) float64 {
		if j < 0 || j >= len(a.Lines) {
			return 0
		}
		return a.F1[j][2]
	}
	lineP := func(j int) float64 {
		if j < 0 || j >= len(a.Lines) {
			return 0
		}
		return a.P2[j]
	}
	for i := max(0, limit-maxTitleLines); i < limit; i++ {
		d := a.Lines[i]
		n := utf8.RuneCountInString(d.Text)
		if n < 3 || n > maxTitle {
			continue
		}
		add := func(text, site string, joined int) {
			us := units(strings.ToLower(text))
			if len(us) == 0 {
				return
			}
			last := i + joined
			dist := first - i
			longer := 0.0
			norm := NormTitle(text)
			for j := max(0, i-maxTitleLines); j < i; j++ {
				if o := norms[j]; len(o) > len(norm) && strings.HasPrefix(o, norm) {
					longer = 1
				}
			}
			_, isDate := ParseDate(text)
			ofTitle, ofSlug := slugs.cover(us)
			x := []float64{
				1, math.Log1p(float64(len(us))), math.Log1p(math.Abs(float64(dist))), b2f(dist > 0), b2f(dist > 0 && dist <= 4), 0,
				a.P2[i], b2f(d.Head), math.Log1p(float64(max(seen[norm]-1, 0))), shareIn(us, startSet), shareIn(us, allSet),
				b2f(site != ""), b2f(strings.HasSuffix(text, ".")), a.F1[i][21], a.F1[i][3], a.F1[i][22], b2f(meta(last)),
				b2f(d.Bullet), b2f(d.Links > 0), b2f(i == 0), longer, b2f(strings.HasSuffix(text, ",")),
				b2f(startsLower(text)), b2f(len(us) >= 3 && len(us) <= 25), math.Log1p(float64(proseBetween(a, last, first))),
				float64(joined), b2f(isDate), math.Log1p(float64(heads[norm])), b2f(full(last)), b2f(i > 0 && full(i-1)),
				0, 0, a.P2[last], b2f(site == "" && titleSepRe.MatchString(text)),
				math.Log1p(float64(sites[norm])), b2f(titleBylineRe.MatchString(text)), math.Min(float64(d.Indent), 12) / 6,
				b2f(first < len(a.Lines) && d.Indent != a.Lines[first].Indent), 0,
				b2f(wrapsOn(last)), b2f(i > 0 && wrapsOn(i-1)), 0, b2f(kickerRe.MatchString(text)), ofTitle, ofSlug,
				lineUnits(i - 1), b2f(i > 0 && (a.Lines[i-1].Links > 0 || a.Lines[i-1].Bullet)), lineUnits(last + 1),
				lineP(i - 1), lineP(last + 1), b2f(i == 0 || a.Lines[i-1].Block != d.Block),
				b2f(last+1 >= len(a.Lines) || a.Lines[last+1].Block != a.Lines[last].Block),
			}
			out = append(out, TitleCandidate{Text: text, Site: site, Line: i, Lines: joined + 1, Feats: x, norm: norm})
		}
		// Headline first ("Headline | Site"), or last ("Site | Headline",
		// a breadcrumb "Section > Headline").
		split := func(text string, joined int) {
			loc := titleSepRe.FindAllStringIndex(text, -1)
			if len(loc) == 0 {
				return
			}
			l, f := loc[len(loc)-1], loc[0]
			add(strings.TrimSpace(text[:l[0]]), strings.TrimSpace(text[l[1]:]), joined)
			add(strings.TrimSpace(text[f[1]:]), strings.TrimSpace(text[:f[0]]), joined)
			if len(loc) > 1 {
				add(strings.TrimSpace(text[:f[0]]), strings.TrimSpace(text[f[1]:]), joined)
				add(strings.TrimSpace(text[l[1]:]), strings.TrimSpace(text[:l[0]]), joined)
			}
		}
		add(d.Text, "", 0)
		// A headline wrapped onto the following lines of its block, whole
		// or with a site or section part at a separator.
		text := d.Text
		for j := i + 1; j < len(a.Lines) && j <= i+2 && full(j-1) && !a.Lines[j-1].Head; j++ {
			nx := a.Lines[j].Text
			if utf8.RuneCountInString(nx)+utf8.RuneCountInString(text) > maxTitle {
				break
			}
			text += " " + nx
			add(text, "", j-i)
			split(text, j-i)
		}
		split(d.Text, 0)
	}
	// Page-relative features: the fit to the body's start against the
	// best-fitting candidate, and how many candidate lines lie between a
	// candidate and the body.
	bestFit := 0.0
	for _, c := range out {
		bestFit = math.Max(bestFit, c.Feats[9])
	}
	lineCands := make([]int, len(a.Lines)+1)
	for _, c := range out {
		lineCands[c.Line] = 1
	}
	after := make([]int, len(a.Lines)+1)
	for i := len(a.Lines) - 1; i >= 0; i-- {
		after[i] = after[i+1] + lineCands[i]
	}
	contains := a.linesContaining(out, norms, limit)
	for k := range out {
		c := &out[k]
		// The start of a longer candidate of the lines around it: a
		// kicker, or a headline cut at a wrap. Candidates come in line order.
		for j := k - 1; j >= 0 && out[j].Line >= c.Line-3; j-- {
			if isLongerStart(out[j].norm, c.norm) {
				c.Feats[41] = 1
			}
		}
		for j := k + 1; j < len(out) && out[j].Line <= c.Line+3 && c.Feats[41] == 0; j++ {
			if isLongerStart(out[j].norm, c.norm) {
				c.Feats[41] = 1
			}
		}
		c.Feats[38] = math.Log1p(float64(contains[k]))
		c.Feats[5] = float64(k) / float64(len(out))
		c.Feats[30] = c.Feats[9] - bestFit
		if c.Line < first {
			c.Feats[31] = math.Log1p(float64(after[c.Line+1] - after[min(first, len(a.Lines))]))
		}
	}
	return out
}

// titleLinesPastBody is how many lines past the body's first line title
// candidates come from: a page whose line model keeps a teaser or a
// standfirst above the headline has the body start before it (8 lines left
// the headline out of 22 of the 1,690 unseen dumps).
const titleLinesPastBody = 20

// kickerRe is a short lead before a colon ("Tag der Abstimmung: ..."),
// which a page's <title> often leaves out.
var kickerRe = regexp.MustCompile(`^[^:]{2,40}:\s+\S`)

// isLongerStart reports whether the normalised title o is longer than n and
// starts with it.
func isLongerStart(o, n string) bool {
	return len(o) > len(n) && strings.HasPrefix(o, n) && o[len(n)] == ' '
}

// firstWordWidth is the width of the first word of s, or of its first
// character when it is a wide (CJK) one, which a renderer may break after.
func firstWordWidth(s string) int {
	s = strings.TrimSpace(s)
	if r, _ := utf8.DecodeRuneInString(s); isCJK(r) {
		return 2
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	return dispWidth(s)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func unitSet(us []string) map[string]bool {
	m := make(map[string]bool, len(us))
	for _, u := range us {
		m[u] = true
	}
	return m
}

func shareIn(us []string, set map[string]bool) float64 {
	if len(us) == 0 {
		return 0
	}
	n := 0
	for _, u := range us {
		if set[u] {
			n++
		}
	}
	return float64(n) / float64(len(us))
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// proseBetween counts the lines of running text between lines i and j.
func proseBetween(a *DumpAnalysis, i, j int) int {
	n := 0
	for k := i + 1; k < j && k < len(a.Lines); k++ {
		if a.F1[k][2] >= math.Log1p(10) {
			n++
		}
	}
	return n
}

// Bounds of linesContaining: candidates of up to maxNameUnits units are
// looked for, in the lines before the title limit and the last
// tailLines lines of the page (where headers and footers name the site).
const (
	maxNameUnits = 6
	tailLines    = 300
)

// linesContaining counts, for each short candidate, the other lines of the
// page's head and tail that hold its words as a run without being it: a
// site's or section's name recurs inside menus, feed links, copyright and
// share lines, an article's headline seldom does. Runs are found by a
// rolling hash of the lines' units, so the work is linear in the text read.
func (a *DumpAnalysis) linesContaining(cands []TitleCandidate, norms []string, limit int) []int {
	const prime = 1099511628211
	unitHash := func(u string) uint64 {
		h := uint64(14695981039346656037)
		for i := 0; i < len(u); i++ {
			h = (h ^ uint64(u[i])) * prime
		}
		return h | 1
	}
	seqHash := func(us []string) uint64 {
		var h uint64
		for _, u := range us {
			h = h*31 + unitHash(u)
		}
		return h
	}
	want := map[uint64]int{} // run hash -> index into counts
	var counts []int
	candIdx := make([]int, len(cands))
	for k, c := range cands {
		candIdx[k] = -1
		us := strings.Fields(c.norm)
		if len(us) == 0 || len(us) > maxNameUnits {
			continue
		}
		h := seqHash(us)
		id, ok := want[h]
		if !ok {
			id = len(counts)
			want[h] = id
			counts = append(counts, 0)
		}
		candIdx[k] = id
	}
	if len(counts) > 0 {
		lastLine := make([]int, len(counts))
		for i := range lastLine {
			lastLine[i] = -1
		}
		var hs []uint64
		scan := func(i int) {
			hs = hs[:0]
			for _, u := range strings.Fields(norms[i]) {
				hs = append(hs, unitHash(u))
			}
			for s := range hs {
				var h uint64
				for n := 1; n <= maxNameUnits && s+n <= len(hs); n++ {
					h = h*31 + hs[s+n-1]
					if id, ok := want[h]; ok && lastLine[id] != i && n < len(hs) {
						lastLine[id] = i
						counts[id]++
					}
				}
			}
		}
		for i := 0; i < limit && i < len(norms); i++ {
			scan(i)
		}
		for i := max(limit, len(norms)-tailLines); i < len(norms); i++ {
			scan(i)
		}
	}
	out := make([]int, len(cands))
	for k, id := range candIdx {
		if id >= 0 {
			out[k] = counts[id]
		}
	}
	return out
}
