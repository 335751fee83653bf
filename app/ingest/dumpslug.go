package ingest

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Bounds of refTargets and refSlugs: reference lines read, slugs kept.
const (
	maxRefs  = 5000
	maxSlugs = 2000
)

var slugSepRe = regexp.MustCompile(`[-_+.,]+`)

// refTargets parses the link targets of lynx's reference list ("12.
// https://..."), read once for the slugs and the share links: the first
// maxRefs lines, those that are no reference or whose target does not
// parse left out.
func refTargets(refs []string) []*url.URL {
	var out []*url.URL
	for _, l := range refs[:min(len(refs), maxRefs)] {
		m := refsLineRe.FindString(l)
		if m == "" {
			continue
		}
		f := strings.Fields(m)
		if u, err := url.Parse(f[len(f)-1]); err == nil {
			out = append(out, u)
		}
	}
	return out
}

// refSlugs reads the slugs of the link targets in lynx's reference list:
// path segments of three words or more ("/2015/02/01/the-sharing-economy-
// is-a-lie/"), each as its distinct lower-case words. A page's share links
// and its own address carry its headline's words that way, and so do the
// links to other articles, each with its own.
func refSlugs(targets []*url.URL) [][]string {
	var out [][]string
	seen := map[string]bool{}
	for _, u := range targets {
		if len(out) >= maxSlugs {
			break
		}
		for _, seg := range strings.Split(u.Path, "/") {
			seg = strings.TrimSuffix(seg, path.Ext(seg))
			if seen[seg] {
				continue
			}
			seen[seg] = true
			var words []string
			set := map[string]bool{}
			for _, w := range slugSepRe.Split(strings.ToLower(seg), -1) {
				if w != "" && !set[w] {
					set[w] = true
					words = append(words, w)
				}
			}
			if len(words) >= 3 && len(out) < maxSlugs {
				out = append(out, words)
			}
		}
	}
	return out
}

// slugIndex finds the slug that holds most of a title candidate's words.
type slugIndex struct {
	size    []int            // distinct words per slug
	by      map[string][]int // word -> slugs holding it
	count   []int            // scratch: words found per slug
	touched []int
}

func newSlugIndex(slugs [][]string) *slugIndex {
	x := &slugIndex{size: make([]int, len(slugs)), by: map[string][]int{}, count: make([]int, len(slugs))}
	for i, s := range slugs {
		x.size[i] = len(s)
		for _, w := range s {
			x.by[w] = append(x.by[w], i)
		}
	}
	return x
}

// cover returns the share of the units found in the slug that holds most of
// them, and the share of that slug's words they make up. Work is bounded by
// the units times the slugs (at most maxSlugs) holding each.
func (x *slugIndex) cover(us []string) (ofTitle, ofSlug float64) {
	if len(x.size) == 0 || len(us) == 0 {
		return 0, 0
	}
	distinct := 0
	for k, u := range us {
		if slices.Contains(us[:k], u) {
			continue
		}
		distinct++
		for _, i := range x.by[u] {
			if x.count[i] == 0 {
				x.touched = append(x.touched, i)
			}
			x.count[i]++
		}
	}
	best, at := 0, -1
	for _, i := range x.touched {
		if n := x.count[i]; n > best || n == best && i < at {
			best, at = n, i
		}
		x.count[i] = 0
	}
	x.touched = x.touched[:0]
	if at < 0 {
		return 0, 0
	}
	return float64(best) / float64(distinct), float64(best) / float64(x.size[at])
}
