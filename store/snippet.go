package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/newsarchive/newsarchive/store/query"
)

// snippetWords is the length of a snippet in words.
const snippetWords = 24

// maxSnippetScan bounds the bytes of a body a snippet is looked for in.
const maxSnippetScan = 64 << 10

// snippetWindow returns the start of body that snippets scan: at most
// maxSnippetScan bytes, cut at a rune boundary.
func snippetWindow(body string) string {
	return truncateUTF8(body, maxSnippetScan)
}

// truncateUTF8 cuts s to at most n bytes at a rune boundary.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// word is one word of a text: its byte span and folded form.
type word struct {
	start, end int
	folded     string
}

// foldWord lowers a word and strips its accents, as the full-text index's
// unicode61 tokenizer (remove_diacritics 2) does.
func foldWord(s string) string {
	s = strings.ToLower(s)
	for _, r := range s {
		if r >= 0x80 {
			t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
			if out, _, err := transform.String(t, s); err == nil {
				return out
			}
			break
		}
	}
	return s
}

func isSnippetRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// splitWords splits text into words of letters and digits.
func splitWords(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		switch {
		case isSnippetRune(r) && start < 0:
			start = i
		case !isSnippetRune(r) && start >= 0:
			out = append(out, word{start, i, foldWord(text[start:i])})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(text), foldWord(text[start:])})
	}
	return out
}

// matcher says which highlight term, if any, a folded word belongs to.
type matcher struct {
	exact  map[string]int
	prefix []string
	pterm  []int
}

func newMatcher(terms []query.Term) matcher {
	m := matcher{exact: map[string]int{}}
	for i, t := range terms {
		for j, w := range t.Words {
			w = foldWord(w)
			if t.Prefix && j == len(t.Words)-1 {
				m.prefix, m.pterm = append(m.prefix, w), append(m.pterm, i)
			} else if _, ok := m.exact[w]; !ok {
				m.exact[w] = i
			}
		}
	}
	return m
}

func (m matcher) term(folded string) int {
	if i, ok := m.exact[folded]; ok {
		return i
	}
	for k, p := range m.prefix {
		if strings.HasPrefix(folded, p) {
			return m.pterm[k]
		}
	}
	return -1
}

// makeSnippet returns the passage of about snippetWords words of body (or
// of title, when only it matches) holding the most distinct search terms,
// each matched word enclosed in MarkStart and MarkEnd, with "…" where the
// text was cut.
//
// Only the first maxSnippetScan bytes of body are read: a match further
// in is not shown, and a 19 MB body costs no more than a short one.
func makeSnippet(title, body string, terms []query.Term) string {
	body = snippetWindow(body)
	m := newMatcher(terms)
	text, words := body, splitWords(body)
	hits := matches(words, m)
	if countHits(hits) == 0 {
		if th := matches(splitWords(title), m); countHits(th) > 0 {
			text, words, hits = title, splitWords(title), th
		}
	}
	if len(words) == 0 {
		return ""
	}
	best, bestScore := 0, -1
	for lo := 0; lo == 0 || lo+snippetWords <= len(words); lo++ {
		seen := map[int]bool{}
		n := 0
		for i := lo; i < min(lo+snippetWords, len(words)); i++ {
			if hits[i] >= 0 {
				seen[hits[i]] = true
				n++
			}
		}
		if score := len(seen)*1000 + n; score > bestScore {
			best, bestScore = lo, score
		}
		if len(seen) == len(terms) {
			break
		}
	}
	// start the passage a few words before its first match
	for i := best; i < min(best+snippetWords, len(words)); i++ {
		if hits[i] >= 0 {
			best = max(0, min(i-3, len(words)-snippetWords))
			break
		}
	}
	end := min(best+snippetWords, len(words))
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	pos := words[best].start
	for i := best; i < end; i++ {
		w := words[i]
		b.WriteString(text[pos:w.start])
		if hits[i] >= 0 {
			b.WriteString(MarkStart + text[w.start:w.end] + MarkEnd)
		} else {
			b.WriteString(text[w.start:w.end])
		}
		pos = w.end
	}
	if end < len(words) {
		b.WriteString("…")
	} else {
		b.WriteString(text[pos:])
	}
	return b.String()
}

func matches(words []word, m matcher) []int {
	out := make([]int, len(words))
	for i, w := range words {
		out[i] = m.term(w.folded)
	}
	return out
}

func countHits(hits []int) int {
	n := 0
	for _, h := range hits {
		if h >= 0 {
			n++
		}
	}
	return n
}
