package pdf

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// body joins the lines in reading order into paragraphs separated by a
// blank line.
func (d doc) body() string {
	lex := newLexicon(d.lines)
	left, right := d.columnEdges()
	var paras []string
	var cur []string
	for i, l := range d.lines {
		if i > 0 && d.breakBefore(d.lines[i-1], l, left, right) && len(cur) > 0 {
			paras = append(paras, joinLines(cur, lex))
			cur = nil
		}
		cur = append(cur, l.text)
	}
	if len(cur) > 0 {
		paras = append(paras, joinLines(cur, lex))
	}
	return strings.Join(paras, "\n\n")
}

type colKey struct{ page, col int }

// columnEdges is the left and right edge of every column of every page.
func (d doc) columnEdges() (map[colKey]float64, map[colKey]float64) {
	left, right := map[colKey]float64{}, map[colKey]float64{}
	for _, l := range d.lines {
		k := colKey{l.page, l.col}
		if l.spanning {
			k.col = -1
		}
		if v, ok := left[k]; !ok || l.x0 < v {
			left[k] = l.x0
		}
		if v, ok := right[k]; !ok || l.x1 > v {
			right[k] = l.x1
		}
	}
	return left, right
}

// breakBefore says whether line b starts a new paragraph after line a.
func (d doc) breakBefore(a, b line, left, right map[colKey]float64) bool {
	size := d.bodySize
	if math.Abs(a.size-b.size) > 0.15*size || a.spanning != b.spanning {
		return true
	}
	kb, ka := colKey{b.page, b.col}, colKey{a.page, a.col}
	if b.spanning {
		kb.col, ka.col = -1, -1
	}
	if b.x0-left[kb] > 0.6*b.size && !(a.page == b.page && a.col == b.col && math.Abs(a.x0-b.x0) < 0.3*b.size) {
		return true // first-line indent
	}
	if ka == kb && a.y-b.y > 1.6*d.pitch {
		return true // blank line between block paragraphs
	}
	short := a.x1 < right[ka]-3*a.size
	return short && endsSentence(a.text)
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:\"'”’»)", r)
}

// lexicon counts the words of a document, to decide whether a hyphen at a
// line end is a hyphenation break or part of a compound.
type lexicon struct {
	words      map[string]int // words seen inside lines, lower-cased
	hyphenated map[string]int // hyphenated compounds seen inside lines
}

func newLexicon(lines []line) lexicon {
	lx := lexicon{words: map[string]int{}, hyphenated: map[string]int{}}
	prevCut := false
	for _, l := range lines {
		fs := strings.Fields(l.text)
		cut := prevCut // the first word ends a word cut on the line before
		prevCut = strings.HasSuffix(l.text, "-")
		for i, w := range fs {
			if i == 0 && cut {
				continue
			}
			w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }))
			if w == "" || (i == len(fs)-1 && strings.HasSuffix(w, "-")) {
				continue
			}
			if strings.Contains(strings.Trim(w, "-"), "-") {
				lx.hyphenated[w]++
				for _, part := range strings.Split(w, "-") {
					lx.words[part]++
				}
				continue
			}
			lx.words[strings.Trim(w, "-")]++
		}
	}
	return lx
}

// keepHyphen decides for "head-" at a line end followed by "tail": keep the
// hyphen when the document writes the compound with one elsewhere, or when
// both halves are words of the document and the joined word is not.
func (lx lexicon) keepHyphen(head, tail string) bool {
	h := strings.ToLower(lastWord(head))
	t := strings.ToLower(firstWord(tail))
	if h == "" || t == "" {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(firstWord(tail)); unicode.IsUpper(r) || unicode.IsDigit(r) {
		return true
	}
	if lx.hyphenated[h+"-"+t] > 0 {
		return true
	}
	if lx.words[h+t] > 0 {
		return false
	}
	return lx.words[h] > 0 && lx.words[t] > 0 && len(h) > 1 && len(t) > 2
}

func lastWord(s string) string {
	s = strings.TrimSuffix(s, "-")
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return s
	}
	return s[:i]
}

// joinLines joins the lines of one paragraph, rejoining words cut by a
// hyphen at a line end.
func joinLines(ls []string, lx lexicon) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			prev := ls[i-1]
			r, _ := utf8.DecodeRuneInString(l)
			p, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(prev, "-"))
			if strings.HasSuffix(prev, "-") && !strings.HasSuffix(prev, " -") && unicode.IsLetter(r) && unicode.IsLetter(p) {
				if !lx.keepHyphen(prev, l) {
					s := b.String()
					b.Reset()
					b.WriteString(strings.TrimSuffix(s, "-"))
				}
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
