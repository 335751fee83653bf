package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// searchHitJSON is the JSON form of a search hit; the snippet marks matched
// words with <mark>…</mark>.
type searchHitJSON struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Snippet   string `json:"snippet"`
}

func runSearch(ctx context.Context, c *session, args []string) int {
	fs := c.flags("search", "[--json] [--from DATE] [--to DATE] [--source S] [--entity E] [--type T] [--sort relevance|date] [--limit N] [--offset N] QUERY")
	asJSON := fs.Bool("json", false, "print JSON")
	var opt search.Options
	fs.StringVar(&opt.From, "from", "", "published on or after DATE (YYYY[-MM[-DD]])")
	fs.StringVar(&opt.To, "to", "", "published on or before DATE")
	fs.StringVar(&opt.Source, "source", "", "only articles from this source")
	fs.StringVar(&opt.Entity, "entity", "", "only articles mentioning this entity (id, name or alias)")
	fs.StringVar(&opt.Type, "type", "", "only articles mentioning an entity of this type: person, org, place or misc")
	fs.StringVar(&opt.Sort, "sort", "relevance", "order: relevance or date")
	fs.IntVar(&opt.Limit, "limit", 20, "at most N results")
	fs.IntVar(&opt.Offset, "offset", 0, "skip the first N results")
	a, rest, code := c.begin(ctx, fs, args, atLeast(1))
	if code >= 0 {
		return code
	}
	res, err := a.Search.Search(ctx, strings.Join(rest, " "), opt)
	if errors.Is(err, search.ErrBadQuery) {
		fmt.Fprintln(c.Stderr, "newsarchive: search:", strings.TrimPrefix(err.Error(), search.ErrBadQuery.Error()+": "))
		return ExitUsage
	}
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		if err := writeJSON(c.Stdout, hitsJSON(res.Hits)); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	open, closeMark := "[", "]"
	if isTerminal(c.Stdout) {
		open, closeMark = "\033[1m", "\033[0m"
	}
	for _, h := range res.Hits {
		fmt.Fprintf(c.Stdout, "%6d  %-10s  %s%s\n", h.ID, dateOnly(h.Published), safetext.Line(h.Title), inParens(h.Source))
		if h.Snippet != "" {
			fmt.Fprintf(c.Stdout, "        %s\n", mark(h.Snippet, open, closeMark))
		}
	}
	atLeast := ""
	switch {
	case res.Approx:
		atLeast = "about " // too many to count: estimated
	case !res.TotalExact:
		atLeast = "at least "
	}
	fmt.Fprintf(c.Stdout, "%d of %s%d matching articles", len(res.Hits), atLeast, res.Total)
	if res.Note != "" {
		fmt.Fprintf(c.Stdout, " (%s)", res.Note)
	}
	fmt.Fprintln(c.Stdout)
	return ExitOK
}

// Stand-ins for the store's snippet marks while the text is cleaned:
// private-use characters, removed from the text first.
const markIn, markOut = "\ue000", "\ue001"

// mark replaces the store's snippet marks, flattens line breaks and drops
// terminal escapes, controls and bidi overrides from the text (the marks
// may be escapes of our own).
func mark(s, open, closeMark string) string {
	s = strings.NewReplacer(markIn, "", markOut, "").Replace(s)
	s = strings.NewReplacer(store.MarkStart, markIn, store.MarkEnd, markOut, "\n\n", " ¶ ").Replace(s)
	return strings.NewReplacer(markIn, open, markOut, closeMark).Replace(safetext.Line(s))
}

// htmlSnippet renders a snippet for search --json: the text HTML-escaped,
// the matches in <mark>, line breaks flattened.
func htmlSnippet(s string) string {
	s = safetext.HTMLMarked(strings.ReplaceAll(s, "\n\n", " ¶ "), store.MarkStart, store.MarkEnd)
	return strings.Join(strings.Fields(s), " ")
}
