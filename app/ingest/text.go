package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/app/safetext"
)

// ParseText reads a page saved as text (a scraped page with its menus and
// footer, or a plain article whose first line is its headline) and returns
// the article in it.
func ParseText(raw []byte) (Article, error) {
	text, _, err := Decode(raw)
	if err != nil {
		return Article{}, err
	}
	clean := safetext.Body(text) // whole escape sequences out first
	var a Article
	var copied bool
	if IsScrapedDump(clean) {
		a, err = parseDumpText(clean, DefaultDumpModel())
	} else if a, copied = parseCopiedPage(clean, DefaultDumpModel); !copied {
		a, err = parseLines(splitLines(clean))
		// A file of nothing but a text browser's markers ("#alternate",
		// "[logo.png]", "(BUTTON)"), too short to be told for a dump, is not
		// taken for a plain article either (checked only on a short body).
		if err == nil && len(strings.Fields(a.Body)) < 20 && len(CleanDump(clean)) == 0 {
			err = fmt.Errorf("%w: every line is a text browser's page furniture (link relations, image and button markers)", ErrDumpNoText)
		}
	}
	if err != nil {
		return a, err
	}
	return Sanitize(a), nil
}

// maxTitle is the longest line taken as a title, in characters.
const maxTitle = 300

var (
	bylineRe        = regexp.MustCompile(`(?i)^(?:by|written by|words by|author:|authors:|reporting by)\s+(.+)$`)
	bylineCutRe     = regexp.MustCompile(`\s*(\||•|·| - | – | — |,\s*(?:\d|updated|published|posted)|\bon\s+\w+day\b|\bon\s+\d).*$`)
	copyrightLineRe = regexp.MustCompile(`(?i)^\s*(©|\(c\)|copyright\b)`)
)

// splitLines normalises line ends and spaces and joins hard-wrapped
// paragraphs: consecutive lines of a block where all but the last are long
// and end mid-sentence.
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")
	var out []string
	var block []string
	flush := func() {
		out = append(out, joinWrapped(block)...)
		block = block[:0]
	}
	for _, l := range raw {
		l = strings.TrimSpace(collapseSpaces(l))
		l = strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7F || r == '\uFEFF' || r == '\u200B' {
				return -1
			}
			return r
		}, l)
		if l == "" {
			flush()
			out = append(out, "")
			continue
		}
		block = append(block, l)
	}
	flush()
	return out
}

func joinWrapped(block []string) []string {
	if len(block) < 2 {
		return append([]string(nil), block...)
	}
	for _, l := range block[:len(block)-1] {
		if utf8.RuneCountInString(l) < 40 || endsSentence(l) && !strings.HasSuffix(l, ",") {
			return append([]string(nil), block...)
		}
	}
	return []string{strings.Join(block, " ")}
}

// page holds the lines of one document and what has been recognised in them.
type page struct {
	lines []string
	used  []bool // lines taken as title, headline, date or byline
	a     Article
}

func parseLines(lines []string) (Article, error) {
	p := &page{lines: lines, used: make([]bool, len(lines))}
	titleIdx := p.findTitle()
	if titleIdx < 0 {
		return Article{}, fmt.Errorf("no article text found: every line looks like page furniture")
	}
	start := p.findBodyStart(titleIdx)
	p.findHeadline(titleIdx, start)
	p.findDateAndByline(start)
	p.collectBody(start)
	if p.a.Body == "" {
		return Article{}, fmt.Errorf("no article text found: only a title (%q)", p.a.Title)
	}
	p.findSource()
	p.a.Language = detectLanguage(p.a.Body)
	return p.a, nil
}

// findTitle returns the first line that can be a title: not furniture, not a
// date or byline, not a menu. A file whose first line is long running text
// has no title line; its first sentence serves.
func (p *page) findTitle() int {
	for i, l := range p.lines {
		if l == "" || p.isMeta(l) {
			continue
		}
		if f, _ := furniture(l); f {
			continue
		}
		if utf8.RuneCountInString(l) > maxTitle {
			p.a.Title = firstSentence(l)
			return i
		}
		if len(strings.Fields(l)) < 2 && p.laterTitle(i) {
			continue
		}
		p.a.Title = strings.TrimRight(l, " :|-–—")
		p.used[i] = true
		return i
	}
	return -1
}

// laterTitle reports whether a title-like line of two words or more comes
// before the running text after line i, so a lone word is not the title.
func (p *page) laterTitle(i int) bool {
	for _, l := range p.lines[i+1:] {
		if l == "" || p.isMeta(l) {
			continue
		}
		if isProse(l) {
			return false
		}
		if f, _ := furniture(l); !f && len(strings.Fields(l)) >= 2 {
			return true
		}
	}
	return false
}

func (p *page) isMeta(l string) bool {
	if bylineRe.MatchString(l) && len(strings.Fields(l)) <= 12 {
		return true
	}
	_, ok := ParseDate(l)
	return ok
}

// findBodyStart returns the index of the first line of running text after
// the title line.
func (p *page) findBodyStart(titleIdx int) int {
	if !p.used[titleIdx] {
		return titleIdx // the title was cut from the first paragraph
	}
	for i := titleIdx + 1; i < len(p.lines); i++ {
		if isProse(p.lines[i]) && !copyrightRe.MatchString(p.lines[i]) {
			return i
		}
	}
	// No running text: the body is whatever content follows the title.
	for i := titleIdx + 1; i < len(p.lines); i++ {
		if l := p.lines[i]; l != "" && !p.isMeta(l) {
			if f, _ := furniture(l); !f {
				return i
			}
		}
	}
	return len(p.lines)
}

// findHeadline looks between the title and the body for a longer line that
// repeats most of the title's words: the page's long headline, which then
// becomes the title as well.
func (p *page) findHeadline(titleIdx, start int) {
	tw := words(p.a.Title)
	if len(tw) == 0 || !p.used[titleIdx] {
		return
	}
	for i := titleIdx + 1; i < start; i++ {
		l := p.lines[i]
		if l == "" || p.used[i] || utf8.RuneCountInString(l) > maxTitle {
			continue
		}
		if l == p.a.Title {
			p.used[i] = true // the title repeated
			continue
		}
		if len(l) > len(p.a.Title) && !strings.HasSuffix(l, ".") && shareOf(tw, words(l)) >= 0.75 {
			p.a.Headline = l
			p.a.Title = l
			p.used[i] = true
			return
		}
	}
}

// shareOf returns the share of the distinct words of a (numbers left out)
// that also occur in b.
func shareOf(a, b []string) float64 {
	inB := map[string]bool{}
	for _, w := range b {
		inB[w] = true
	}
	seen := map[string]bool{}
	n, total := 0, 0
	for _, w := range a {
		if seen[w] || strings.Trim(w, "0123456789") == "" {
			continue
		}
		seen[w] = true
		total++
		if inB[w] {
			n++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

// findDateAndByline reads the date and byline from the lines before the body,
// then, failing that, from the last lines of the page.
func (p *page) findDateAndByline(start int) {
	try := func(i int) {
		l := p.lines[i]
		if l == "" || p.used[i] || isProse(l) {
			return
		}
		if m := bylineRe.FindStringSubmatch(l); m != nil && p.a.Byline == "" && len(strings.Fields(l)) <= 12 {
			p.a.Byline = strings.TrimSpace(bylineCutRe.ReplaceAllString(m[1], ""))
			p.used[i] = true
		}
		if p.a.Published == "" {
			if iso, ok := ParseDate(l); ok {
				p.a.Published, p.a.PublishedText = iso, l
				p.used[i] = true
			}
		}
	}
	for i := 0; i < start && i < len(p.lines); i++ {
		try(i)
	}
	if p.a.Published == "" || p.a.Byline == "" {
		for i, n := len(p.lines)-1, 0; i >= start && n < 8; i-- {
			if p.lines[i] != "" {
				try(i)
				n++
			}
		}
	}
}

// collectBody gathers the paragraphs from the first line of running text to
// the first heading of what follows an article, leaving out furniture, lines
// already used and trailing short lines.
func (p *page) collectBody(start int) {
	seen := map[string]int{}
	for _, l := range p.lines {
		if l != "" {
			seen[l]++
		}
	}
	var paras []string
	for i := start; i < len(p.lines); i++ {
		l := p.lines[i]
		if l == "" || p.used[i] {
			continue
		}
		f, end := furniture(l)
		if end && len(paras) > 0 {
			break
		}
		if f || l == p.a.Title || (seen[l] > 1 && !isProse(l)) {
			continue
		}
		if _, ok := ParseDate(l); ok && !isProse(l) {
			continue
		}
		paras = append(paras, l)
	}
	for len(paras) > 1 && !isProse(paras[len(paras)-1]) {
		paras = paras[:len(paras)-1]
	}
	p.a.Body = strings.Join(paras, "\n\n")
}

// findSource takes the site's name from a copyright line.
func (p *page) findSource() {
	for i := len(p.lines) - 1; i >= 0; i-- {
		// Only a footer line names the site: short, and opening with the
		// copyright sign or word (not a sentence that mentions copyright).
		l := p.lines[i]
		if len(l) > 120 || !copyrightLineRe.MatchString(l) {
			continue
		}
		if s := CopyrightHolder(l); s != "" {
			p.a.Source = s
			return
		}
	}
}

// firstSentence returns the first sentence of a paragraph, cut to a title's
// length at a word boundary.
func firstSentence(l string) string {
	if i := strings.IndexAny(l, ".!?"); i > 20 {
		l = l[:i+1]
	}
	if utf8.RuneCountInString(l) <= 120 {
		return l
	}
	r := []rune(l)[:120]
	s := string(r)
	if j := strings.LastIndexByte(s, ' '); j > 60 {
		s = s[:j]
	}
	return s + "…"
}
