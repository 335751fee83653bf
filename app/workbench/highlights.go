package workbench

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsarchive/newsarchive/app/annotate"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// Color is a highlight colour; each has a name saying what it marks.
type Color struct {
	Name  string // yellow, red, green, blue, purple
	Label string // key, contested, evidence, background, question
	RGB   uint32 // 0xRRGGBB, for the GUI
}

// Colors are the highlight colours, the default first.
var Colors = []Color{
	{"yellow", "key", 0xffe066},
	{"red", "contested", 0xff8a80},
	{"green", "evidence", 0x9be09b},
	{"blue", "background", 0x90c8ff},
	{"purple", "question", 0xd0a8f0},
}

// Bounds on what a person gives.
const (
	MaxQuoteBytes = 16 << 10
	MaxNoteBytes  = annotate.MaxNoteBytes
)

// Errors in what a person asked for.
var (
	ErrQuoteNotFound = errors.New("quote not in the article")
	ErrBadColor      = errors.New("unknown highlight colour")
	ErrBadInput      = errors.New("bad input")
)

// ColorByName returns the colour with that name or label, in any case
// ("" is the default, yellow).
func ColorByName(s string) (Color, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return Colors[0], nil
	}
	var names []string
	for _, c := range Colors {
		if s == c.Name || s == c.Label {
			return c, nil
		}
		names = append(names, c.Name+" ("+c.Label+")")
	}
	return Color{}, fmt.Errorf("%w %q: use one of %s", ErrBadColor, s, strings.Join(names, ", "))
}

// NewHighlight is what a person marks: a quote of an article (Near, when
// not negative, is the byte offset of the selection, to choose between
// repeated quotes), with a colour, a note and tags.
type NewHighlight struct {
	ArticleID int64
	Quote     string
	Near      int
	Color     string
	Note      string
	Tags      []string
}

func checkNote(note string) error {
	if len(note) > MaxNoteBytes {
		return fmt.Errorf("%w: the note is longer than %d bytes", ErrBadInput, MaxNoteBytes)
	}
	return nil
}

func normalizeTags(tags []string) ([]string, error) {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range tags {
		n, err := annotate.NormalizeTag(t)
		if err != nil {
			return nil, err
		}
		if !seen[strings.ToLower(n)] {
			seen[strings.ToLower(n)] = true
			out = append(out, n)
		}
	}
	return out, nil
}

// AddHighlight finds the quote in the article and stores the highlight
// there. A quote not in the article is an error wrapping ErrQuoteNotFound.
func (s *Service) AddHighlight(ctx context.Context, n NewHighlight) (store.HighlightRow, error) {
	color, err := ColorByName(n.Color)
	if err != nil {
		return store.HighlightRow{}, err
	}
	if strings.TrimSpace(n.Quote) == "" {
		return store.HighlightRow{}, fmt.Errorf("%w: the quote is empty", ErrBadInput)
	}
	if len(n.Quote) > MaxQuoteBytes {
		return store.HighlightRow{}, fmt.Errorf("%w: the quote is longer than %d bytes", ErrBadInput, MaxQuoteBytes)
	}
	if err := checkNote(n.Note); err != nil {
		return store.HighlightRow{}, err
	}
	tags, err := normalizeTags(n.Tags)
	if err != nil {
		return store.HighlightRow{}, err
	}
	art, err := s.st.Article(ctx, n.ArticleID)
	if err != nil {
		return store.HighlightRow{}, err
	}
	start, end, ok := findQuote(art.Body, n.Quote, n.Near)
	if !ok {
		return store.HighlightRow{}, fmt.Errorf("article %d: %w: %q", n.ArticleID, ErrQuoteNotFound, short(n.Quote))
	}
	author, err := s.st.UserName(ctx)
	if err != nil {
		return store.HighlightRow{}, err
	}
	sel := selectorAt(art.Body, start, end)
	id, err := s.st.CreateHighlight(ctx, store.Highlight{ArticleID: n.ArticleID, Quote: sel.Quote, Prefix: sel.Prefix,
		Suffix: sel.Suffix, Start: start, End: end, AnchoredHash: art.ContentHash, Color: color.Name,
		Note: strings.TrimSpace(n.Note), Tags: tags, Author: author})
	if err != nil {
		return store.HighlightRow{}, err
	}
	return s.st.Highlight(ctx, id)
}

func short(s string) string {
	const n = 80
	if len(s) <= n {
		return s
	}
	return firstRunes(s, n) + "…"
}

// UpdateHighlight replaces a highlight's colour, note and tags.
func (s *Service) UpdateHighlight(ctx context.Context, id int64, color, note string, tags []string) error {
	c, err := ColorByName(color)
	if err != nil {
		return err
	}
	if err := checkNote(note); err != nil {
		return err
	}
	t, err := normalizeTags(tags)
	if err != nil {
		return err
	}
	return s.st.UpdateHighlight(ctx, id, c.Name, strings.TrimSpace(note), t)
}

// RemoveHighlight deletes a highlight.
func (s *Service) RemoveHighlight(ctx context.Context, id int64) error {
	return s.st.DeleteHighlight(ctx, id)
}

// Filter selects highlights as a person gives it; conditions combine with
// AND.
type Filter struct {
	ArticleID int64  // 0 for every article
	Color     string // a colour's name or label
	Tag       string
	Source    string
	From, To  string // dates: YYYY, YYYY-MM or YYYY-MM-DD
	Entity    string // an entity id, or a name or alias
	IDs       []int64
}

// Highlights returns the highlights the filter selects, each anchored in
// its article's current text (see Anchor): one whose article changed since
// is found again or flagged orphaned, and the result is stored.
func (s *Service) Highlights(ctx context.Context, f Filter) ([]store.HighlightRow, error) {
	var sf store.HighlightFilter
	var err error
	if f.ArticleID != 0 {
		sf.ArticleIDs = []int64{f.ArticleID}
	}
	if len(f.IDs) > 0 {
		sf.ArticleIDs = append(sf.ArticleIDs, f.IDs...)
	}
	if strings.TrimSpace(f.Color) != "" {
		c, err := ColorByName(f.Color)
		if err != nil {
			return nil, err
		}
		sf.Color = c.Name
	}
	sf.Tag = strings.Join(strings.Fields(f.Tag), " ")
	sf.Source = strings.TrimSpace(f.Source)
	if sf.From, err = search.NormDate(f.From, false); err != nil {
		return nil, err
	}
	if sf.To, err = search.NormDate(f.To, true); err != nil {
		return nil, err
	}
	if e := strings.TrimSpace(f.Entity); e != "" {
		if sf.Entities, err = s.entityIDs(ctx, e); err != nil {
			return nil, err
		}
	}
	rows, err := s.st.Highlights(ctx, sf)
	if err != nil {
		return nil, err
	}
	return rows, s.reanchor(ctx, rows)
}

// reanchor anchors again the highlights whose article's text changed since
// they were last anchored, and stores where they are now.
func (s *Service) reanchor(ctx context.Context, rows []store.HighlightRow) error {
	bodies := map[int64]string{}
	for i := range rows {
		h := &rows[i]
		if h.AnchoredHash == h.ArticleHash {
			continue
		}
		body, ok := bodies[h.ArticleID]
		if !ok {
			art, err := s.st.Article(ctx, h.ArticleID)
			if err != nil {
				return fmt.Errorf("anchor highlight %d: %w", h.ID, err)
			}
			body, bodies[h.ArticleID] = art.Body, art.Body
		}
		start, end, found := Anchor(body, Selector{Quote: h.Quote, Prefix: h.Prefix, Suffix: h.Suffix, Start: h.Start, End: h.End})
		if found {
			h.Start, h.End = start, end
		}
		h.Orphaned, h.AnchoredHash = !found, h.ArticleHash
		if err := s.st.SetHighlightAnchor(ctx, h.ID, h.Start, h.End, h.AnchoredHash, h.Orphaned); err != nil {
			return err
		}
	}
	return nil
}

// ArticleHighlights returns an article's highlights in text order,
// anchored in its current text.
func (s *Service) ArticleHighlights(ctx context.Context, articleID int64) ([]store.HighlightRow, error) {
	return s.Highlights(ctx, Filter{ArticleID: articleID})
}
