package htmlpage

import (
	"math"
	"math/bits"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// The learned line decision (linemodel.go) reads, for every line of the
// page's text, which ballots hold it and what the line is: its length,
// links, punctuation, function words, digits, the elements it sits in
// (caption, credit, share, related, page chrome) and its neighbours'
// verdicts. Everything is language-independent: the function words are
// learned from the page itself, and class and id names are matched on a
// few English stems that markup uses whatever the page's language.

// Element context bits (lineInfo.ctx): what the elements around a line's
// words are.
const (
	ctxCaption uint16 = 1 << iota // figure, figcaption, caption, picture
	ctxCredit                     // class/id: caption, credit, copyright, photo, image, media, gallery
	ctxShare                      // class/id: share, social, newsletter, subscribe, signup, follow, print, comment
	ctxRelated                    // class/id: related, recommend, teaser, promo, more, tag, topic, widget, sidebar, advert, banner
	ctxChrome                     // nav, aside, header, footer, form, button, menu; class/id: nav, menu, breadcrumb, footer, header
	ctxLink                       // a
	ctxHeading                    // h1-h6
	ctxList                       // li, dt, dd
	ctxTable                      // td, th
	ctxPara                       // p
	ctxQuote                      // blockquote
	ctxArticle                    // article, main
	ctxMeta                       // time, address; class/id: date, time, byline, author
	ctxBits    = iota
)

// lineInfo is what pageText knows of one line: the OR of its words'
// element contexts, its words and how many of them are link text.
type lineInfo struct {
	ctx         uint16
	words, link int
}

func (l *lineInfo) add(ctx uint16, words int) {
	l.ctx |= ctx
	l.words += words
	if ctx&ctxLink != 0 {
		l.link += words
	}
}

var classStems = []struct {
	bit   uint16
	stems []string
}{
	{ctxCredit, []string{"caption", "credit", "copyright", "photo", "image", "media", "gallery", "figure"}},
	{ctxShare, []string{"share", "sharing", "social", "newsletter", "subscri", "signup", "follow", "print", "comment"}},
	{ctxRelated, []string{"related", "recommend", "teaser", "promo", "more", "tag", "topic", "widget", "sidebar", "advert", "banner"}},
	{ctxChrome, []string{"nav", "menu", "breadcrumb", "footer", "header"}},
	{ctxMeta, []string{"date", "time", "byline", "author"}},
}

// elementContext is the context bits an element adds for its text.
func elementContext(n *html.Node) uint16 {
	var c uint16
	switch n.Data {
	case "figure", "figcaption", "caption", "picture":
		c |= ctxCaption
	case "nav", "aside", "header", "footer", "form", "button", "menu":
		c |= ctxChrome
	case "a":
		c |= ctxLink
	case "h1", "h2", "h3", "h4", "h5", "h6":
		c |= ctxHeading
	case "li", "dt", "dd":
		c |= ctxList
	case "td", "th":
		c |= ctxTable
	case "p":
		c |= ctxPara
	case "blockquote":
		c |= ctxQuote
	case "article", "main":
		c |= ctxArticle
	case "time", "address":
		c |= ctxMeta
	}
	var names string
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			names += " " + a.Val
		}
	}
	if names != "" {
		names = strings.ToLower(names)
		for _, cs := range classStems {
			for _, s := range cs.stems {
				if strings.Contains(names, s) {
					c |= cs.bit
					break
				}
			}
		}
	}
	return c
}

// LineFeatureNames name the columns of Ballots.LineFeatures.
var LineFeatureNames = func() []string {
	names := []string{
		"held-readability", "held-trafilatura", "held-distiller",
		"loose-readability", "loose-trafilatura", "loose-distiller",
		"long", "held-share", "default-vote", "log-tokens", "link-share",
		"sentence-ends", "ends-sentence", "stop-density", "digit-share", "upper-share",
		"copyright-sign", "colon-head", "separators",
		"position", "prev-held", "next-held", "log-distance-all-held", "ballots-empty",
		"in-vote-span", "log-distance-vote-span", "holders-agreement", "holders-words",
	}
	for _, c := range []string{"caption", "credit", "share", "related", "chrome", "link", "heading",
		"list", "table", "para", "quote", "article", "meta"} {
		names = append(names, "in-"+c)
	}
	return names
}()

// pageStops returns the commonest tokens of the page's lines of 8 tokens
// or more (ingest.LearnedStops): in running text of any language these are
// its function words.
func pageStops(toks [][]string) map[string]bool {
	counts := map[string]int{}
	for _, t := range toks {
		if len(t) >= 8 {
			for _, w := range t {
				counts[w]++
			}
		}
	}
	return ingest.LearnedStops(counts)
}

// LineFeatures returns one feature row (LineFeatureNames) per line of the
// page; a blank line's row is nil.
func (v *Ballots) LineFeatures() [][]float64 {
	toks := make([][]string, len(v.lines))
	for i, l := range v.lines {
		if v.verds[i].words > 0 {
			toks[i] = voteTokens(l)
		}
	}
	stops := pageStops(toks)
	def := v.keep(nil, DefaultVoteShare)
	// The page's non-blank lines, for positions and neighbours.
	var idx []int
	for i, lv := range v.verds {
		if lv.words > 0 {
			idx = append(idx, i)
		}
	}
	all := uint8(1)<<v.n - 1
	strict := func(lv lineVerdict) uint8 {
		if lv.long {
			return lv.held
		}
		return lv.line
	}
	// Distance (in non-blank lines) to the nearest line every ballot holds.
	dist := make([]int, len(idx))
	last := -1 << 20
	for k, i := range idx {
		if strict(v.verds[i]) == all {
			last = k
		}
		dist[k] = k - last
	}
	last = 1 << 20
	for k := len(idx) - 1; k >= 0; k-- {
		if strict(v.verds[idx[k]]) == all {
			last = k
		}
		dist[k] = min(dist[k], last-k)
	}
	empty := 0.0
	for _, w := range v.words {
		if w == 0 {
			empty++
		}
	}
	// The span of the default vote's kept lines (in non-blank lines).
	first, lastKept := len(idx), -1
	for k, i := range idx {
		if def[i] {
			first, lastKept = min(first, k), k
		}
	}
	n := float64(max(v.n, 1))
	heldShare := func(k int) float64 {
		if k < 0 || k >= len(idx) {
			return 0
		}
		return float64(bits.OnesCount8(strict(v.verds[idx[k]]))) / n
	}
	rows := make([][]float64, len(v.lines))
	for k, i := range idx {
		lv, line := v.verds[i], v.lines[i]
		f := make([]float64, 0, len(LineFeatureNames))
		s := strict(lv)
		for j := range 3 {
			f = append(f, bit(s, j))
		}
		for j := range 3 {
			f = append(f, bit(lv.held&^s, j))
		}
		f = append(f, b2f(lv.long), heldShare(k), b2f(def[i]), math.Log1p(float64(lv.words)))
		var info lineInfo
		if i < len(v.info) {
			info = v.info[i]
		}
		f = append(f, float64(info.link)/float64(max(info.words, 1)))
		f = append(f, textShape(line, toks[i], stops)...)
		f = append(f, float64(k)/float64(max(len(idx)-1, 1)), heldShare(k-1), heldShare(k+1),
			math.Log1p(float64(min(dist[k], 100))), empty/n)
		out := max(first-k, k-lastKept, 0)
		if lastKept < 0 {
			out = 100
		}
		f = append(f, b2f(out == 0), math.Log1p(float64(min(out, 100))))
		agree, words := v.holders(lv.held)
		f = append(f, agree, words)
		for c := range ctxBits {
			f = append(f, b2f(info.ctx&(1<<c) != 0))
		}
		rows[i] = f
	}
	return rows
}

// holders are the mean agreement (4-gram F1 with the other ballots) of the
// ballots in mask and their mean words over the median ballot's (capped at
// 5); zeros when mask is empty.
func (v *Ballots) holders(mask uint8) (agree, words float64) {
	c := 0
	for j := range v.n {
		if mask&(1<<j) != 0 && j < len(v.agree) {
			agree += v.agree[j]
			words += min(float64(v.words[j])/max(v.median, 1), 5)
			c++
		}
	}
	if c == 0 {
		return 0, 0
	}
	return agree / float64(c), words / float64(c)
}

// textShape: sentence ends per token, whether the line ends a sentence,
// function-word density, digit and upper-case shares of its letters and
// digits, a copyright sign, a colon in its first 20 characters, and
// separators (| / • ·) per token.
func textShape(line string, toks []string, stops map[string]bool) []float64 {
	ends, digits, upper, alnum, seps := 0, 0, 0, 0, 0
	copyright, colon := false, false
	for i, r := range line {
		switch {
		case r == '.' || r == '!' || r == '?' || r == '。' || r == '！' || r == '？':
			ends++
		case r == '©' || r == '®':
			copyright = true
		case r == ':' && i < 20:
			colon = true
		case r == '|' || r == '/' || r == '•' || r == '·':
			seps++
		case unicode.IsDigit(r):
			digits++
			alnum++
		case unicode.IsUpper(r):
			upper++
			alnum++
		case unicode.IsLetter(r):
			alnum++
		}
	}
	stop := 0
	for _, t := range toks {
		if stops[t] {
			stop++
		}
	}
	last := strings.TrimRight(line, " \"'”’»)")
	endsSentence := strings.HasSuffix(last, ".") || strings.HasSuffix(last, "!") || strings.HasSuffix(last, "?") ||
		strings.HasSuffix(last, "。") || strings.HasSuffix(last, "！") || strings.HasSuffix(last, "？")
	nt := float64(max(len(toks), 1))
	na := float64(max(alnum, 1))
	return []float64{float64(ends) / nt, b2f(endsSentence), float64(stop) / nt, float64(digits) / na,
		float64(upper) / na, b2f(copyright), b2f(colon), float64(seps) / nt}
}

func bit(m uint8, j int) float64 { return b2f(m&(1<<j) != 0) }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
