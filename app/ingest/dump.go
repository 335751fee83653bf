package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A scraped dump is the text a browser or converter writes for a whole web
// page (lynx -dump, w3m -dump, links -dump, html2text, a scraper's text):
// lines wrapped at a fixed width, menus, buttons, link markers and footers
// around the article. dump.go recognises such text and cleans away the
// renderers' own markup; dumpfeat.go and dumpmodel.go classify its lines.

// DumpLine is one non-blank line of a cleaned dump.
type DumpLine struct {
	Text   string // the line without indentation and renderer markers
	Indent int    // leading spaces in the dump
	Block  int    // index of the run of non-blank lines it belongs to
	Links  int    // link markers ("[12]", html2text's joined_link_words) removed from it
	Marks  int    // button, image and form markers removed from it
	Bullet bool   // the line starts with a list bullet
	Head   bool   // html2text's "**** heading ****" or a heading underline follows
}

var (
	refMarkerRe  = regexp.MustCompile(`\[\d{1,5}\]`)
	markerRe     = regexp.MustCompile(`(?i)\((?:BUTTON|submit|reset|radio|checkbox|image|textarea|select|option)\)|\[(?:img|image|inline|embedded|iframe|button|logo|icon|spacer|[^\]\n]{0,3}|[^\]\n]*\.(?:png|jpe?g|gif|svg|webp)[^\]\n]*)\]|_{3,}|\[[ _*]{3,}\]|\s{2,}\]`)
	bulletRe     = regexp.MustCompile(`^(?:[*+•·◦▪‣o#-]|\d{1,3}[.)])\s+`)
	h2tHeadRe    = regexp.MustCompile(`^\*{2,}\s*(.*?)\s*\*{2,}$`)
	underlineRe  = regexp.MustCompile(`^[=\-~*_]{3,}$`)
	refsStartRe  = regexp.MustCompile(`^\s*(?:References|Visible links:?|Hidden links:?)\s*$`)
	refsLineRe   = regexp.MustCompile(`^\s*\d{1,5}\.\s+\S+`)
	rendererJunk = regexp.MustCompile(`(?i)^(?:IFRAME:|#\S+(?:\s+\S+)?$|\(?BUTTON\)?\s*$|[\[\]()|•·*+_=~\-\s]*$)`)
	altRe        = regexp.MustCompile(`^\[[^\[\]]+\]$`)
	joinedRe     = regexp.MustCompile(`[\p{L}\p{N}][_][\p{L}\p{N}]`)
)

// IsScrapedDump reports whether text looks like a renderer's dump of a web
// page rather than a clean article file: most of its running text is
// hard-wrapped at a fixed width (and no paragraph runs on unwrapped), a
// quarter of its lines are indented as renderers lay out lists, tables and
// centred text, or it carries the renderers' own markers (or Markdown's
// links).
func IsScrapedDump(text string) bool {
	if isMarkdown(text) {
		return true // a page converted to Markdown (dumpmd.go)
	}
	wrapped, long, markers, lines, indented, midWide := 0, 0, 0, 0, 0, 0
	prevWidth, prevMid := 0, false
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, " \r\t")
		n := dispWidth(l)
		if n == 0 {
			prevWidth, prevMid = 0, false
			continue
		}
		lines++
		if prevMid {
			midWide++ // a wide line that runs on into this one mid-sentence
		}
		t := strings.TrimSpace(l)
		if strings.HasPrefix(l, "  ") {
			indented++
		}
		switch {
		case strings.HasPrefix(t, "IFRAME:"), strings.HasPrefix(t, "#alternate"), strings.Contains(t, "(BUTTON)"),
			strings.Contains(t, "[img]"), strings.Contains(t, "[IMG]"), h2tHeadRe.MatchString(t):
			markers++
		}
		if refMarkerRe.MatchString(t) {
			markers++
		}
		if prevWidth >= 55 && prevWidth <= 80 {
			wrapped++
		}
		if n > 100 && !mostlyCJK(t) {
			long++
		}
		prevWidth, prevMid = n, n > defaultWrap+5 && !endsSentence(l)
	}
	if lines == 0 {
		return false
	}
	if markers >= 3 || indented >= 10 && indented*4 >= lines {
		return true
	}
	if wrapped >= 3 && long*4 <= wrapped {
		return true
	}
	if midWide < 3 {
		return false // no wider wrap to look for (a clean article's paragraphs end sentences)
	}
	_, wide := textWrap(text)
	return wide
}

func mostlyCJK(s string) bool {
	c, n := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		n++
		if isCJK(r) {
			c++
		}
	}
	return n > 0 && c*3 >= n
}

// isCJK reports a character of a script written without spaces between
// words (Han, kana, Hangul syllables are spaced but counted alike).
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// CleanDump splits a dump into lines, cuts lynx's reference list, removes
// renderer markers and blank lines, and records what was removed from each
// line as evidence for the classifier.
func CleanDump(text string) []DumpLine {
	lines, _ := cleanDump(text)
	return lines
}

// cleanDump is CleanDump that also returns the lines of lynx's reference
// list.
func cleanDump(text string) ([]DumpLine, []string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw, refs := splitReferences(strings.Split(text, "\n"))
	raw = dropMarkupBlocks(joinWrappedHeads(dropMath(raw)))
	md := isMarkdown(text)
	var out []DumpLine
	block, blank := 0, true
	for i, l := range raw {
		l = strings.Map(func(r rune) rune {
			if r == '\t' {
				return ' '
			}
			if r < 0x20 || r == 0x7F || r == '\uFEFF' || r == '\u200B' || r == '\u00AD' {
				return -1
			}
			return r
		}, l)
		trimmed := strings.TrimLeft(l, " \u00a0")
		d := DumpLine{Indent: utf8.RuneCountInString(l) - utf8.RuneCountInString(trimmed)}
		t := strings.TrimSpace(trimmed)
		if underlineRe.MatchString(t) {
			if len(out) > 0 && !blank {
				out[len(out)-1].Head = true
			}
			continue
		}
		if m := h2tHeadRe.FindStringSubmatch(t); m != nil {
			t, d.Head = m[1], true
		}
		t = stripTags(t, &d)
		if md {
			t = stripMarkdown(t, &d)
		}
		d.Links += len(refMarkerRe.FindAllStringIndex(t, -1))
		t = refMarkerRe.ReplaceAllString(t, "")
		if joinedRe.MatchString(t) {
			d.Links += strings.Count(t, "_")
			t = underscoreToSpace(t)
		}
		d.Marks += len(markerRe.FindAllStringIndex(t, -1))
		t = markerRe.ReplaceAllString(t, " ")
		if tt := strings.TrimSpace(t); altRe.MatchString(tt) {
			// A whole line in brackets is an image's alt text (or a
			// button): text the reader does not read as the article's.
			d.Marks++
			t = tt[1 : len(tt)-1]
		}
		if m := bulletRe.FindString(t); m != "" {
			d.Bullet = true
			t = t[len(m):]
		}
		t = strings.TrimSpace(collapseSpaces(t))
		if t == "" || rendererJunk.MatchString(t) {
			if strings.TrimSpace(raw[i]) == "" {
				blank = true
			}
			continue
		}
		if blank && len(out) > 0 {
			block++
		}
		blank = false
		d.Text, d.Block = t, block
		out = append(out, d)
	}
	return out, refs
}

// underscoreToSpace turns html2text's underscores between letters (its
// rendering of link text) into spaces.
func underscoreToSpace(s string) string {
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '_' && isWordRune(rs[i-1]) && (isWordRune(rs[i+1]) || rs[i+1] == '_') {
			rs[i] = ' '
		}
	}
	return string(rs)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsPunct(r) }

// h2tOpenRe and h2tCloseRe are the two ends of an html2text heading that
// did not fit the width: "****** A long headline" on one line and "that
// wraps ******" (or the stars alone) on a later one.
var (
	h2tOpenRe  = regexp.MustCompile(`^\s*\*{2,}\s+\S`)
	h2tCloseRe = regexp.MustCompile(`\*{2,}\s*$`)
)

// joinWrappedHeads puts an html2text heading that wrapped over up to three
// lines back on one line, so that it is read as one heading.
func joinWrappedHeads(lines []string) []string {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !h2tOpenRe.MatchString(l) || h2tHeadRe.MatchString(strings.TrimSpace(l)) {
			out = append(out, l)
			continue
		}
		end := -1
		for j := i + 1; j < len(lines) && j <= i+3; j++ {
			t := strings.TrimSpace(lines[j])
			if t == "" || h2tOpenRe.MatchString(t) {
				break // a blank line, or a heading of its own
			}
			if h2tCloseRe.MatchString(t) {
				end = j
				break
			}
		}
		if end < 0 {
			out = append(out, l)
			continue
		}
		parts := []string{strings.TrimSpace(l)}
		for j := i + 1; j <= end; j++ {
			parts = append(parts, strings.TrimSpace(lines[j]))
		}
		out = append(out, strings.Join(parts, " "))
		i = end
	}
	return out
}

// htmlTagRe is an HTML tag printed as text: renderers print the markup of
// a <noscript> (tracking pixels, "enable JavaScript" notices) as it is.
var (
	htmlTagRe = regexp.MustCompile(`</?(?:a|abbr|b|br|div|em|i|iframe|img|input|li|link|meta|noscript|p|script|small|span|strong|style|u|ul)(?:\s[^<>]*)?/?>`)
	// The two halves of a tag that wrapped over lines.
	htmlTagStartRe = regexp.MustCompile(`</?(?:a|div|iframe|img|input|link|meta|noscript|p|script|span|style)(?:\s+[\w-]+\s*=[^<>]*)?$`)
	htmlTagEndRe   = regexp.MustCompile(`^[^<>]*?(?:[\w-]+\s*=\s*(?:"[^"]*"|'[^']*')\s*)+/?>`)
	markupOpen     = regexp.MustCompile(`^\s*</?(?:a|div|iframe|img|input|link|meta|noscript|p|script|span|style)\b`)
	markupAttrs    = regexp.MustCompile(`\b(?:src|href|style|height|width|alt|class|id|type|rel)\s*=\s*["']`)
)

// stripTags removes HTML tags printed as text from a line, counting them
// as markers: two or more tags, or any tag with attributes, or the halves
// of a tag wrapped over lines. A lone bare tag ("the <p> element") is text.
func stripTags(t string, d *DumpLine) string {
	if !strings.ContainsAny(t, "<>") {
		return t
	}
	halves := 0
	for _, re := range []*regexp.Regexp{htmlTagEndRe, htmlTagStartRe} {
		if tags := re.FindAllStringIndex(t, -1); len(tags) > 0 {
			halves += len(tags)
			t = strings.TrimSpace(re.ReplaceAllString(t, " "))
		}
	}
	d.Marks += halves
	if tags := htmlTagRe.FindAllString(t, -1); len(tags) >= 2 || len(tags) == 1 && (halves > 0 || strings.Contains(tags[0], "=")) {
		d.Marks += len(tags)
		t = strings.TrimSpace(htmlTagRe.ReplaceAllString(t, " "))
	}
	return t
}

// anyTagRe is one tag, whatever its name.
var anyTagRe = regexp.MustCompile(`<[^<>]*>`)

// markupOnly reports whether a block is tags with attributes and nothing
// else: no word is left outside its tags.
func markupOnly(block string) bool {
	return markupAttrs.MatchString(block) && strings.TrimSpace(anyTagRe.ReplaceAllString(block, "")) == ""
}

// dropMarkupBlocks removes runs of lines that are an HTML element printed
// as text ("<img" and its attributes wrapped over the next lines); a block
// with any text outside its tags stays, for stripTags to clean line by
// line.
func dropMarkupBlocks(lines []string) []string {
	out := lines[:0:0]
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
			j++
		}
		if j == i {
			out = append(out, lines[i])
			i++
			continue
		}
		if j-i <= 12 && markupOpen.MatchString(lines[i]) && markupOnly(strings.Join(lines[i:j], " ")) {
			out = append(out, "") // keep the block boundary
		} else {
			out = append(out, lines[i:j]...)
		}
		i = j
	}
	return out
}

// splitReferences cuts lynx's numbered list of link targets off the end of
// a dump ("References", "Visible links:", "1. http://...", "Hidden
// links:" and theirs) and returns the lines before it and the list.
func splitReferences(lines []string) (body, refs []string) {
	// n and other count the lines below i, read once from the end: numbered
	// links and list headings, and other text (blank lines count for
	// neither).
	n, other := 0, 0
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-200000; i-- {
		l := lines[i]
		start := refsStartRe.MatchString(l)
		if start && n > 0 && other*10 <= n {
			cut := refsTop(lines, i)
			return lines[:cut], lines[cut:]
		}
		switch {
		case strings.TrimSpace(l) == "":
		case start || refsLineRe.MatchString(l):
			n++
		default:
			other++
		}
	}
	return lines, nil
}

// refsTop returns the list's first heading at or above its heading at i:
// "References" and "Visible links:" above a "Hidden links:" part, with
// the same tolerance for unnumbered lines (a mailto link's body broken
// over lines) as the list below.
func refsTop(lines []string, i int) int {
	cut, n, other := i, 0, 0
	for j := i - 1; j >= 0 && j >= i-200000 && other <= n/10+100; j-- {
		switch l := lines[j]; {
		case refsStartRe.MatchString(l):
			if other*10 <= n {
				cut = j
			}
		case refsLineRe.MatchString(l):
			n++
		case strings.TrimSpace(l) != "":
			other++
		}
	}
	return cut
}
