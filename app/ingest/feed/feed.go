// Package feed turns an RSS (0.9x, 1.0/RDF, 2.0) or Atom document into a
// Feed of items with plain-text content, ISO 8601 dates and resolved
// links. It decodes the feed's declared charset (or sniffs Latin-1 when
// none is declared), refuses HTML pages and DTD entity declarations (the
// "billion laughs" expansion bomb), and relies on gofeed for the formats.
//
// Parse is a pure function of its arguments: no network, no globals.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
)

// MaxBytes is the largest feed document Parse accepts.
const MaxBytes = 64 << 20

// minFullWords is the shortest item content counted as a full article.
const minFullWords = 60

// Errors returned by Parse, to be matched with errors.Is.
var (
	// ErrNotFeed means the document is not RSS or Atom.
	ErrNotFeed = errors.New("not a feed")
	// ErrEntities means the document declares DTD entities, which could
	// expand without bound; such feeds are refused.
	ErrEntities = errors.New("feed declares DTD entities (refused: possible entity-expansion bomb)")
	// ErrTooLarge means the document is over MaxBytes.
	ErrTooLarge = errors.New("feed too large")
)

// Feed is a parsed feed.
type Feed struct {
	Title   string
	Link    string // the site's home page, absolute when it could be resolved
	Items   []Item
	Dropped string // the feed link sanitising dropped and why ("" when none)
}

// Item is one entry of a feed.
type Item struct {
	GUID      string
	Link      string // absolute URL of the story
	Title     string
	Author    string
	Published string // ISO 8601 as in ingest.Article.Published; "" when unknown
	// Content is the item's full text (content:encoded or Atom <content>,
	// HTML converted to plain text), "" when the item carries none.
	Content string
	// Summary is the item's description or Atom summary as plain text.
	Summary string
	// IsFullContent is true when Content looks like the whole story rather
	// than a teaser: at least minFullWords words and longer than Summary.
	IsFullContent bool
	// Dropped says which link sanitising dropped (a file: or javascript:
	// link, a link with credentials) and why, for the importer to report.
	Dropped string
}

// Parse decodes a feed document. feedURL (may be "") is where it came from
// and resolves relative links.
func Parse(raw []byte, feedURL string) (Feed, error) {
	if len(raw) > MaxBytes {
		return Feed{}, fmt.Errorf("parse feed %s: %d bytes: %w", feedURL, len(raw), ErrTooLarge)
	}
	if err := sniff(raw); err != nil {
		return Feed{}, fmt.Errorf("parse feed %s: %w", feedURL, err)
	}
	utf8Doc, err := toUTF8(raw)
	if err != nil {
		return Feed{}, fmt.Errorf("parse feed %s: %w", feedURL, err)
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(utf8Doc))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return Feed{}, fmt.Errorf("parse feed %s: %w: no RSS or Atom root element", feedURL, ErrNotFeed)
		}
		return Feed{}, fmt.Errorf("parse feed %s: %w", feedURL, err)
	}
	base, _ := url.Parse(feedURL)
	f := Feed{Title: clean(gf.Title), Link: resolve(base, gf.Link)}
	if f.Link != "" {
		if u, err := url.Parse(f.Link); err == nil && base == nil {
			base = u
		}
	}
	for _, it := range gf.Items {
		if it != nil {
			f.Items = append(f.Items, convertItem(it, base))
		}
	}
	return sanitize(f), nil
}

func convertItem(it *gofeed.Item, base *url.URL) Item {
	out := Item{
		GUID:    strings.TrimSpace(it.GUID),
		Link:    resolve(base, it.Link),
		Title:   clean(htmlpage.HTMLToText(it.Title)),
		Author:  author(it),
		Content: htmlpage.HTMLToText(it.Content),
		Summary: htmlpage.HTMLToText(it.Description),
	}
	if out.Link == "" && len(it.Links) > 0 {
		out.Link = resolve(base, it.Links[0])
	}
	out.Published = date(it.Published, it.PublishedParsed)
	if out.Published == "" {
		out.Published = date(it.Updated, it.UpdatedParsed)
	}
	cw, sw := words(out.Content), words(out.Summary)
	out.IsFullContent = cw >= minFullWords && cw > sw
	if out.Summary == "" && !out.IsFullContent {
		out.Summary, out.Content = out.Content, ""
	}
	return out
}

func author(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, clean(p.Name))
		}
	}
	if len(names) == 0 && it.Author != nil {
		names = append(names, clean(first(it.Author.Name, it.Author.Email)))
	}
	if len(names) == 0 && it.DublinCoreExt != nil && len(it.DublinCoreExt.Creator) > 0 {
		names = append(names, clean(it.DublinCoreExt.Creator[0]))
	}
	return strings.Join(names, ", ")
}

// date keeps the date as the feed wrote it when htmlpage.NormalizeDate
// understands it, and otherwise uses gofeed's parse (which knows more
// layouts but always reports an offset).
func date(raw string, parsed *time.Time) string {
	if d := htmlpage.NormalizeDate(raw); d != "" {
		return d
	}
	if parsed != nil && !parsed.IsZero() {
		return parsed.Format(time.RFC3339)
	}
	return ""
}

func resolve(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return u.String()
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func words(s string) int { return len(strings.Fields(s)) }

func first(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
