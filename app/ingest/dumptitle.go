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
	Line  int
	Feats []float64
}

// TitleFeatureNames names the title-candidate features, in order.
var TitleFeatureNames = []string{
	"bias", "log units", "log distance to body", "before body", "just before body", "candidate rank",
	"content p", "heading", "log repeats", "fit to body start", "fit to body", "site cut", "ends with period",
	"furniture share", "stop density", "caps share", "date or byline follows", "bullet", "links", "first line",
	"repeat of longer line", "ends with comma", "starts lower-case", "3-25 units", "prose lines to body",
}

var titleSepRe = regexp.MustCompile(`\s+(?:\||-|–|—|::|·|•|»)\s+`)

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
	if g == NormTitle(want) {
		return true
	}
	parts := wantSepRe.Split(want, -1)
	for k := 1; k < len(parts); k++ {
		if g == NormTitle(strings.Join(parts[:k], " ")) || g == NormTitle(strings.Join(parts[k:], " ")) {
			return true
		}
	}
	return false
}

// TitleCandidates lists the title candidates of a scored dump, each with its
// features, given the kept lines of the body.
func (a *DumpAnalysis) TitleCandidates(keep []bool) []TitleCandidate {
	// The body starts at the first kept line of running text.
	first := len(a.Lines)
	for i, k := range keep {
		if k && a.F1[i][2] >= math.Log1p(10) {
			first = i
			break
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
	seen := map[string]int{}
	norms := make([]string, len(a.Lines))
	for i, d := range a.Lines {
		norms[i] = NormTitle(d.Text)
		seen[norms[i]]++
	}
	limit := min(len(a.Lines), first+8)
	// Bounded work on any input: candidates come from at most
	// maxTitleLines lines before the body.
	const maxTitleLines = 400
	var out []TitleCandidate
	meta := func(i int) bool {
		for j := i + 1; j < len(a.Lines) && j <= i+3; j++ {
			t := a.Lines[j].Text
			if _, ok := ParseDate(t); ok || bylineRe.MatchString(t) {
				return true
			}
		}
		return false
	}
	for i := max(0, limit-maxTitleLines); i < limit; i++ {
		d := a.Lines[i]
		n := utf8.RuneCountInString(d.Text)
		if n < 3 || n > maxTitle {
			continue
		}
		add := func(text, site string) {
			us := units(strings.ToLower(text))
			if len(us) == 0 {
				return
			}
			dist := first - i
			longer := 0.0
			norm := NormTitle(text)
			for j := max(0, i-maxTitleLines); j < i; j++ {
				if o := norms[j]; len(o) > len(norm) && strings.HasPrefix(o, norm) {
					longer = 1
				}
			}
			x := []float64{
				1, math.Log1p(float64(len(us))), math.Log1p(math.Abs(float64(dist))), b2f(dist > 0), b2f(dist > 0 && dist <= 4), 0,
				a.P2[i], b2f(d.Head), math.Log1p(float64(max(seen[norm]-1, 0))), shareIn(us, startSet), shareIn(us, allSet),
				b2f(site != ""), b2f(strings.HasSuffix(text, ".")), a.F1[i][21], a.F1[i][3], a.F1[i][22], b2f(meta(i)),
				b2f(d.Bullet), b2f(d.Links > 0), b2f(i == 0), longer, b2f(strings.HasSuffix(text, ",")),
				b2f(startsLower(text)), b2f(len(us) >= 3 && len(us) <= 25), math.Log1p(float64(proseBetween(a, i, first))),
			}
			out = append(out, TitleCandidate{Text: text, Site: site, Line: i, Feats: x})
		}
		add(d.Text, "")
		// A headline wrapped onto a second line.
		if i+1 < len(a.Lines) && a.Lines[i+1].Block == d.Block && dispWidth(d.Text)+d.Indent >= 55 {
			if nx := a.Lines[i+1].Text; utf8.RuneCountInString(nx)+n <= maxTitle {
				add(d.Text+" "+nx, "")
			}
		}
		if loc := titleSepRe.FindAllStringIndex(d.Text, -1); len(loc) > 0 {
			l := loc[len(loc)-1]
			add(strings.TrimSpace(d.Text[:l[0]]), strings.TrimSpace(d.Text[l[1]:]))
			if len(loc) > 0 {
				f := loc[0]
				add(strings.TrimSpace(d.Text[f[1]:]), strings.TrimSpace(d.Text[:f[0]]))
			}
		}
	}
	for k := range out {
		out[k].Feats[5] = float64(k) / float64(len(out))
	}
	return out
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
