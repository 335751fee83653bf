package main

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// CopyText is the page's text as a browser's select-all copy (or a
// scraper's text_content, roughly) gives it: the body's rendered text with a
// line break around every block, a blank line around paragraphs, cells
// separated by tabs, whitespace collapsed, no wrapping, no markers for
// links, images or list items. It follows the innerText algorithm of the
// HTML standard without a style sheet: what is hidden is only what the
// markup hides (the hidden attribute, an inline display:none or
// visibility:hidden), so menus a site hides by its CSS are kept, as a
// scraper keeps them. With headGap, headings take a blank line either side
// too, as paragraphs do: a browser's copy (its text iterator adds a line
// after a heading or paragraph with a bottom margin) of a page whose style
// sheet leaves the headings' default margins; without, as innerText and a
// page whose style sheet resets them give it.
func CopyText(page string, headGap bool) string {
	return writeText(page, &copyWriter{headGap: headGap})
}

// writeText walks the parsed page with p and returns its text.
func writeText(page string, p *copyWriter) string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return ""
	}
	p.walk(doc, false)
	return p.finish()
}

// copyWriter collects text runs and the line breaks blocks require
// between them: consecutive requirements merge into the largest.
type copyWriter struct {
	b       strings.Builder
	breaks  int    // line breaks owed before the next text
	started bool   // some text written
	space   bool   // a collapsed space owed before the next text
	headGap bool   // headings a blank line apart, as paragraphs
	md      bool   // Markdown: links, images, headings and list items marked
	prefix  string // Markdown: what the next line opens with ("## ", "* ")
	depth   int    // Markdown: lists open
}

var copySkip = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Audio: true,
	atom.Video: true, atom.Map: true, atom.Datalist: true,
}

var copyBlock = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true,
	atom.Nav: true, atom.Ol: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tr: true, atom.Caption: true, atom.Legend: true, atom.Ul: true,
	atom.Menu: true, atom.Option: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
}

// hiddenByMarkup reports an element a browser does not render by its
// markup alone: the hidden attribute, an inline display:none or
// visibility:hidden. Unlike htmlpage's isHidden (what the extractor leaves
// out), aria-hidden does not count: the browser shows that text, and a
// select-all copy has it.
func hiddenByMarkup(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func (p *copyWriter) need(n int) {
	p.breaks = max(p.breaks, n)
}

func (p *copyWriter) text(s string, pre bool) {
	if !pre {
		s = strings.Join(strings.Fields(s), " ")
		if s == "" {
			return
		}
	}
	if p.started && p.breaks > 0 {
		p.b.WriteString(strings.Repeat("\n", p.breaks))
		p.space = false
	} else if p.space && p.started {
		p.b.WriteByte(' ')
	}
	if p.prefix != "" && (p.breaks > 0 || !p.started) {
		p.b.WriteString(p.prefix)
	}
	p.breaks, p.space, p.prefix = 0, false, ""
	p.b.WriteString(s)
	p.started = true
}

func (p *copyWriter) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		if !pre && strings.TrimSpace(n.Data) == "" {
			if n.Data != "" {
				p.space = true
			}
			return
		}
		if !pre && (n.Data[0] == ' ' || n.Data[0] == '\n' || n.Data[0] == '\t') {
			p.space = true
		}
		p.text(n.Data, pre)
		if !pre {
			last := n.Data[len(n.Data)-1]
			p.space = last == ' ' || last == '\n' || last == '\t'
		}
		return
	case html.ElementNode:
		if copySkip[n.DataAtom] || hiddenByMarkup(n) {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			if p.started {
				p.b.WriteString(strings.Repeat("\n", max(p.breaks, 1)))
			}
			p.breaks, p.space = 0, false
			return
		case atom.Td, atom.Th:
			if n.PrevSibling != nil && p.started && p.breaks == 0 {
				p.b.WriteString(map[bool]string{false: "\t", true: " | "}[p.md])
				p.space = false
			}
		}
		if p.md && p.markdown(n, pre) {
			return
		}
	}
	block := n.Type == html.ElementNode && copyBlock[n.DataAtom]
	para := n.Type == html.ElementNode && (n.DataAtom == atom.P || p.headGap && isHeading(n.DataAtom))
	if block {
		p.need(1)
	}
	if para {
		p.need(2)
	}
	inPre := pre || n.Type == html.ElementNode && n.DataAtom == atom.Pre
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, inPre)
	}
	if block {
		p.need(1)
	}
	if para {
		p.need(2)
	}
}

func (p *copyWriter) finish() string {
	lines := strings.Split(p.b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n")) + "\n"
}

// MarkdownText is the page's text as an HTML-to-Markdown converter gives it
// (markdownify, a reader service's Markdown, trafilatura's): CopyText's
// lines with links as [text](url), images as ![alt](src), headings opened
// by #, list items by "* " (two spaces a level), bold in **.
func MarkdownText(page string) string {
	return writeText(page, &copyWriter{md: true})
}

// markdown writes the Markdown of the elements that have one and reports
// whether it walked n itself.
func (p *copyWriter) markdown(n *html.Node, pre bool) bool {
	attr := func(k string) string {
		for _, a := range n.Attr {
			if a.Key == k {
				return strings.TrimSpace(a.Val)
			}
		}
		return ""
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		p.need(2)
		p.prefix = strings.Repeat("#", int(n.Data[1]-'0')) + " "
		p.children(n, pre)
		p.need(2)
		return true
	case atom.Ul, atom.Ol:
		p.need(1)
		p.depth++
		p.children(n, pre)
		p.depth--
		p.need(1)
		return true
	case atom.Li:
		p.need(1)
		p.prefix = strings.Repeat("  ", max(p.depth-1, 0)) + "* "
		p.children(n, pre)
		p.need(1)
		return true
	case atom.A:
		href := attr("href")
		if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") || !hasText(n) {
			return false
		}
		p.text("[", true)
		p.space = false
		p.children(n, pre)
		p.b.WriteString("](" + href + ")")
		p.space = false
		return true
	case atom.Img:
		if src := attr("src"); src != "" && !strings.HasPrefix(src, "data:") {
			p.text("!["+strings.Join(strings.Fields(attr("alt")), " ")+"]("+src+")", true)
		}
		return true
	case atom.Strong, atom.B:
		if !hasText(n) {
			return false
		}
		p.text("**", true)
		p.space = false
		p.children(n, pre)
		p.b.WriteString("**")
		return true
	}
	return false
}

func (p *copyWriter) children(n *html.Node, pre bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, pre)
	}
}

// hasText reports whether n holds any text that is not space.
func hasText(n *html.Node) bool {
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data) != ""
	}
	if n.Type == html.ElementNode && (copySkip[n.DataAtom] || hiddenByMarkup(n)) {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasText(c) {
			return true
		}
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
