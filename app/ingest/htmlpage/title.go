package htmlpage

import (
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/unicode/norm"
)

// A page's <title> (and often its og:title) is "Headline - Site" or
// "Site | Headline". CutTitle cuts the site's name off by the page's own
// evidence, never by a list of sites: a part is the site when it matches a
// name the page gives itself (og:site_name, JSON-LD publisher or WebSite,
// application-name, the copyright line, the home link's text or logo),
// or the host name, or when the other part is the page's headline (an
// <h1>, og:title, JSON-LD headline that differ from the title). Where the
// evidence is weak the whole title is kept.

// TitleEvidence is what a page says about its name and its headline.
type TitleEvidence struct {
	Title string   // the title before the cut (Extraction.Title's source)
	Names []string // og:site_name, JSON-LD publisher/WebSite/Organization names, application-name
	Marks []string // copyright holders, home-link texts and logo alt texts
	Host  string   // the page's host name
	H1s   []string // the page's <h1> texts
	Heads []string // og:title (or twitter:title), JSON-LD headline
}

// CutOptions are CutTitle's thresholds: a cut is made when the cut part's
// match with the page's names or host reaches Site, or the kept part's
// match with one of its headings reaches Head. A threshold above 1
// disables that evidence.
type CutOptions struct {
	Site, Head float64
	// Marks: the copyright, home-link and logo texts count as names.
	Marks bool
}

// DefaultCut is the rule Parse uses: on go-trafilatura's human titles it
// is within one title of the best cut of htmleval.CutGrid and loses fewer
// right titles; the site-grouped cross-validation's held-out figure is in
// docs/extraction.md.
func DefaultCut() CutOptions { return CutOptions{Site: 0.75, Head: 0.8, Marks: true} }

// titleEvidence gathers the evidence about title on a page whose address
// is pageURL.
func (m pageMeta) titleEvidence(title, pageURL string) TitleEvidence {
	ev := TitleEvidence{Title: title, Names: m.Names, Marks: m.Marks}
	if u, err := url.Parse(pageURL); err == nil {
		ev.Host = u.Hostname()
	}
	ev.H1s = m.H1s
	for _, h := range []string{m.OGTitle, m.Headline} {
		if h != "" {
			ev.Heads = append(ev.Heads, h)
		}
	}
	return ev
}

// titleSepRe matches the separators between a headline and a site's name.
var titleSepRe = regexp.MustCompile(`\s+(?:\||-|–|—|::|:|·|•|»|›|>|/|//|ǀ|~)\s+|\s*\|\s*|\s+//\s*|\s*»\s+`)

// maxTitleSeps bounds the separators a title is cut at.
const maxTitleSeps = 8

// maxTitleRunes bounds the text the matching reads of any one string.
const maxTitleRunes = 300

// CutTitle returns the headline of title and the site's name cut off it
// ("" when nothing is cut), under opt.
func CutTitle(ev TitleEvidence, opt CutOptions) (head, site string) {
	title := collapseSpaces(ev.Title)
	if len(title) > 4*maxTitleRunes {
		return title, ""
	}
	locs := titleSepRe.FindAllStringIndex(title, maxTitleSeps)
	if len(locs) == 0 {
		return title, ""
	}
	names := ev.Names
	if opt.Marks {
		names = append(names[:len(names):len(names)], ev.Marks...)
	}
	labels := hostLabels(ev.Host)
	whole := normWords(title)
	if siteScore(title, names, labels) >= 1 {
		return title, "" // the title is the site's name
	}
	for _, h := range ev.H1s {
		if slices.Equal(normWords(h), whole) {
			return title, "" // the page's heading is the whole title
		}
	}
	// A heading supports a cut when it is nearer the kept part than the
	// whole title.
	var heads [][]string
	var wholeFit []float64
	for _, h := range append(ev.H1s[:len(ev.H1s):len(ev.H1s)], ev.Heads...) {
		if w := normWords(h); len(w) > 0 && !slices.Equal(w, whole) {
			heads = append(heads, w)
			wholeFit = append(wholeFit, wordMatch(whole, w))
		}
	}
	headFit := func(words []string) float64 {
		best := 0.0
		for i, h := range heads {
			if m := wordMatch(words, h); m > wholeFit[i] {
				best = max(best, m)
			}
		}
		return best
	}
	type option struct{ head, site, outer string }
	var opts []option
	for i, l := range locs {
		a, b := strings.TrimSpace(title[:l[0]]), strings.TrimSpace(title[l[1]:])
		if a == "" || b == "" {
			continue
		}
		// outer: the cut part's outermost part, the one at the title's
		// edge ("Site" of "Headline - Section - Site").
		outerTail := b
		if i+1 < len(locs) {
			outerTail = strings.TrimSpace(title[locs[len(locs)-1][1]:])
		}
		outerHead := strings.TrimSpace(title[:locs[0][0]])
		opts = append(opts, option{a, b, outerTail}, option{b, a, outerHead})
	}
	// Smaller cuts first: of two cuts with the same evidence, the one
	// that keeps more wins.
	sort.SliceStable(opts, func(i, j int) bool { return len(opts[i].site) < len(opts[j].site) })
	best, bestScore := -1, 0.0
	for i, o := range opts {
		if !hasLetters(o.head) {
			continue
		}
		s := max(siteScore(o.site, names, labels), siteScore(o.outer, names, labels))
		h := headFit(normWords(o.head))
		if s < opt.Site && h < opt.Head {
			continue
		}
		// Counter-evidence: the kept part is as much the site, or the cut
		// part as much the headline; a cut on a heading's word alone is
		// not made when the kept part looks half like a name.
		hs := siteScore(o.head, names, labels)
		if hs >= max(opt.Site, s) || (s < opt.Site && hs >= 0.5) || headFit(normWords(o.site)) >= max(opt.Head, h) {
			continue
		}
		if sc := s + h; sc > bestScore {
			best, bestScore = i, sc
		}
	}
	if best < 0 {
		return title, ""
	}
	return opts[best].head, opts[best].site
}

// siteScore is how well s matches one of the page's names or its host
// (1: the same letters).
func siteScore(s string, names []string, labels []string) float64 {
	cs := compact(s)
	if len(cs) < 2 {
		return 0
	}
	best := 0.0
	words := normWords(s)
	for _, n := range names {
		best = max(best, letterMatch(cs, compact(n)), wordMatch(words, normWords(n)), runMatch(words, compact(n)))
	}
	for _, l := range labels {
		best = max(best, letterMatch(cs, l), runMatch(words, l))
		if abbreviates(l, words) {
			best = max(best, 1)
		}
	}
	return best
}

// letterMatch compares two strings of letters: 1 when equal, the shorter's
// share of the longer when one holds the other (and the shorter has at
// least 4 letters), else 0.
func letterMatch(a, b string) float64 {
	if a == "" || b == "" {
		return 0
	}
	if a == b {
		return 1
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) >= 4 && strings.Contains(b, a) {
		// A name inside a longer part counts by how much of it the name
		// is ("hausinfo" is all of "hausinfo", a tenth of a headline).
		return float64(len(a)) / float64(len(b))
	}
	return 0
}

// runMatch scores a name that is a run of whole words of s's words
// ("myoos" in "MyOOS Community Forum"): 0.5 plus half the share of s's
// letters it covers; 0 when it is no such run.
func runMatch(words []string, name string) float64 {
	if len(name) < 4 || len(words) > 40 {
		return 0
	}
	total := 0
	cw := make([]string, len(words))
	for i, w := range words {
		cw[i] = compact(w)
		total += len(cw[i])
	}
	for i := range cw {
		run := ""
		for j := i; j < len(cw) && len(run) < len(name); j++ {
			run += cw[j]
			if run == name {
				return 0.5 + 0.5*float64(len(name))/float64(total)
			}
		}
	}
	return 0
}

// wordMatch is the F1 of the two word lists' overlap.
func wordMatch(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	set := map[string]int{}
	for _, w := range b {
		set[w]++
	}
	common := 0
	for _, w := range a {
		if set[w] > 0 {
			set[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(a)), float64(common)/float64(len(b))
	return 2 * p * r / (p + r)
}

// abbreviates reports whether a host label is made of the starts of the
// words in order ("nytimes": New York Times, "faz": Frankfurter Allgemeine
// Zeitung), each word giving a prefix or nothing, the first and the last
// letters taken from words; labels and word lists are bounded.
func abbreviates(label string, words []string) bool {
	if len(label) < 2 || len(label) > 40 || len(words) < 2 || len(words) > 12 {
		return false
	}
	w := make([]string, len(words))
	for i, x := range words {
		w[i] = compact(x)
	}
	// seen memoises failed states (word index, label offset).
	seen := map[[2]int]bool{}
	var match func(i, j int, used int) bool
	match = func(i, j, used int) bool {
		if j == len(label) {
			for ; i < len(w); i++ { // what is left are short words
				if len(w[i]) > 3 {
					return false
				}
			}
			return used >= 2
		}
		if i == len(w) || seen[[2]int{i, j}] {
			return false
		}
		for k := min(len(w[i]), len(label)-j); k >= 1; k-- {
			if w[i][:k] == label[j:j+k] && match(i+1, j+k, used+1) {
				return true
			}
		}
		if len(w[i]) <= 3 && match(i+1, j, used) { // a short word left out ("of", "the")
			return true
		}
		seen[[2]int{i, j}] = true
		return false
	}
	return match(0, 0, 0)
}

// hostLabels are the host's labels that may name the site, in compact
// form: the registrable domain with its suffix ("evangat") and every label
// but the last and "www" ("pixnet" of stevenhgm.pixnet.net, though
// pixnet.net is a public suffix).
func hostLabels(host string) []string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "" || len(host) > 253 {
		return nil
	}
	var out []string
	if dom, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		if c := compact(dom); len(c) >= 4 {
			out = append(out, c)
		}
	}
	labels := strings.Split(host, ".")
	for _, l := range labels[:len(labels)-1] {
		if c := compact(l); len(c) >= 2 && c != "www" && c != "m" && c != "amp" {
			out = append(out, c)
		}
	}
	return out
}

// compact lower-cases s and keeps its letters and digits, accents
// removed ("Mäscot" -> "mascot").
func compact(s string) string {
	if len(s) > 4*maxTitleRunes {
		s = s[:4*maxTitleRunes]
	}
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// normWords splits s into lower-cased words of letters and digits
// (accents removed), each Han, kana or Hangul character a word.
func normWords(s string) []string {
	if len(s) > 4*maxTitleRunes {
		s = s[:4*maxTitleRunes]
	}
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, unicode.ToLower(r))
		case unicode.IsMark(r):
		default:
			flush()
		}
	}
	flush()
	return out
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isHomeLink reports a link to the site's home page ("/", "./", the
// site's root URL).
func isHomeLink(href string, base *url.URL) bool {
	href = strings.TrimSpace(href)
	switch href {
	case "/", "./", "/index.html", "/index.php", "/de/", "/en/":
		return true
	}
	if base == nil || !strings.Contains(href, "//") {
		return false
	}
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	return strings.EqualFold(strings.TrimPrefix(u.Hostname(), "www."), strings.TrimPrefix(base.Hostname(), "www.")) &&
		(u.Path == "" || u.Path == "/") && u.RawQuery == ""
}

// childAlt is the alt text of the first image inside n.
func childAlt(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "img" {
			return attr(c, "alt")
		}
		if a := childAlt(c); a != "" {
			return a
		}
	}
	return ""
}

// appendMark appends a non-empty, bounded text to marks.
func appendMark(marks []string, s string) []string {
	s = collapseSpaces(s)
	if s == "" || len(s) > 200 {
		return marks
	}
	return append(marks, s)
}
