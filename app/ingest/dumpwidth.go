package ingest

import (
	"sort"
	"strings"
)

// The renderers' wrap width. lynx, w3m, links and html2text wrap at 80
// columns unless told otherwise, but a researcher's terminal or script may
// give them any width (w3m takes the terminal's): the wrap column is read
// from the dump itself.

// narrowest and widest wrap columns looked for; defaultWrap is the
// renderers' default, which the line model was trained on.
const (
	narrowest   = 30
	widest      = 400
	defaultWrap = 80
)

// wline is what the wrap column is read from, a non-blank line: its width
// in columns with its indentation, the width of its first word, whether it
// continues the previous line's block (no blank line between), whether it
// is mostly CJK and whether it ends a sentence.
type wline struct {
	width, first   int
	cont, cjk, end bool
}

func newWline(s string, indent int, cont bool) wline {
	return wline{width: dispWidth(s) + indent, first: firstWordWidth(s), cont: cont, cjk: mostlyCJK(s), end: endsSentence(s)}
}

// wrapColumn estimates the column lines were hard-wrapped at. When the
// renderer wrapped a line, the next line of its block starts with a word
// that would not have fitted after it: the column lies between the line's
// width and that width plus a space and the next line's first word. And no
// line outruns the column, but for an unbreakable run (a long URL, CJK
// text that html2text and links break only at spaces). Each column scores
// the pairs of consecutive lines that agree on it less the lines (not
// mostly CJK) wider than it; the best (the narrowest of equals) is
// returned with its pairs and its wider lines. A pair votes only when its
// first line ends mid-sentence (where wraps mostly fall; the lines of
// unwrapped paragraphs end sentences) and neither is mostly CJK (which a
// renderer may break at any character).
func wrapColumn(ls []wline) (col, agree, longer int) {
	var diff, wider [widest + 2]int
	for i, l := range ls {
		if !l.cjk {
			wider[min(l.width, widest+1)]++ // outruns every column below its width
		}
		if i == 0 || !l.cont || l.cjk {
			continue
		}
		p := ls[i-1]
		if p.cjk || p.end || p.width == 0 {
			continue
		}
		lo, hi := p.width, p.width+l.first
		if hi < narrowest || lo > widest {
			continue
		}
		diff[max(lo, narrowest)]++
		diff[min(hi, widest)+1]--
	}
	// outrun[w]: lines wider than w.
	var outrun [widest + 2]int
	for w := widest; w >= 0; w-- {
		outrun[w] = outrun[w+1] + wider[w+1]
	}
	run, best := 0, 0
	for w := 0; w <= widest; w++ {
		run += diff[w]
		if w < narrowest {
			continue
		}
		if s := run - outrun[w]; s > best {
			best, col, agree, longer = s, w, run, outrun[w]
		}
	}
	return col, agree, longer
}

// wideWrap reports the column of a dump wrapped wider than the default
// when the lines show one: at least minAgree pairs of lines agree on a
// column past 80, and few lines outrun it (a long URL or an unbroken run
// of CJK may). A page of CJK text keeps the default.
func wideWrap(ls []wline, minAgree int) (int, bool) {
	nCJK := 0
	for _, l := range ls {
		if l.cjk {
			nCJK++
		}
	}
	if nCJK*10 > len(ls) {
		return 0, false // mixed CJK lines and wide table cells make false columns
	}
	col, agree, longer := wrapColumn(ls)
	if col <= defaultWrap+5 || agree < minAgree {
		return 0, false
	}
	return col, longer*4 <= agree
}

// textWrap reports a raw text's wide wrap column (IsScrapedDump).
func textWrap(text string) (int, bool) {
	var ls []wline
	prevBlank := true
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, " \r\t")
		if l == "" {
			prevBlank = true
			continue
		}
		ls = append(ls, newWline(l, 0, !prevBlank))
		prevBlank = false
	}
	return wideWrap(ls, 3)
}

// wrapWidth estimates the column the renderer wrapped a cleaned dump at: a
// high percentile of the line widths, at least 40 and at most 80, the
// renderers' default; or the wider column the lines agree on when they
// show one (wideWrap).
func wrapWidth(lines []DumpLine) int {
	if len(lines) == 0 {
		return defaultWrap
	}
	ws := make([]int, 0, len(lines))
	for _, d := range lines {
		ws = append(ws, dispWidth(d.Text)+d.Indent)
	}
	sort.Ints(ws)
	w := ws[len(ws)*9/10]
	if w > defaultWrap {
		ls := make([]wline, len(lines))
		for i, d := range lines {
			ls[i] = newWline(d.Text, d.Indent, i > 0 && lines[i-1].Block == d.Block)
		}
		if col, ok := wideWrap(ls, 3); ok {
			return col
		}
	}
	return min(max(w, 40), defaultWrap)
}

// featureWrap is the wrap column the line model's width feature reads:
// the dump's (wrapWidth), or the widest looked for when the text is not
// wrapped at all (a copied page, a renderer told to use 500 columns): at
// least three lines that end a sentence run past twice the column found.
func featureWrap(lines []DumpLine, wrap int) int {
	if wrap > defaultWrap {
		return wrap
	}
	n := 0
	for _, d := range lines {
		if dispWidth(d.Text)+d.Indent > 2*wrap && !mostlyCJK(d.Text) && endsSentence(d.Text) {
			if n++; n >= 3 {
				return widest
			}
		}
	}
	return wrap
}

// longLine is the width from which a line counts as a long one (a line
// model feature): 60 columns at the default wrap, three quarters of a
// wider one.
func longLine(wrap int) int {
	if wrap <= defaultWrap {
		return 60
	}
	return wrap * 3 / 4
}
