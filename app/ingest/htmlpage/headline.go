package htmlpage

import "unicode/utf8"

// A person asked for a page's title often takes the headline the page
// shows (its <h1>) rather than the <title>, which may be a shorter,
// search-engine wording of it, or the same words with other dashes and
// quotes. ChooseTitle replaces the cut title by an <h1> when the page's
// evidence says the <h1> is its headline: the <h1>s left after those that
// name the site (the same site evidence CutTitle uses) and those of no
// headline's length, under HeadOptions chosen by htmleval's site-grouped
// cross-validation (docs/extraction.md).

// HeadOptions say when ChooseTitle takes an <h1> over the cut title.
type HeadOptions struct {
	// Overlap: the least word overlap (F1, 0..1) of the <h1> with the cut
	// title; above 1 the <h1> is never taken.
	Overlap float64
	// Single: only when exactly one <h1> is left after the site's names.
	Single bool
}

// DefaultHead is the rule Parse uses: the <h1> is taken when it has the
// cut title's words (its dashes, quotes and case differ). On
// go-trafilatura's human titles a lower Overlap takes more right titles,
// but the html-pages corpus, whose titles are the <title>'s, then falls
// below its floor (docs/extraction.md has the figures).
func DefaultHead() HeadOptions { return HeadOptions{Overlap: 1} }

// maxHeadRunes bounds the length of an <h1> taken as the title.
const maxHeadRunes = 250

// ChooseTitle returns the page's title: cut (CutTitle's headline of
// ev.Title), or one of the page's <h1>s under opt.
func ChooseTitle(ev TitleEvidence, cut string, opt HeadOptions) string {
	if opt.Overlap > 1 || len(ev.H1s) == 0 {
		return cut
	}
	names := append(ev.Names[:len(ev.Names):len(ev.Names)], ev.Marks...)
	labels := hostLabels(ev.Host)
	cw := normWords(cut)
	best, bestFit, left := "", -1.0, 0
	for _, h := range ev.H1s {
		h = collapseSpaces(h)
		if n := utf8.RuneCountInString(h); n < 2 || n > maxHeadRunes || !hasLetters(h) {
			continue
		}
		if siteScore(h, names, labels) >= DefaultCut().Site {
			continue // the site's name (a logo's <h1>)
		}
		left++
		if fit := wordMatch(normWords(h), cw); fit > bestFit {
			best, bestFit = h, fit
		}
	}
	if best == "" || (opt.Single && left != 1) || bestFit < opt.Overlap {
		return cut
	}
	return best
}
