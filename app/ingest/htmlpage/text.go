package htmlpage

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text renders an HTML subtree as plain text: one paragraph per block
// (paragraph, heading, list, table, figure caption, quotation...), with
// paragraphs separated by a blank line. List items become lines starting
// with "- ", table rows become lines with cells separated by " | ", <br>
// becomes a line break and <pre> keeps its whitespace. Scripts, styles,
// forms and hidden elements are left out.
func Text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var w textWriter
	w.render(n, false)
	return w.String()
}

// pageText renders a whole page for the vote: as Text, but navigation,
// forms and buttons are kept (some sites wrap the whole page in a form;
// the extractors decide what is boilerplate).
func pageText(n *html.Node) (string, []lineInfo) {
	w := textWriter{whole: true}
	w.render(n, false)
	return w.lines()
}

// HTMLToText parses an HTML fragment (such as a feed item's content) and
// renders it with Text.
func HTMLToText(fragment string) string {
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return collapseSpaces(fragment)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, c := range nodes {
		root.AppendChild(c)
	}
	return Text(root)
}

// textWriter accumulates text, collapsing whitespace and turning block
// boundaries into line or paragraph breaks.
type textWriter struct {
	sb      strings.Builder
	space   bool // a space is pending before the next word
	breaks  int  // newlines pending before the next word (max of requests)
	started bool // something has been written
	prefix  string
	cells   int  // cells written in the current table row
	whole   bool // pageText: keep the elements in wholePage
	// pageText only: the element context of the text being written and
	// what each finished line (infos) and the current one (cur) hold.
	ctx   uint16
	cur   lineInfo
	infos []lineInfo
}

// newline ends a line (and, in pageText, records what it held).
func (w *textWriter) newline() {
	if w.whole {
		w.infos = append(w.infos, w.cur)
		w.cur = lineInfo{}
	}
	w.sb.WriteByte('\n')
}

// lines is String with the infos of its lines (pageText), one per line
// of the text.
func (w *textWriter) lines() (string, []lineInfo) {
	raw := strings.Split(w.sb.String(), "\n")
	for i, l := range raw {
		raw[i] = strings.TrimRight(l, " \t")
	}
	joined := strings.Join(raw, "\n")
	text := strings.TrimSpace(joined)
	infos := append(w.infos, w.cur)
	skip := strings.Count(joined[:len(joined)-len(strings.TrimLeftFunc(joined, unicode.IsSpace))], "\n")
	return text, infos[skip : skip+strings.Count(text, "\n")+1]
}

func (w *textWriter) String() string {
	lines := strings.Split(w.sb.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// brk asks for n newlines (1: line break, 2: paragraph break) before the
// next text.
func (w *textWriter) brk(n int) {
	if n > w.breaks {
		w.breaks = n
	}
}

func (w *textWriter) flushBreaks() {
	if w.started && w.breaks > 0 {
		for range w.breaks {
			w.newline()
		}
		w.space = false
	} else if w.started && w.space {
		w.sb.WriteByte(' ')
	}
	if w.breaks > 0 || !w.started {
		w.sb.WriteString(w.prefix)
		w.prefix = ""
	}
	w.breaks = 0
	w.space = false
	w.started = true
}

func (w *textWriter) word(s string) {
	w.flushBreaks()
	w.sb.WriteString(s)
	if w.whole {
		w.cur.add(w.ctx, 1)
	}
}

func (w *textWriter) text(s string) {
	start := -1
	for i, r := range s {
		if isSpace(r) {
			if start >= 0 {
				w.word(s[start:i])
				start = -1
			}
			w.space = true
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.word(s[start:])
	}
}

func (w *textWriter) pre(s string) {
	s = strings.Trim(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if s == "" {
		return
	}
	w.flushBreaks()
	if !w.whole {
		w.sb.WriteString(s)
		return
	}
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			w.newline()
		}
		w.sb.WriteString(part)
		w.cur.add(w.ctx, len(strings.Fields(part)))
	}
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2007', '\u202f', '\u200b', '\u3000', '\u2028', '\u2029':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// skipped elements never hold story text.
var skipped = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true,
	"iframe": true, "object": true, "embed": true, "svg": true, "canvas": true,
	"audio": true, "video": true, "map": true, "button": true, "select": true,
	"input": true, "textarea": true, "form": true, "nav": true,
	"annotation": true, "annotation-xml": true,
}

// wholePage are the skipped elements pageText keeps.
var wholePage = map[string]bool{"form": true, "nav": true, "button": true}

// paragraphTags start and end a paragraph.
var paragraphTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "ul": true, "ol": true, "dl": true, "table": true, "figure": true,
	"figcaption": true, "caption": true, "hr": true, "address": true, "details": true,
	"article": true, "section": true, "header": true, "footer": true, "aside": true, "main": true,
	"div": true, "center": true, "fieldset": true,
}

// lineTags start and end a line.
var lineTags = map[string]bool{
	"li": true, "dt": true, "dd": true, "tr": true, "summary": true,
	"picture": true, "legend": true,
	"thead": true, "tbody": true, "tfoot": true,
}

func (w *textWriter) render(n *html.Node, inPre bool) {
	switch n.Type {
	case html.TextNode:
		if inPre {
			w.pre(n.Data)
		} else {
			w.text(n.Data)
		}
		return
	case html.ElementNode:
	case html.DocumentNode:
		w.children(n, inPre)
		return
	default:
		return
	}
	if (skipped[n.Data] && !(w.whole && wholePage[n.Data])) || isHidden(n) {
		return
	}
	if w.whole {
		saved := w.ctx
		w.ctx |= elementContext(n)
		defer func() { w.ctx = saved }()
	}
	switch {
	case n.Data == "br":
		w.brk(1)
		return
	case n.Data == "img":
		return
	case n.Data == "pre":
		w.brk(2)
		w.children(n, true)
		w.brk(2)
		return
	case n.Data == "li":
		w.brk(1)
		w.prefix = "- "
		w.children(n, inPre)
		w.prefix = ""
		w.brk(1)
		return
	case n.Data == "td" || n.Data == "th":
		if w.cells > 0 {
			w.space = false
			w.flushBreaks()
			w.sb.WriteString(" |")
			w.space = true
		}
		w.cells++
		w.children(n, inPre)
		return
	case n.Data == "tr":
		w.brk(1)
		saved := w.cells
		w.cells = 0
		w.children(n, inPre)
		w.cells = saved
		w.brk(1)
		return
	case paragraphTags[n.Data]:
		w.brk(2)
		w.children(n, inPre)
		w.brk(2)
		return
	case lineTags[n.Data]:
		w.brk(1)
		w.children(n, inPre)
		w.brk(1)
		return
	}
	w.children(n, inPre)
}

func (w *textWriter) children(n *html.Node, inPre bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.render(c, inPre)
	}
}

// isHidden reports elements marked hidden by attribute or inline style.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func collapseSpaces(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}
