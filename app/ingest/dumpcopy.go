package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A page's text copied from a browser (select all, copy) or written by a
// scraper's text output carries no text browser's marks: no wrap column, no
// "[img]" or bullets, no reference list. IsScrapedDump cannot tell it from a
// clean article, yet it holds the page's menus, share buttons and footer
// around the article. Such a text is read as a dump when two things hold:
//
//   - it has the shape of a page: at least copyMinShort short lines (four
//     units or fewer, not ending a sentence) and a run of copyMinRun of them
//     on adjacent lines, as menus are copied (a clean article's short lines,
//     a title, a byline, subheadings, stand apart);
//   - the dump model, run on it, leaves out more than a tenth of its units
//     (words, CJK characters; copyMaxKept): the model itself finds
//     furniture there.
//
// Measured (docs/extraction.md, "Copied pages and Markdown"): none of 2,225
// BBC articles has the shape and none of 919 clean article texts (the
// corpora's expected bodies) is read as a copy; 318 of 340 unseen pages'
// copies (cmd/dumpsilver -copy) have the shape.
const (
	copyMinShort = 10
	copyMinRun   = 4
	copyMaxKept  = 0.9
)

var numberedRe = regexp.MustCompile(`^\d{1,3}[.)]\s`)

// CopiedPage is the note on an article read from a copied page's text.
const CopiedPage = "read as a copied web page: its menus and page furniture were left out"

// copyShape reports whether text has the short-line runs of a copied page.
func copyShape(text string) bool {
	short, run, cur := 0, 0, 0
	for rest := text; rest != ""; {
		l := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		t := strings.TrimSpace(l)
		if t == "" {
			cur = 0
			continue
		}
		if shortLine(t) {
			short++
			cur++
			run = max(run, cur)
		} else {
			cur = 0
		}
	}
	return short >= copyMinShort && run >= copyMinRun
}

// shortLine: four units or fewer (words; CJK characters one each), not a
// numbered list's item and no sentence, list number or figure at its end (a
// menu item, a button, a section name; menus are not numbered, an
// article's rankings and steps are).
func shortLine(t string) bool {
	if numberedRe.MatchString(t) {
		return false
	}
	n := 0
	scanUnits(t, func(int, int) bool {
		n++
		return n <= 4
	})
	if n > 4 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?:;…。！？", last) && !unicode.IsDigit(last)
}

// parseCopiedPage reads text as a copied page when it has the shape of one
// and the model (model(), loaded only then) leaves out enough of it; ok is
// false otherwise (the text is then a clean article).
func parseCopiedPage(text string, model func() *DumpModel) (art Article, ok bool) {
	if !copyShape(text) {
		return Article{}, false
	}
	a := NewDumpAnalysis(text)
	art, err := a.Article(model())
	if err != nil {
		return Article{}, false
	}
	// The line passes' share decides (the runs and restore passes after
	// them move the body, not the page's kind).
	if float64(a.lineKept) >= copyMaxKept*float64(countUnits(text)) {
		return Article{}, false
	}
	art.Note = strings.TrimSuffix(CopiedPage+"; "+art.Note, "; ")
	return art, true
}
