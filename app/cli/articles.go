package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

// articleJSON is the JSON form of an article.
type articleJSON struct {
	ID            int64  `json:"id"`
	Title         string `json:"title"`
	Headline      string `json:"headline"`
	Published     string `json:"published"`
	PublishedText string `json:"published_text"`
	Byline        string `json:"byline"`
	Source        string `json:"source"`
	URL           string `json:"url"`
	Language      string `json:"language"`
	Body          string `json:"body,omitempty"`
	SummaryOnly   bool   `json:"summary_only"`
	ContentHash   string `json:"content_hash"`
	Origin        string `json:"origin"`
	ImportedAt    string `json:"imported_at"`
}

func toJSON(a store.Article) articleJSON {
	return articleJSON{
		ID: a.ID, Title: a.Title, Headline: a.Headline, Published: a.Published, PublishedText: a.PublishedText,
		Byline: a.Byline, Source: a.Source, URL: a.URL, Language: a.Language, Body: a.Body,
		SummaryOnly: a.SummaryOnly, ContentHash: a.ContentHash, Origin: a.Origin,
		ImportedAt: a.ImportedAt.UTC().Format(time.RFC3339),
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func runList(ctx context.Context, c *session, args []string) int {
	fs := c.flags("list", "[--json] [--sort date|title|source|id] [--limit N] [--offset N]")
	asJSON := fs.Bool("json", false, "print JSON")
	sortBy := fs.String("sort", "date", "order: date, title, source or id")
	limit := fs.Int("limit", 0, "at most N articles (0: all)")
	offset := fs.Int("offset", 0, "skip the first N articles")
	if rest, ok := parseFlags(fs, args); !ok || len(rest) > 0 {
		fs.Usage()
		return ExitUsage
	}
	a, err := c.open(ctx)
	if err != nil {
		return c.fail(err)
	}
	list, err := a.Search.Articles(ctx, store.ArticleSort(*sortBy), *limit, *offset)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		out := make([]map[string]any, len(list))
		for i, l := range list {
			out[i] = map[string]any{"id": l.ID, "title": l.Title, "source": l.Source, "published": l.Published}
		}
		if err := writeJSON(c.Stdout, out); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	for _, l := range list {
		fmt.Fprintf(c.Stdout, "%6d  %-10s  %s%s\n", l.ID, dateOnly(l.Published), safetext.Line(l.Title), inParens(l.Source))
	}
	return ExitOK
}

func runShow(ctx context.Context, c *session, args []string) int {
	fs := c.flags("show", "[--json] ID")
	asJSON := fs.Bool("json", false, "print JSON")
	a, art, code := c.article(ctx, fs, args)
	if code >= 0 {
		return code
	}
	if *asJSON {
		if err := writeJSON(c.Stdout, toJSON(art)); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	fmt.Fprintf(c.Stdout, "%s\n", safetext.Line(art.Title))
	if art.Headline != "" && art.Headline != art.Title {
		fmt.Fprintf(c.Stdout, "%s\n", safetext.Line(art.Headline))
	}
	var meta []string
	for _, s := range []string{art.Byline, art.Source, art.Published, art.URL} {
		if s != "" {
			meta = append(meta, safetext.Line(s))
		}
	}
	if len(meta) > 0 {
		fmt.Fprintln(c.Stdout, strings.Join(meta, " · "))
	}
	fmt.Fprintf(c.Stdout, "\n%s\n\n(article %d, from %s)\n", safetext.Terminal(art.Body), art.ID, safetext.Line(art.Origin))
	return c.printProvenance(ctx, a, art.ID)
}

func dateOnly(iso string) string {
	if len(iso) >= 10 {
		return iso[:10]
	}
	if iso == "" {
		return "-"
	}
	return iso
}

func inParens(s string) string {
	if s == "" {
		return ""
	}
	return " (" + safetext.Line(s) + ")"
}
