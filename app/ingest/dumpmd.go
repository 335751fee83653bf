package ingest

import (
	"regexp"
	"strings"
)

// Markdown dumps: a page converted to Markdown (markdownify, a reader
// service's or trafilatura's Markdown output, pandoc) marks what the text
// browsers mark their own way: links as [text](url), images as
// ![alt](src), headings by #, list items by "* " or "- ", bold in **.
// cleanDump reads a dump with at least mdMinLinks such links as Markdown:
// a link becomes its text and counts as a link of the line, an image goes
// and counts as a mark, a heading's #s go and the line is a heading, bold
// markers go. Other dumps are not touched: html2text's "# " opens an
// ordered list's item.

// mdMinLinks is the number of Markdown links that make a dump Markdown.
const mdMinLinks = 3

var (
	// mdImageRe is an image, ![alt](src "title"), its alt text captured.
	mdImageRe = regexp.MustCompile(`!\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)`)
	// mdLinkRe is a link, [text](url "title"), its text captured; the URL
	// has no space (and its parentheses pair).
	mdLinkRe = regexp.MustCompile(`\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+"[^"\n]*")?\)`)
	mdHeadRe = regexp.MustCompile(`^#{1,6}\s+`)
	mdBoldRe = regexp.MustCompile(`\*\*([^*\n]+)\*\*`)
)

// isMarkdown reports whether text has the Markdown links of a page
// converted to Markdown.
func isMarkdown(text string) bool {
	if !strings.Contains(text, "](") {
		return false
	}
	n := 0
	for _, m := range mdLinkRe.FindAllString(text, -1) {
		// lynx's "[302](134551)" and "[14](BUTTON)" are a reference
		// number before a parenthesis, not a link.
		if strings.TrimLeft(m[1:strings.Index(m, "](")], "0123456789") != "" {
			if n++; n >= mdMinLinks {
				return true
			}
		}
	}
	return false
}

// stripMarkdown removes a Markdown line's syntax, counting links, image
// marks and a heading on d.
func stripMarkdown(t string, d *DumpLine) string {
	if m := mdHeadRe.FindString(t); m != "" {
		t, d.Head = t[len(m):], true
	}
	if strings.Contains(t, "](") {
		t = mdImageRe.ReplaceAllStringFunc(t, func(string) string {
			d.Marks++
			return " "
		})
		t = mdLinkRe.ReplaceAllStringFunc(t, func(m string) string {
			d.Links++
			return mdLinkRe.FindStringSubmatch(m)[1]
		})
	}
	if strings.Contains(t, "**") {
		t = mdBoldRe.ReplaceAllString(t, "$1")
	}
	return t
}
