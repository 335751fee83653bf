package ner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits bound the work of one tagging call, so that an untrusted page (a
// 19 MB body without a full stop) costs bounded time and memory.
type Limits struct {
	// MaxBytes is how much of a text is tagged; the rest is left untagged.
	MaxBytes int
	// MaxSentenceTokens is the longest sentence handed to the model; longer
	// runs of text are tagged in pieces of this many tokens.
	MaxSentenceTokens int
	// Budget is the time one call may take; then it stops with ErrBudget.
	// Zero: only the caller's context bounds it.
	Budget time.Duration
}

// DefaultLimits are the limits of Tag and TagContext: 1 MiB of text (about
// 170,000 words, far beyond any article), sentences of at most 150 tokens,
// and 60 seconds (1 MiB takes about 6 s on one core).
var DefaultLimits = Limits{MaxBytes: 1 << 20, MaxSentenceTokens: 150, Budget: 60 * time.Second}

// ErrBudget is returned (wrapped with the context's error) when a call runs
// out of time or its context is cancelled: the caller marks the article as
// failed and goes on.
var ErrBudget = errors.New("entity tagging stopped")

// maxBlock is the longest piece of text handed to the sentence segmenter:
// a paragraph longer than this is cut, at a sentence end if there is one.
const maxBlock = 8 << 10

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxSentenceTokens <= 0 {
		l.MaxSentenceTokens = DefaultLimits.MaxSentenceTokens
	}
	return l
}

// prefix returns the longest prefix of s of at most n bytes that ends on a
// rune boundary, preferring the end of a word.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexFunc(s[:cut], unicode.IsSpace); sp > cut/2 {
		cut = sp
	}
	return s[:cut]
}

// block is a piece of the text with its byte offset.
type block struct {
	start int
	text  string
}

// blocks splits text into paragraphs (at blank lines), each cut into
// pieces of at most maxBlock bytes, at the last sentence end or else the
// last space before the limit.
func blocks(text string) []block {
	var out []block
	pos := 0
	for pos < len(text) {
		end := strings.Index(text[pos:], "\n\n")
		next := len(text)
		if end >= 0 {
			next = pos + end + 2
			end = pos + end
		} else {
			end = len(text)
		}
		for a := pos; a < end; {
			piece := text[a:end]
			if len(piece) > maxBlock {
				piece = prefix(piece, maxBlock)
				if k := lastSentenceEnd(piece); k > len(piece)/2 {
					piece = piece[:k]
				}
				if piece == "" { // no rune boundary: cannot happen in valid UTF-8
					piece = text[a:min(end, a+maxBlock)]
				}
			}
			if strings.TrimSpace(piece) != "" {
				out = append(out, block{start: a, text: piece})
			}
			a += len(piece)
		}
		pos = next
	}
	return out
}

// lastSentenceEnd returns the offset after the last ". ", "? " or "! " of s, or -1.
func lastSentenceEnd(s string) int {
	best := -1
	for _, e := range []string{". ", "? ", "! "} {
		if k := strings.LastIndex(s, e); k >= 0 && k+2 > best {
			best = k + 2
		}
	}
	return best
}

// segment returns the sentences of text to tag: English prose only, cut
// into pieces of at most lim.MaxSentenceTokens tokens. Each paragraph's
// language is detected on its own; a paragraph too short for the detector
// is English when English function words make up a fifth of its lower-case
// words (or it has none: a headline or a result line, left to isProse), and
// otherwise takes the language of the whole text. It returns an error wrapping
// ErrUnsupportedLanguage when no paragraph is English, and one wrapping
// ErrBudget when ctx ends.
func (t *Tagger) segment(ctx context.Context, text string, lim Limits) ([][]token, error) {
	var out [][]token
	var article *language
	english, foreign := false, language{}
	for _, b := range blocks(text) {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("ner: %w: %w", ErrBudget, err)
		}
		l := detectLanguage(b.text)
		if !l.decided && l.english && !functionWordsSayEnglish(b.text) {
			if article == nil {
				a := detectLanguage(text)
				article = &a
			}
			l = *article
		}
		if !l.english {
			foreign = l
			continue // a paragraph in another language
		}
		for _, toks := range t.pipe.sentences(b.text, b.start) {
			if !isProse(toks) {
				continue
			}
			english = true
			for len(toks) > lim.MaxSentenceTokens {
				out = append(out, toks[:lim.MaxSentenceTokens])
				toks = toks[lim.MaxSentenceTokens:]
			}
			out = append(out, toks)
		}
	}
	if !english && foreign.name != "" {
		return nil, foreign.err()
	}
	return out, nil
}

// englishFunctionWords are frequent English words that other languages
// written in Latin script rarely use.
var englishFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "on": true, "is": true, "was": true,
	"for": true, "with": true, "at": true, "by": true, "from": true, "that": true, "it": true, "he": true,
	"she": true, "they": true, "said": true, "has": true, "have": true, "will": true, "after": true,
	"are": true, "were": true, "be": true, "this": true, "not": true, "but": true, "his": true, "her": true,
	"their": true, "its": true, "who": true, "which": true, "back": true, "over": true, "into": true,
}

// functionWordsSayEnglish reports whether a short text reads as English:
// it has no lower-case word, or a fifth of them are English function words.
func functionWordsSayEnglish(s string) bool {
	lower, fw := functionWords(s)
	return lower == 0 || fw*5 >= lower
}

// functionWords counts the lower-case words of s and the English function
// words among them.
func functionWords(s string) (lower, fw int) {
	start := -1
	for i, r := range s + " " {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := s[start:i]
			if strings.ToLower(w) == w {
				lower++
				if englishFunctionWords[w] {
					fw++
				}
			}
			start = -1
		}
	}
	return lower, fw
}
