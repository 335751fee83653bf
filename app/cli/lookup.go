package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/app/search"
)

// lookupJSON is the JSON form of a lookup result; positions are the rune
// indexes of the matched characters in text.
type lookupJSON struct {
	Kind      string `json:"kind"`
	ID        int64  `json:"id"`
	Text      string `json:"text"`
	Score     int    `json:"score"`
	Positions []int  `json:"positions"`
}

func runLookup(ctx context.Context, c *session, args []string) int {
	fs := c.flags("lookup", "[--json] [--kind entity|title|source] [--limit N] QUERY")
	asJSON := fs.Bool("json", false, "print JSON")
	kind := fs.String("kind", "", "only this kind: entity, title or source (default all)")
	limit := fs.Int("limit", 10, "at most N results (at most 500)")
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) == 0 || *limit < 0 {
		fs.Usage()
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	res, err := a.Search.Lookup(ctx, strings.Join(rest, " "), lookup.Kind(*kind), *limit)
	if errors.Is(err, search.ErrBadQuery) {
		fmt.Fprintln(c.Stderr, "newsarchive: lookup:", strings.TrimPrefix(err.Error(), search.ErrBadQuery.Error()+": "))
		return ExitUsage
	}
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		out := make([]lookupJSON, len(res))
		for i, r := range res {
			out[i] = lookupJSON{string(r.Kind), r.ID, r.Text, r.Score, r.Positions}
			if out[i].Positions == nil {
				out[i].Positions = []int{}
			}
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	open, closeMark := "[", "]"
	if isTerminal(c.Stdout) {
		open, closeMark = "\033[1m", "\033[0m"
	}
	for _, r := range res {
		fmt.Fprintf(c.Stdout, "%-6s  %6d  %s\n", r.Kind, r.ID, highlight(r.Text, r.Positions, open, closeMark))
	}
	if len(res) == 0 {
		fmt.Fprintln(c.Stdout, "nothing found")
	}
	return ExitOK
}

// highlight wraps runs of the runes at positions in open and closeMark.
func highlight(text string, positions []int, open, closeMark string) string {
	at := make(map[int]bool, len(positions))
	for _, p := range positions {
		at[p] = true
	}
	var b strings.Builder
	in := false
	i := 0
	for _, r := range text {
		if at[i] != in {
			in = at[i]
			if in {
				b.WriteString(open)
			} else {
				b.WriteString(closeMark)
			}
		}
		if r == '\n' || safetext.Terminal(string(r)) != "" { // no controls, escapes or bidi overrides
			b.WriteRune(r)
		}
		i++
	}
	if in {
		b.WriteString(closeMark)
	}
	return b.String()
}
