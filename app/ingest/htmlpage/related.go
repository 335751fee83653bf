package htmlpage

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

const (
	// namedLinkDensity: a block whose class or id says "related" is
	// dropped when at least this share of its text is link text (teasers
	// with excerpts run at 0.3-0.5; a story at well under 0.1).
	namedLinkDensity = 0.25
	// teaserShare: a "related" block with excerpts is dropped when it holds
	// less than this share of the page's paragraph words.
	teaserShare = 0.3
	// listLinkDensity: the block after a "Related stories" heading is
	// dropped when at least this share of its text is link text.
	listLinkDensity = 0.5
)

var (
	relatedNameRE = regexp.MustCompile(`(?i)(^|[\s_-])(related|more-?stories|read-?more|see-?also|recommend(ed|ations)?|recirc|outbrain|taboola|most-?(popular|read)|also-?read|further-?reading)`)
	relatedHeadRE = regexp.MustCompile(`(?i)^(related( articles| stories| links| content| coverage| posts)?|read more|more on this( story)?|see also|you (may|might) also like|recommended( for you)?|most (popular|read)|further reading|more from [^.]{1,40})\s*:?$`)
)

// paragraphWords counts the words inside <p> elements outside navigation,
// headers, footers, asides and forms: a cheap estimate of the main text.
func paragraphWords(doc *html.Node) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if isHidden(n) {
				return
			}
			switch n.Data {
			case "nav", "header", "footer", "aside", "form", "script", "style", "noscript":
				return
			case "p":
				total += wordCount(nodeText(n))
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return total
}

// dropRelated removes "related links" blocks from an extracted article:
// elements whose class or id says so and that are mostly links, and
// headings such as "Related stories" with the link list that follows.
func dropRelated(root *html.Node) {
	var doomed []*html.Node
	pageWords := paragraphWords(root)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return
		}
		if n.Type == html.ElementNode && n != root && relatedNameRE.MatchString(attr(n, "class")+" "+attr(n, "id")) && isLinkBlock(n, pageWords) {
			doomed = append(doomed, n)
			return
		}
		if n.Type == html.ElementNode && isHeadingLike(n) && relatedHeadRE.MatchString(collapseSpaces(nodeText(n))) {
			if next := nextElement(n); next != nil && linkDensity(next) >= listLinkDensity {
				doomed = append(doomed, n, next)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, n := range doomed {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// isLinkBlock tells a block of teasers (links, or links with excerpts)
// from a story container that happens to carry a "related" class name: it
// is link-heavy, or it holds several links and under a share of the page's
// paragraph text.
func isLinkBlock(n *html.Node, pageWords int) bool {
	if linkDensity(n) >= namedLinkDensity {
		return true
	}
	return countLinks(n) >= 2 && float64(wordCount(nodeText(n))) < teaserShare*float64(pageWords)
}

func countLinks(n *html.Node) int {
	c := 0
	if n.Type == html.ElementNode && n.Data == "a" {
		c++
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += countLinks(k)
	}
	return c
}

func isHeadingLike(n *html.Node) bool {
	switch n.Data {
	case "h2", "h3", "h4", "h5", "h6", "strong", "b":
		return true
	case "p", "div":
		return len(nodeText(n)) < 60
	}
	return false
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return nil
		}
	}
	return nil
}

// linkDensity is the share of n's text that sits inside links.
func linkDensity(n *html.Node) float64 {
	total := len(collapseSpaces(nodeText(n)))
	if total == 0 {
		return 0
	}
	links := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && c.Data == "a" {
			links += len(collapseSpaces(nodeText(c)))
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return float64(links) / float64(total)
}

// wordCount counts words: runs of letters and digits, with each Han, kana
// or Hangul character counted as a word of its own.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		switch {
		case isIdeograph(r):
			n++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if !in {
				n++
			}
			in = true
		default:
			in = false
		}
	}
	return n
}

func isIdeograph(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
