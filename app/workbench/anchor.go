package workbench

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Anchoring follows W3C Web Annotation's selectors: a highlight keeps its
// byte offsets (TextPositionSelector) and its exact quote with some text
// either side (TextQuoteSelector). When the article's text changes, the
// offsets are tried first, then the quote (where it occurs more than once,
// the place whose surroundings best match prefix and suffix), then an
// approximate match of the quote; failing all three the highlight is
// orphaned.

// ContextRunes is how many characters of text before and after a quote a
// highlight keeps as its prefix and suffix.
const ContextRunes = 32

// Fuzzy matching bounds: quotes shorter than minFuzzyRunes are not matched
// approximately (too many false places), and at most maxFuzzyCells
// cells of the edit-distance table are computed (bounded time on long
// articles).
const (
	minFuzzyRunes = 12
	maxFuzzyCells = 40_000_000
	maxExactHits  = 10_000
)

// Selector is where a highlight is in a text.
type Selector struct {
	Quote, Prefix, Suffix string
	Start, End            int // byte offsets, End exclusive
}

// selectorAt describes body[start:end] with its surroundings.
func selectorAt(body string, start, end int) Selector {
	return Selector{Quote: body[start:end], Prefix: lastRunes(body[:start], ContextRunes),
		Suffix: firstRunes(body[end:], ContextRunes), Start: start, End: end}
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// Anchor finds sel in body and returns its byte offsets; ok is false when
// the quote is found neither exactly nor approximately (the highlight is
// then orphaned). Memory and time are bounded whatever the input.
func Anchor(body string, sel Selector) (start, end int, ok bool) {
	if sel.Quote == "" {
		return 0, 0, false
	}
	if sel.Start >= 0 && sel.Start < sel.End && sel.End <= len(body) && body[sel.Start:sel.End] == sel.Quote {
		return sel.Start, sel.End, true
	}
	if s, ok := bestExact(body, sel); ok {
		return s, s + len(sel.Quote), true
	}
	return fuzzyFind(body, sel.Quote)
}

// bestExact returns the occurrence of the quote whose surroundings agree
// most with the prefix and suffix, the nearest the old offset on a tie.
func bestExact(body string, sel Selector) (int, bool) {
	best, bestScore, bestDist := -1, -1, 0
	for from, n := 0, 0; n < maxExactHits; n++ {
		i := strings.Index(body[from:], sel.Quote)
		if i < 0 {
			break
		}
		i += from
		score := commonSuffix(body[:i], sel.Prefix) + commonPrefix(body[i+len(sel.Quote):], sel.Suffix)
		dist := abs(i - sel.Start)
		if score > bestScore || score == bestScore && dist < bestDist {
			best, bestScore, bestDist = i, score, dist
		}
		_, size := utf8.DecodeRuneInString(body[i:])
		from = i + size
	}
	return best, best >= 0
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// fuzzyFind finds the passage of body nearest the quote by edit distance
// (Sellers' algorithm over characters), accepted when at most a fifth of
// the quote's characters differ.
func fuzzyFind(body, quote string) (int, int, bool) {
	q := []rune(quote)
	m := len(q)
	if m < minFuzzyRunes {
		return 0, 0, false
	}
	// b holds the body's characters, at[i] the byte offset of b[i] (invalid
	// UTF-8 bytes are one character each).
	b := make([]rune, 0, len(body))
	at := make([]int, 0, len(body)+1)
	for i, c := range body {
		b, at = append(b, c), append(at, i)
	}
	at = append(at, len(body))
	if len(b)*m > maxFuzzyCells || len(b) == 0 {
		return 0, 0, false
	}
	maxDist := m / 5
	endAt, dist := bestEnd(b, q)
	if dist > maxDist {
		return 0, 0, false
	}
	// The start: the same search backwards over the text before endAt.
	lo := max(0, endAt-m-maxDist)
	seg := reverse(b[lo:endAt])
	back, _ := bestEnd(seg, reverse(q))
	startAt := endAt - back
	return at[startAt], at[endAt], true
}

// bestEnd returns the rune index just after the passage of text ending
// nearest (by edit distance) to pattern, and that distance.
func bestEnd(text, pattern []rune) (int, int) {
	m := len(pattern)
	col := make([]int, m+1)
	for i := range col {
		col[i] = i
	}
	bestAt, best := 0, m
	for j, c := range text {
		prevDiag := col[0] // D[0][j-1] = 0: a match may start anywhere
		col[0] = 0
		for i := 1; i <= m; i++ {
			cost := 1
			if pattern[i-1] == c {
				cost = 0
			}
			v := min(prevDiag+cost, col[i]+1, col[i-1]+1)
			prevDiag, col[i] = col[i], v
		}
		if col[m] < best {
			best, bestAt = col[m], j+1
		}
	}
	return bestAt, best
}

func reverse(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[len(r)-1-i] = c
	}
	return out
}

// findQuote finds a quote a person gave in body: exactly, else with any
// run of white space matching any other. near, when not negative, picks
// the occurrence nearest that byte offset; otherwise the first.
func findQuote(body, quote string, near int) (int, int, bool) {
	if strings.TrimSpace(quote) == "" {
		return 0, 0, false
	}
	if strings.Contains(body, quote) {
		s, _ := bestExact(body, Selector{Quote: quote, Start: max(near, 0)})
		if near < 0 {
			s = strings.Index(body, quote)
		}
		return s, s + len(quote), true
	}
	words := strings.Fields(quote)
	if len(words) == 0 {
		return 0, 0, false
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(strings.Join(words, `\s+`))
	if err != nil {
		return 0, 0, false
	}
	locs := re.FindAllStringIndex(body, maxExactHits)
	if len(locs) == 0 {
		return 0, 0, false
	}
	best := locs[0]
	for _, l := range locs[1:] {
		if near >= 0 && abs(l[0]-near) < abs(best[0]-near) {
			best = l
		}
	}
	return best[0], best[1], true
}
