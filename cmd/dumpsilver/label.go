package main

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// Label is a page's expected output, made as the development set's was:
// readability's article (the body by build.py's expected.txt rule) and
// its metadata (expected.json's fields).
type Label struct {
	Body       string  `json:"-"` // paragraphs separated by one blank line, ending in a newline
	Readerable bool    `json:"-"` // readability's isProbablyReaderable on the whole page
	Title      *string `json:"title"`
	Lang       *string `json:"lang"`
	Byline     *string `json:"byline"`
	Published  *string `json:"published"`
	Site       *string `json:"site"`
	HumanTitle *string `json:"human_title,omitempty"` // the comparison set's hand-written title, when it has one
}

// Words counts the expected body's words as build.py does: whitespace
// words, a CJK character counting as half a word.
func Words(text string) int {
	cjk := 0
	rest := strings.Map(func(r rune) rune {
		if isCJK(r) {
			cjk++
			return ' '
		}
		return r
	}, text)
	return len(strings.FieldsFunc(rest, unicode.IsSpace)) + cjk/2
}

// isCJK is build.py's CJK class: kana, CJK ideographs (with extension A and
// compatibility ideographs) and half-width katakana.
func isCJK(r rune) bool {
	return r >= 0x3040 && r <= 0x30ff || r >= 0x3400 && r <= 0x4dbf || r >= 0x4e00 && r <= 0x9fff ||
		r >= 0xf900 && r <= 0xfaff || r >= 0xff66 && r <= 0xff9f
}

// MakeLabel runs readeck's go-readability (the Go port of Mozilla
// readability, which made the development set's labels) on a page already
// decoded to UTF-8. pageURL may be empty. A page readability finds no
// article in is an error.
func MakeLabel(page, pageURL string) (Label, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return Label{}, fmt.Errorf("parse html: %w", err)
	}
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	if base == nil {
		base = &url.URL{Scheme: "http", Host: "localhost", Path: "/"}
	}
	lb := Label{Readerable: readability.CheckDocument(doc)}
	p := readability.NewParser()
	ra, err := p.ParseDocument(dom.Clone(doc, true), base)
	if err != nil {
		return Label{}, fmt.Errorf("readability: %w", err)
	}
	if ra.Node == nil {
		return Label{}, fmt.Errorf("readability found no article")
	}
	lb.Body = BodyText(ra.Node)
	lb.Title, lb.Lang, lb.Byline, lb.Site = opt(ra.Title()), opt(ra.Language()), opt(ra.Byline()), opt(ra.SiteName())
	if t, err := ra.PublishedTime(); err == nil {
		s := t.Format("2006-01-02T15:04:05Z07:00")
		lb.Published = &s
	}
	return lb, nil
}

func opt(s string) *string {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return &s
}

// The element classes of build.py's Body parser.
var (
	blockTags = set(`p h1 h2 h3 h4 h5 h6 li blockquote pre figcaption div section article header footer aside nav main
figure table thead tbody tfoot tr caption ul ol dl dt dd hr address details summary form fieldset`)
	skipTags = set(`script style noscript svg template head title`)
	htmlWS   = regexp.MustCompile("[ \t\n\r\f]+") // HTML collapses ASCII whitespace only (NBSP stays)
	preBlank = regexp.MustCompile("\n[ \t]*\n")
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// BodyText is build.py's expected.txt rule over a parsed fragment: block
// elements end a paragraph, a blank line inside <pre> too, <br> is a line
// break inside a paragraph, table cells are joined by a space, runs of
// ASCII whitespace collapse to one space, img alt text is not text.
// Paragraphs are separated by one blank line; the text ends in a newline.
func BodyText(n *html.Node) string {
	b := &bodyWriter{}
	b.walk(n)
	b.flush()
	return strings.Join(b.paras, "\n\n") + "\n"
}

type bodyWriter struct {
	paras     []string
	buf       strings.Builder
	skip, pre int
}

func (b *bodyWriter) flush() {
	var lines []string
	for _, x := range strings.Split(b.buf.String(), "\x00") {
		x = strings.Trim(htmlWS.ReplaceAllString(x, " "), " ")
		if strings.TrimFunc(x, unicode.IsSpace) != "" {
			lines = append(lines, x)
		}
	}
	if t := strings.Join(lines, "\n"); t != "" {
		b.paras = append(b.paras, t)
	}
	b.buf.Reset()
}

func (b *bodyWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if b.skip > 0 {
			return
		}
		parts := []string{n.Data}
		if b.pre > 0 {
			parts = preBlank.Split(n.Data, -1)
		}
		for i, part := range parts {
			if i > 0 {
				b.flush()
			}
			b.buf.WriteString(part)
		}
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.walk(c)
		}
		return
	}
	tag := n.Data
	switch {
	case skipTags[tag]:
		b.skip++
	case blockTags[tag]:
		b.flush()
		if tag == "pre" {
			b.pre++
		}
	case tag == "td" || tag == "th":
		b.buf.WriteByte(' ')
	case tag == "br":
		b.buf.WriteByte(0)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c)
	}
	switch {
	case skipTags[tag]:
		b.skip--
	case blockTags[tag]:
		b.flush()
		if tag == "pre" {
			b.pre--
		}
	case tag == "td" || tag == "th":
		b.buf.WriteByte(' ')
	}
}
