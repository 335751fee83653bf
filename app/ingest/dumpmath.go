package ingest

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
)

// Formulas in a dump. A page's <math> elements reach the text as markup, not
// as text a reader reads: lynx prints each as "[MATH: <semantics> <mrow ...>
// ... :MATH]", its tags and all, and the renderers print the TeX source that
// MediaWiki (every Wikipedia) and MathJax pages give as the formula's
// alternative text, "{\displaystyle A^{\mathsf {H}}}", once or twice. A page
// of formulas then reads as a page of markup, and the line passes drop the
// prose around them with it. Readers' extractions leave formulas out.

// mathTeXRe opens a TeX formula's source as renderers print it; the
// backslash and the style may be wrapped over two lines.
var mathTeXRe = regexp.MustCompile(`\{\\\s*(?:display|text|script|scriptscript)style\b`)

// Bounds of a formula's span: longer, it is not taken for one.
const (
	maxMathSpan = 8000
	mathMark    = '\x00' // where a formula was, until its line is rebuilt
)

// dropMath removes lynx's [MATH: ... :MATH] spans and TeX formula sources
// (a "{\displaystyle" and the rest of its brace group) from the lines,
// across line ends, and joins the lines of a paragraph that a formula on
// lines of its own divided. A line left with no letter or digit by the
// removal goes (its neighbours stay in one block); one left with text keeps
// it.
func dropMath(lines []string) []string {
	text := strings.Join(lines, "\n")
	if !strings.Contains(text, "[MATH:") && !strings.Contains(text, "{\\") {
		return lines
	}
	b := make([]byte, 0, len(text))
	changed := false
	// The bytes read looking for spans' ends, bounded so that a page of
	// unclosed openings stays linear.
	budget := 2*len(text) + maxMathSpan
	for i := 0; i < len(text); {
		end := mathSpan(text, i, &budget)
		if end == i {
			b = append(b, text[i])
			i++
			continue
		}
		changed = true
		// A formula on lines of its own inside a paragraph joins the
		// lines around it: the line before (when this one holds nothing
		// before the formula and that one holds text) and the line after
		// (when nothing follows the formula on its line and that one holds
		// text), so the sentence it sat in stays one paragraph.
		if nl := bytes.LastIndexByte(b, '\n'); nl > 0 && len(bytes.TrimSpace(b[nl+1:])) == 0 && b[nl-1] != '\n' {
			b = append(b[:nl], ' ')
		}
		b = append(b, mathMark)
		i = end
		j := i
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			next := text[j+1:]
			if k := strings.IndexByte(next, '\n'); k >= 0 {
				next = next[:k]
			}
			if strings.TrimSpace(next) != "" {
				b = append(b, ' ')
				i = j + 1
			}
		}
	}
	if !changed {
		return lines
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.ContainsRune(l, mathMark) {
			out = append(out, l)
			continue
		}
		l = strings.ReplaceAll(l, "[\x00]", "\x00") // html2text's bracketed alt text
		l = strings.ReplaceAll(l, string(mathMark), " ")
		if strings.IndexFunc(l, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			continue
		}
		out = append(out, strings.TrimRight(l, " "))
	}
	return out
}

// mathSpan returns the end of the formula that starts at text[i], or i;
// the bytes it reads come off budget, and with none left it finds none.
func mathSpan(text string, i int, budget *int) int {
	if *budget <= 0 {
		return i
	}
	switch {
	case strings.HasPrefix(text[i:], "[MATH:"):
		lim := min(len(text), i+maxMathSpan)
		j := strings.Index(text[i:lim], ":MATH]")
		if j < 0 {
			*budget -= lim - i
			return i
		}
		*budget -= j
		return i + j + len(":MATH]")
	case text[i] == '{':
		lim := min(len(text), i+maxMathSpan)
		if loc := mathTeXRe.FindStringIndex(text[i:min(lim, i+40)]); loc != nil && loc[0] == 0 {
			depth := 0
			for j := i; j < lim; j++ {
				*budget--
				switch text[j] {
				case '{':
					depth++
				case '}':
					if depth--; depth == 0 {
						return j + 1
					}
				case '\\':
					if j+1 < lim && (text[j+1] == '{' || text[j+1] == '}') {
						j++ // an escaped brace, "\{"
					}
				}
			}
		}
	}
	return i
}
