package tagging

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/app/ner"
)

// Bounds of the tagging of one article: an imported page may be 20 MB of
// text without one full stop, which the tagger would chew on for hours.
const (
	// DefaultMaxTagBytes is how much of an article's text is tagged; the
	// rest is archived and searchable but carries no entities.
	DefaultMaxTagBytes = 1 << 20
	// DefaultTagBudget is the time one article may take; an article over
	// it is marked failed, with the reason, and the worker goes on.
	DefaultTagBudget = 60 * time.Second
	// tagChunk is the most text handed to the tagger at once. Articles
	// shorter than it (nearly all) are tagged whole; longer ones in
	// pieces cut at a paragraph, sentence or word boundary, the budget
	// being checked between pieces.
	tagChunk = 64 << 10
)

// bounds are the caps of one article's tagging, with the defaults applied.
type bounds struct {
	maxBytes int
	budget   time.Duration
}

func (o Options) bounds() bounds {
	b := bounds{maxBytes: o.MaxTagBytes, budget: o.TagBudget}
	if b.maxBytes <= 0 {
		b.maxBytes = DefaultMaxTagBytes
	}
	if b.budget <= 0 {
		b.budget = DefaultTagBudget
	}
	return b
}

// ErrOverBudget is the reason of an article whose tagging ran out of time.
var ErrOverBudget = fmt.Errorf("tagging over its time budget")

// tagBounded tags at most b.maxBytes of text, a chunk at a time, and stops
// with an error wrapping ErrOverBudget when b.budget runs out. When ctx
// ends it returns ok false: the article is unfinished, not failed.
func tagBounded(ctx context.Context, t *ner.Tagger, g *ner.Gazetteer, text string, b bounds) (ents []ner.Entity, ok bool, err error) {
	text = text[:cutAt(text, b.maxBytes)]
	start := time.Now()
	for off := 0; off < len(text); {
		if ctx.Err() != nil {
			return nil, false, nil
		}
		if el := time.Since(start); el > b.budget {
			return nil, true, fmt.Errorf("%w of %s: stopped after %s with %d of %d bytes tagged",
				ErrOverBudget, b.budget, el.Round(time.Millisecond), off, len(text))
		}
		end := off + cutAt(text[off:], tagChunk)
		for _, e := range t.Tag(text[off:end], g) {
			e.Start, e.End = e.Start+off, e.End+off
			ents = append(ents, e)
		}
		off = end
	}
	return ents, true, nil
}

// cutAt returns where to cut s to at most max bytes: s whole when short
// enough, else after the last paragraph break, else sentence end, else
// white space in the second half of the window, else at a rune boundary.
func cutAt(s string, max int) int {
	if len(s) <= max {
		return len(s)
	}
	w := s[:max]
	for _, sep := range []string{"\n\n", "\n", ". ", "! ", "? ", " ", "\t"} {
		if i := strings.LastIndex(w, sep); i >= max/2 {
			return i + len(sep)
		}
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return max
}
