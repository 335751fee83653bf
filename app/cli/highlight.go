package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// The highlight and highlights commands; collection.go and watch.go hold
// the rest of the workbench's.

// stringList is a flag given any number of times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// workbenchResult reports the outcome of a workbench command: what the
// person got wrong is a usage error, named plainly.
func (c *session) workbenchResult(cmd string, err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, workbench.ErrBadColor), errors.Is(err, workbench.ErrBadInput), errors.Is(err, search.ErrBadQuery):
		fmt.Fprintf(c.Stderr, "newsarchive: %s: %v\n", cmd, err)
		return ExitUsage
	case errors.Is(err, workbench.ErrQuoteNotFound), errors.Is(err, store.ErrNotFound), errors.Is(err, store.ErrNameTaken):
		fmt.Fprintf(c.Stderr, "newsarchive: %s: %v\n", cmd, err)
		return ExitFailed
	}
	return c.fail(err)
}

// highlightJSON is the JSON form of a highlight.
type highlightJSON struct {
	ID        int64     `json:"id"`
	ArticleID int64     `json:"article_id"`
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Published string    `json:"published"`
	Quote     string    `json:"quote"`
	Prefix    string    `json:"prefix"`
	Suffix    string    `json:"suffix"`
	Start     int       `json:"start"`
	End       int       `json:"end"`
	Orphaned  bool      `json:"orphaned"`
	Color     string    `json:"color"`
	Label     string    `json:"label"`
	Note      string    `json:"note"`
	Tags      []string  `json:"tags"`
	Author    string    `json:"author"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

func toHighlightJSON(h store.HighlightRow) highlightJSON {
	c, _ := workbench.ColorByName(h.Color)
	tags := h.Tags
	if tags == nil {
		tags = []string{}
	}
	return highlightJSON{h.ID, h.ArticleID, h.Title, h.Source, h.Published, h.Quote, h.Prefix, h.Suffix, h.Start, h.End,
		h.Orphaned, h.Color, c.Label, h.Note, tags, h.Author, h.CreatedAt.UTC(), h.UpdatedAt.UTC()}
}

const highlightUsage = "add ID --quote TEXT [--color C] [--note N] [--tag T]... | rm HID"

func runHighlight(ctx context.Context, c *session, args []string) int {
	fs := c.flags("highlight", highlightUsage)
	quote := fs.String("quote", "", "the passage to highlight, as in the article (white space may differ)")
	color := fs.String("color", "", "yellow (key, the default), red (contested), green (evidence), blue (background) or purple (question)")
	note := fs.String("note", "", "a note on the passage")
	var tags stringList
	fs.Var(&tags, "tag", "a tag (repeat for more)")
	asJSON := fs.Bool("json", false, "print the new highlight as JSON")
	rest, ok := parseFlags(fs, args)
	if !ok || len(rest) != 2 || (rest[0] != "add" && rest[0] != "rm") || (rest[0] == "add" && *quote == "") {
		fs.Usage()
		return ExitUsage
	}
	if rest[0] == "rm" {
		hid, err := strconv.ParseInt(rest[1], 10, 64)
		if err != nil || hid <= 0 {
			fmt.Fprintf(c.Stderr, "newsarchive: highlight: %q is not a highlight id\n", rest[1])
			return ExitUsage
		}
		a, err := c.open(ctx)
		if err != nil {
			return c.fail(err)
		}
		return c.workbenchResult("highlight rm", a.Workbench.RemoveHighlight(ctx, hid))
	}
	id, ok := c.articleID("highlight", rest[1])
	if !ok {
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	h, err := a.Workbench.AddHighlight(ctx, workbench.NewHighlight{ArticleID: id, Quote: *quote, Near: -1, Color: *color,
		Note: *note, Tags: tags})
	if err != nil {
		return c.workbenchResult("highlight add", err)
	}
	if *asJSON {
		if err := writeJSON(c.Stdout, toHighlightJSON(h)); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	fmt.Fprintf(c.Stdout, "highlight %d on article %d (%s)\n", h.ID, h.ArticleID, h.Color)
	return ExitOK
}

func runHighlights(ctx context.Context, c *session, args []string) int {
	fs := c.flags("highlights", "[--json] [--article ID] [--color C] [--tag T] [--source S] [--from DATE] [--to DATE] [--entity E]")
	asJSON := fs.Bool("json", false, "print JSON")
	var f workbench.Filter
	fs.Int64Var(&f.ArticleID, "article", 0, "only on this article")
	fs.StringVar(&f.Color, "color", "", "only of this colour (or its meaning: key, contested...)")
	fs.StringVar(&f.Tag, "tag", "", "only carrying this tag")
	fs.StringVar(&f.Source, "source", "", "only on articles from this source")
	fs.StringVar(&f.From, "from", "", "only on articles published on or after DATE (YYYY[-MM[-DD]])")
	fs.StringVar(&f.To, "to", "", "only on articles published on or before DATE")
	fs.StringVar(&f.Entity, "entity", "", "only on articles mentioning this entity (id, name or alias)")
	a, _, code := c.begin(ctx, fs, args, exactly(0))
	if code >= 0 {
		return code
	}
	hs, err := a.Workbench.Highlights(ctx, f)
	if err != nil {
		return c.workbenchResult("highlights", err)
	}
	if *asJSON {
		out := make([]highlightJSON, len(hs))
		for i, h := range hs {
			out[i] = toHighlightJSON(h)
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	for _, h := range hs {
		flag := ""
		if h.Orphaned {
			flag = " ORPHANED (not found in the article's text now)"
		}
		fmt.Fprintf(c.Stdout, "%5d  article %d  %s%s  %s  %s%s\n", h.ID, h.ArticleID, h.Color, flag, dateOnly(h.Published),
			safetext.Line(h.Title), inParens(h.Source))
		fmt.Fprintf(c.Stdout, "       %q\n", h.Quote)
		if h.Note != "" {
			fmt.Fprintf(c.Stdout, "       note: %s\n", safetext.Line(h.Note))
		}
		if len(h.Tags) > 0 {
			fmt.Fprintf(c.Stdout, "       tags: %s\n", safetext.Line(strings.Join(h.Tags, ", ")))
		}
		if h.Author != "" {
			fmt.Fprintf(c.Stdout, "       by %s, %s\n", safetext.Line(h.Author), h.CreatedAt.UTC().Format("2006-01-02 15:04"))
		}
	}
	fmt.Fprintf(c.Stdout, "%d highlights\n", len(hs))
	return ExitOK
}
