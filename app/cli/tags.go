package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/annotate"
	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

const tagsUsage = "add ID TAG... | rm ID TAG... | list [--json] [ID]"

func runTags(ctx context.Context, c *session, args []string) int {
	fs := c.flags("tags", tagsUsage)
	asJSON := fs.Bool("json", false, "print JSON (list)")
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) == 0 {
		fs.Usage()
		return ExitUsage
	}
	verb, rest := rest[0], rest[1:]
	switch {
	case (verb == "add" || verb == "rm") && len(rest) >= 2:
	case verb == "list" && len(rest) <= 1:
	default:
		fs.Usage()
		return ExitUsage
	}
	var id int64
	if len(rest) > 0 {
		var err error
		if id, err = strconv.ParseInt(rest[0], 10, 64); err != nil {
			fmt.Fprintf(c.Stderr, "newsarchive: tags: %q is not an article id\n", rest[0])
			return ExitUsage
		}
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	switch verb {
	case "add":
		err = a.Annotate.AddTags(ctx, id, rest[1:]...)
	case "rm":
		err = a.Annotate.RemoveTags(ctx, id, rest[1:]...)
	default:
		return c.listTags(ctx, a, id, *asJSON)
	}
	return c.tagResult(err, id)
}

// tagResult reports the outcome of a tag change.
func (c *session) tagResult(err error, id int64) int {
	switch {
	case errors.Is(err, annotate.ErrBadTag):
		fmt.Fprintln(c.Stderr, "newsarchive:", err)
		return ExitUsage
	case errors.Is(err, store.ErrNotFound):
		return c.fail(fmt.Errorf("no article %d in %s", id, c.where()))
	case err != nil:
		return c.fail(err)
	}
	return ExitOK
}

// listTags prints an article's tags, or every tag with its article count
// when id is 0.
func (c *session) listTags(ctx context.Context, a *app.App, id int64, asJSON bool) int {
	if id != 0 {
		tags, err := a.Annotate.ArticleTags(ctx, id)
		if err != nil {
			return c.tagResult(err, id)
		}
		if asJSON {
			if err := writeJSON(c.Stdout, tags); err != nil {
				return c.fail(err)
			}
			return ExitOK
		}
		for _, t := range tags {
			fmt.Fprintln(c.Stdout, safetext.Line(t))
		}
		return ExitOK
	}
	tags, err := a.Annotate.Tags(ctx, "")
	if err != nil {
		return c.fail(err)
	}
	if asJSON {
		out := make([]map[string]any, len(tags))
		for i, t := range tags {
			out[i] = map[string]any{"name": t.Name, "articles": t.Articles}
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	for _, t := range tags {
		fmt.Fprintf(c.Stdout, "%6d  %s\n", t.Articles, safetext.Line(t.Name))
	}
	return ExitOK
}
