package ingest

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Titles a page states. The renderers print no <title>, but lynx prints two
// things a page says its title in. At the top of its dump, the titles of the
// page's link relations: a blog or news page made with WordPress (and the
// many systems that copy its feeds) links three feeds,
//
//	#Telebasel » Feed Telebasel » Kommentar-Feed Telebasel » Junge Lenker
//	schrotten Corvette und Audi in einer Nacht Kommentar-Feed alternate
//
// that is "Site » Feed", "Site » Comments Feed" and "Site » Post title
// Comments Feed", in the page's language; the site's comments feed names the
// phrase the post's own feed ends with, so the post's title is read without
// a list of any language's words. Other pages title one relation among
// untitled ones ("#alternate alternate As Debt Rises, ..."). And in its list
// of references, the targets of the page's share buttons, whose text is the
// page's title (see shareTitles).

// statedTitle returns the candidate to take as the title given the
// ranker's choice best: the one that shows the title the feeds state (-1
// if none does, with that title and the site to take as they are), else
// the one that shows the titled relation or, the most carried first, a
// title the share links carry, else best.
func (a *DumpAnalysis) statedTitle(cands []TitleCandidate, probs []float64, best int) (int, string, string) {
	pick := func(t string, from int) int {
		norm := NormTitle(t)
		return likeliest(probs, func(k int) bool { return cands[k].norm == norm && cands[k].Line >= from })
	}
	rel, end := a.relations()
	if title, site := postTitle(rel); title != "" {
		if k := pick(title, 0); k >= 0 {
			return k, "", ""
		}
		return -1, title, site
	}
	stated := a.share
	if t := relationTitle(rel); t != "" {
		stated = append([]string{t}, a.share...)
	}
	for _, t := range stated {
		if k := pick(t, end); k >= 0 {
			return k, "", ""
		}
	}
	if k := relationItemTitle(rel, end, cands, probs); k >= 0 {
		return k, "", ""
	}
	return best, "", ""
}

// relationItemTitle returns the candidate of three units or more, below
// the relations (which end before line end), whose words begin a relation's
// title after a " » " ("Site » This API is so Fetching! Comments Feed", a
// post's feed without the site's two), the likeliest by the ranker if
// several, or -1.
func relationItemTitle(rel string, end int, cands []TitleCandidate, probs []float64) int {
	if !strings.Contains(rel, " » ") {
		return -1
	}
	var items []string
	for _, it := range strings.Split(rel, " » ")[1:] {
		items = append(items, " "+NormTitle(it)+" ")
	}
	return likeliest(probs, func(k int) bool {
		c := cands[k]
		if c.Line < end || len(units(c.Text)) < 3 {
			return false
		}
		for _, it := range items {
			if strings.HasPrefix(it, " "+c.norm+" ") {
				return true
			}
		}
		return false
	})
}

// likeliest returns the candidate the ranker scores highest (probs, by
// candidate) among those ok accepts, -1 if none.
func likeliest(probs []float64, ok func(k int) bool) int {
	found, bestP := -1, -1.0
	for k, p := range probs {
		if p > bestP && ok(k) {
			found, bestP = k, p
		}
	}
	return found
}

// relations returns lynx's line of link relations (the first line among
// the dump's first 40 that starts with "#", and up to relMaxLines of its
// block, joined, without the "#") and the index of the line after it; ""
// if the dump has none.
func (a *DumpAnalysis) relations() (string, int) {
	for i := 0; i < len(a.Lines) && i < 40; i++ {
		if !strings.HasPrefix(a.Lines[i].Text, "#") {
			continue
		}
		parts, end := []string{a.Lines[i].Text}, i+1
		for ; end < len(a.Lines) && end < i+relMaxLines && a.Lines[end].Block == a.Lines[i].Block; end++ {
			parts = append(parts, a.Lines[end].Text)
		}
		return strings.TrimPrefix(strings.Join(parts, " "), "#"), end
	}
	return "", 0
}

// relMaxLines bounds the lines read as the relations paragraph.
const relMaxLines = 12

// leadTypesRe and trailTypesRe are runs of the link types lynx prints for
// untitled relations, at the start and at the end of the relations' text.
var (
	leadTypesRe  = regexp.MustCompile(`^(?i:(?:` + linkTypes + `)\s+)+`)
	trailTypesRe = regexp.MustCompile(`(?:\s+(?i:` + linkTypes + `))+$`)
)

// relationTitle returns the one titled relation of a line of otherwise
// untitled ones ("alternate alternate As Debt Rises, the Government Will
// ..."), "" when the text names feeds or a site's part or is under three
// units. It is a title only if the page shows it as a line too, below them.
func relationTitle(rel string) string {
	rest := leadTypesRe.ReplaceAllString(rel, "")
	if rest == rel {
		return ""
	}
	rest = strings.TrimSpace(trailTypesRe.ReplaceAllString(rest, ""))
	if feedWordRe.MatchString(rest) || strings.Contains(rest, "»") {
		return ""
	}
	if utf8.RuneCountInString(rest) > maxTitle || len(units(rest)) < 3 {
		return "" // a site's name ("CNET Search": search is a link type)
	}
	return rest
}

// postTitle reads "Site » Feed Site » Comments Feed Site » Post Comments
// Feed ..." (s has the relations' titles, space-separated as lynx prints
// them). Site is the longest run of words that ends the text before each of
// the first three " » "; the second item's words are the comments phrase.
func postTitle(s string) (title, site string) {
	const sep = " » "
	var at []int
	for off := 0; len(at) < 3; {
		k := strings.Index(s[off:], sep)
		if k < 0 {
			return "", ""
		}
		at = append(at, off+k)
		off += k + len(sep)
	}
	site = commonWordSuffix(s[:at[0]], s[:at[1]], s[:at[2]])
	if site == "" {
		return "", ""
	}
	items := strings.Split(s[at[0]+len(sep):], " "+site+sep)
	if len(items) < 3 {
		return "", ""
	}
	feed, comments := strings.TrimSpace(items[0]), strings.TrimSpace(items[1])
	if feed == "" || comments == "" || feed == comments || len(strings.Fields(comments)) > 4 {
		return "", ""
	}
	post := " " + strings.TrimSpace(items[2]) + " "
	k := strings.Index(post, " "+comments+" ")
	if k <= 0 {
		return "", ""
	}
	title = strings.TrimSpace(post[:k])
	if n := utf8.RuneCountInString(title); n < 3 || n > maxTitle || len(units(title)) == 0 {
		return "", ""
	}
	return title, site
}

// commonWordSuffix returns the longest run of whole words that ends each of
// the texts, "" if none.
func commonWordSuffix(texts ...string) string {
	words := make([][]string, len(texts))
	n := -1
	for i, t := range texts {
		words[i] = strings.Fields(t)
		if n < 0 || len(words[i]) < n {
			n = len(words[i])
		}
	}
	k := 0
	for ; k < n; k++ {
		w := words[0][len(words[0])-1-k]
		same := true
		for _, ws := range words[1:] {
			if ws[len(ws)-1-k] != w {
				same = false
				break
			}
		}
		if !same {
			break
		}
	}
	return strings.Join(words[0][len(words[0])-k:], " ")
}

// Share links state the title too: lynx's reference list holds the page's
// share buttons' targets, "https://twitter.com/intent/tweet?text=Council+
// approves+the+bridge&url=...", "mailto:?subject=...", whose text is the
// page's title (its og:title, often), at times with the address or "via
// @site" after it. Links of other articles' share buttons carry theirs,
// so the value most links carry comes first.

// shareParams are the query parameters share buttons put the title in.
var shareParams = []string{"text", "title", "subject", "t", "status"}

var (
	shareURLRe = regexp.MustCompile(`\s*(?:https?://|www\.)\S*`)
	shareViaRe = regexp.MustCompile(`(?i)\s+(?:via|by|@)\s*@?\S*$|\s+@\S+$`)
)

// maxShareTitles bounds the distinct values kept.
const maxShareTitles = 50

// shareTitles returns the titles the reference list's share links carry
// (its parsed targets), the most frequent first (ties in the list's order);
// values under three units are not titles.
func shareTitles(targets []*url.URL) []string {
	count := map[string]int{}
	var order []string
	for _, u := range targets {
		if u.RawQuery == "" {
			continue
		}
		q := u.Query()
		for _, k := range shareParams {
			for _, v := range q[k] {
				v = strings.TrimSpace(shareViaRe.ReplaceAllString(shareURLRe.ReplaceAllString(v, " "), ""))
				if len(units(v)) < 3 || utf8.RuneCountInString(v) > maxTitle {
					continue
				}
				if count[v] == 0 {
					if len(order) >= maxShareTitles {
						continue
					}
					order = append(order, v)
				}
				count[v]++
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	return order
}
