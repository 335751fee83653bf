package cli

import (
	"context"
	"fmt"

	"github.com/newsarchive/newsarchive/app/ingest/simhash"
	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

// similarJSON is the JSON form of a near-duplicate.
type similarJSON struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Distance  int    `json:"distance,omitempty"`
}

func listingJSON(l store.ArticleListing, dist int) similarJSON {
	return similarJSON{ID: l.ID, Title: l.Title, Source: l.Source, Published: l.Published, Distance: dist}
}

func runSimilar(ctx context.Context, c *session, args []string) int {
	fs := c.flags("similar", "[--json] ID")
	asJSON := fs.Bool("json", false, "print JSON")
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) != 1 {
		fs.Usage()
		return ExitUsage
	}
	id, ok := c.articleID("similar", rest[0])
	if !ok {
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	near, err := a.Search.SimilarArticles(ctx, id)
	if err != nil {
		return c.articleErr(err, id)
	}
	if *asJSON {
		out := make([]similarJSON, len(near))
		for i, n := range near {
			out[i] = listingJSON(n.ArticleListing, n.Distance)
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	if len(near) == 0 {
		fmt.Fprintf(c.Stdout, "no article is a near-duplicate of article %d\n", id)
		return ExitOK
	}
	fmt.Fprintf(c.Stdout, "%d near-duplicates of article %d (distance out of 64 bits, at most %d):\n",
		len(near), id, simhash.NearThreshold)
	for _, n := range near {
		fmt.Fprintf(c.Stdout, "%6d  %2d  %-10s  %s%s\n", n.ID, n.Distance, dateOnly(n.Published), safetext.Line(n.Title), inParens(n.Source))
	}
	return ExitOK
}

func runDuplicates(ctx context.Context, c *session, args []string) int {
	fs := c.flags("duplicates", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if rest, ok := parseFlags(fs, args); !ok || len(rest) > 0 {
		fs.Usage()
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	groups, err := a.Search.NearDuplicates(ctx)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		type groupJSON struct {
			MaxDistance int           `json:"max_distance"`
			Articles    []similarJSON `json:"articles"`
		}
		out := make([]groupJSON, len(groups))
		for i, g := range groups {
			out[i].MaxDistance = g.MaxDistance
			for _, l := range g.Articles {
				out[i].Articles = append(out[i].Articles, listingJSON(l, 0))
			}
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	if len(groups) == 0 {
		fmt.Fprintln(c.Stdout, "no near-duplicate articles")
		return ExitOK
	}
	for i, g := range groups {
		fmt.Fprintf(c.Stdout, "group %d: %d articles, distance up to %d\n", i+1, len(g.Articles), g.MaxDistance)
		for _, l := range g.Articles {
			fmt.Fprintf(c.Stdout, "%8d  %-10s  %s%s\n", l.ID, dateOnly(l.Published), safetext.Line(l.Title), inParens(l.Source))
		}
	}
	fmt.Fprintf(c.Stdout, "%d groups of near-duplicates (exact duplicates are refused at import)\n", len(groups))
	return ExitOK
}
