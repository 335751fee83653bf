package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// The research workbench in the exports: a collection as a scope,
// highlights in Markdown, JSONL and CSV, and as W3C Web Annotations.

// FormatAnnotations is the highlights as W3C Web Annotation JSON-LD: one
// AnnotationCollection whose page holds an Annotation per highlight.
const FormatAnnotations Format = "annotations"

// TableHighlights is the CSV table of highlights.
const TableHighlights = "highlights"

// HighlightColumns are the columns of the highlights table.
var HighlightColumns = []string{"highlight_id", "article_id", "title", "source", "published", "color", "quote",
	"prefix", "suffix", "start", "end", "orphaned", "note", "tags", "author", "created_at", "updated_at"}

// JSONL record kinds of the workbench.
const (
	recHighlight  = "highlight"
	recCollection = "collection"
	recWatch      = "watch"
)

type jsonlHighlight struct {
	Quote        string    `json:"quote"`
	Prefix       string    `json:"prefix,omitempty"`
	Suffix       string    `json:"suffix,omitempty"`
	Start        int       `json:"start"` // byte offsets into the article's body
	End          int       `json:"end"`
	AnchoredHash string    `json:"anchored_hash,omitempty"`
	Orphaned     bool      `json:"orphaned,omitempty"`
	Color        string    `json:"color"`
	Note         string    `json:"note,omitempty"`
	Tags         []string  `json:"tags,omitempty"`
	Author       string    `json:"author,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

type jsonlCollection struct {
	Description   string        `json:"description,omitempty"`
	CreatedAt     time.Time     `json:"created_at"`
	SearchQuery   string        `json:"search_query,omitempty"`
	SearchFilters string        `json:"search_filters,omitempty"`
	SearchAt      *time.Time    `json:"search_at,omitempty"`
	Members       []jsonlMember `json:"members"`
}

// jsonlWatch is a saved search; which articles are new is this archive's
// own matter, so it travels without it.
type jsonlWatch struct {
	Query     string    `json:"query"`
	Filters   string    `json:"filters,omitempty"` // JSON, as the workbench wrote them
	CreatedAt time.Time `json:"created_at"`
}

type jsonlMember struct {
	ArticleHash string    `json:"article_hash"`
	AddedAt     time.Time `json:"added_at"`
}

// collectionIDs returns the ids of a collection's articles, kept to ids
// when that is not empty. A collection with none is an error: an empty id
// list would mean the whole archive.
func (a *Exporter) collectionIDs(ctx context.Context, name string, ids []int64) ([]int64, error) {
	c, err := a.st.CollectionByName(ctx, strings.Join(strings.Fields(name), " "))
	if err != nil {
		return nil, err
	}
	ms, err := a.st.CollectionMembers(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []int64
	for _, m := range ms {
		if len(ids) == 0 || want[m.ID] {
			out = append(out, m.ID)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: the collection %q has no articles to export", ErrBadOptions, c.Name)
	}
	return out, nil
}

// highlights calls f with the highlights on the scope's articles, each
// anchored in its article's current text (as the workbench shows it: an
// article changed since gets its highlights found again or orphaned).
func (a *Exporter) highlights(ctx context.Context, sc store.ExportScope, f func(store.HighlightRow) error) error {
	var body store.Article
	return a.st.ExportHighlights(ctx, sc, func(h store.HighlightRow) error {
		if h.AnchoredHash != h.ArticleHash {
			if body.ID != h.ArticleID {
				var err error
				if body, err = a.st.Article(ctx, h.ArticleID); err != nil {
					return err
				}
			}
			start, end, ok := workbench.Anchor(body.Body, workbench.Selector{Quote: h.Quote, Prefix: h.Prefix,
				Suffix: h.Suffix, Start: h.Start, End: h.End})
			if ok {
				h.Start, h.End = start, end
			}
			h.Orphaned, h.AnchoredHash = !ok, h.ArticleHash
		}
		return f(h)
	})
}

// writeWorkbenchJSONL writes the highlights on the scope's articles, the
// collections with their members in the scope and, when the scope is the
// whole archive, the watches.
func (a *Exporter) writeWorkbenchJSONL(ctx context.Context, enc *json.Encoder, sc store.ExportScope) error {
	err := a.highlights(ctx, sc, func(h store.HighlightRow) error {
		return enc.Encode(jsonlRecord{Kind: recHighlight, ArticleHash: h.ArticleHash, Highlight: &jsonlHighlight{
			Quote: h.Quote, Prefix: h.Prefix, Suffix: h.Suffix, Start: h.Start, End: h.End, AnchoredHash: h.AnchoredHash,
			Orphaned: h.Orphaned, Color: h.Color, Note: h.Note, Tags: h.Tags, Author: h.Author,
			CreatedAt: h.CreatedAt.UTC(), UpdatedAt: h.UpdatedAt.UTC()}})
	})
	if err != nil {
		return err
	}
	err = a.st.ExportCollections(ctx, sc, func(c store.Collection, ms []store.CollectionMember) error {
		jc := &jsonlCollection{Description: c.Description, CreatedAt: c.CreatedAt.UTC(), SearchQuery: c.SearchQuery,
			SearchFilters: c.SearchFilters, Members: []jsonlMember{}}
		if !c.SearchAt.IsZero() {
			t := c.SearchAt.UTC()
			jc.SearchAt = &t
		}
		for _, m := range ms {
			jc.Members = append(jc.Members, jsonlMember{ArticleHash: m.ContentHash, AddedAt: m.AddedAt.UTC()})
		}
		return enc.Encode(jsonlRecord{Kind: recCollection, Name: c.Name, Collection: jc})
	})
	if err != nil || !wholeArchive(sc) {
		return err
	}
	ws, err := a.st.Watches(ctx)
	if err != nil {
		return err
	}
	for _, w := range ws {
		if err := enc.Encode(jsonlRecord{Kind: recWatch, Name: w.Name,
			Watch: &jsonlWatch{Query: w.Query, Filters: w.Filters, CreatedAt: w.CreatedAt.UTC()}}); err != nil {
			return err
		}
	}
	return nil
}

// wholeArchive reports whether the scope selects every article.
func wholeArchive(sc store.ExportScope) bool {
	return len(sc.IDs) == 0 && sc.Query.Empty() && sc.From == "" && sc.To == "" && sc.Source == "" &&
		sc.EntityID == 0 && sc.EntityName == "" && sc.EntityType == "" && sc.Tag == ""
}

// watchRecord checks a watch record and cleans its text.
func watchRecord(rec *jsonlRecord) (store.Watch, error) {
	name := safetext.Line(rec.Name)
	if rec.Watch == nil {
		return store.Watch{}, fmt.Errorf("watch %q: no query", name)
	}
	w := store.Watch{Name: name, Query: safetext.Line(rec.Watch.Query), Filters: safetext.Body(rec.Watch.Filters),
		CreatedAt: rec.Watch.CreatedAt}
	if w.Name == "" || w.Query == "" || (w.Filters != "" && !json.Valid([]byte(w.Filters))) {
		return store.Watch{}, fmt.Errorf("watch %q: no name, no query, or filters that are not JSON", name)
	}
	return w, nil
}

// mergeWatch adds a watch this archive lacks (by name); the articles it
// holds when the merge ends are not new to it. A watch of the same name
// here (in any case: the store's name check) is left as it is.
func (m *merger) mergeWatch(ctx context.Context, rec *jsonlRecord) error {
	w, err := watchRecord(rec)
	if err != nil {
		return err
	}
	if w.SeenMaxID, err = m.a.st.MaxArticleID(ctx); err != nil {
		return err
	}
	if _, err := m.a.st.CreateWatch(ctx, w); errors.Is(err, store.ErrNameTaken) {
		m.rep.WorkbenchSkipped++
		return nil
	} else if err != nil {
		return err
	}
	m.rep.Watches++
	return nil
}

// mergeWorkbench merges a highlight or collection record. A highlight on
// an article this archive lacks is dropped; one it has already (same
// quote, place, author and time) is not added twice. A collection is made
// when missing and gets the members this archive has.
func (m *merger) mergeWorkbench(ctx context.Context, rec *jsonlRecord) error {
	st := m.a.st
	switch {
	case rec.Kind == recHighlight && rec.Highlight != nil:
		h := rec.Highlight
		art, err := st.ArticleByHash(ctx, rec.ArticleHash)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if m.keepLocal(art.ID) {
			m.rep.WorkbenchSkipped++
			return nil
		}
		have, err := st.Highlights(ctx, store.HighlightFilter{ArticleIDs: []int64{art.ID}})
		if err != nil {
			return err
		}
		for _, o := range have {
			if o.Quote == h.Quote && o.Start == h.Start && o.Author == h.Author && o.CreatedAt.Equal(h.CreatedAt) {
				return nil
			}
		}
		if h.End < h.Start || h.Quote == "" {
			return fmt.Errorf("highlight on article %q: bad offsets or no quote", art.Title)
		}
		_, err = st.CreateHighlight(ctx, store.Highlight{ArticleID: art.ID, Quote: h.Quote, Prefix: h.Prefix,
			Suffix: h.Suffix, Start: h.Start, End: h.End, AnchoredHash: safetext.Line(h.AnchoredHash), Orphaned: h.Orphaned,
			Color: safetext.Line(h.Color), Note: safetext.Body(h.Note), Tags: cleanTags(h.Tags),
			Author: safetext.Line(h.Author), CreatedAt: h.CreatedAt, UpdatedAt: h.UpdatedAt})
		if err != nil {
			return err
		}
		m.rep.Highlights++
	case rec.Kind == recCollection && rec.Collection != nil && safetext.Line(rec.Name) != "":
		jc, name := rec.Collection, safetext.Line(rec.Name)
		c, err := st.CollectionByName(ctx, name)
		if errors.Is(err, store.ErrNotFound) {
			nc := store.Collection{Name: name, Description: safetext.Body(jc.Description), CreatedAt: jc.CreatedAt,
				SearchQuery: safetext.Line(jc.SearchQuery), SearchFilters: safetext.Body(jc.SearchFilters)}
			if jc.SearchAt != nil {
				nc.SearchAt = *jc.SearchAt
			}
			c.ID, err = st.CreateCollection(ctx, nc)
		} else if err == nil && m.keepLocal(0) {
			m.rep.WorkbenchSkipped++ // a collection this archive has: left as it is
			return nil
		}
		if err != nil {
			return err
		}
		for _, mem := range jc.Members {
			art, err := st.ArticleByHash(ctx, mem.ArticleHash)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			if _, err := st.AddToCollection(ctx, c.ID, []int64{art.ID}, mem.AddedAt); err != nil {
				return err
			}
		}
		m.rep.Collections++
	}
	return nil
}

// keepLocal reports whether the merge must leave alone what this archive
// held before it (see MergeOptions.ApplyCorrections): article id 0 stands for
// any local data, such as a collection already here.
func (m *merger) keepLocal(articleID int64) bool {
	if m.opt.ApplyCorrections || m.empty {
		return false
	}
	return articleID == 0 || articleID <= m.pol.OldArticles
}

// highlightsByArticle reads the highlights on the scope's articles.
func (a *Exporter) highlightsByArticle(ctx context.Context, sc store.ExportScope) (map[int64][]store.HighlightRow, error) {
	out := map[int64][]store.HighlightRow{}
	err := a.highlights(ctx, sc, func(h store.HighlightRow) error {
		out[h.ArticleID] = append(out[h.ArticleID], h)
		return nil
	})
	return out, err
}

// highlightsMarkdown renders an article's highlights as a Markdown
// section: each quote as a block quote with its colour, tags and note.
func highlightsMarkdown(hs []store.HighlightRow) []byte {
	if len(hs) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("\n## Highlights\n")
	for _, h := range hs {
		b.WriteString("\n> ")
		b.WriteString(strings.Join(strings.Fields(h.Quote), " "))
		b.WriteString("\n\n")
		fmt.Fprintf(&b, "*%s*", h.Color)
		if h.Orphaned {
			b.WriteString(" (no longer found in the text)")
		}
		for _, t := range h.Tags {
			b.WriteString(" #" + strings.ReplaceAll(t, " ", "-"))
		}
		if h.Author != "" {
			b.WriteString(" — " + h.Author)
		}
		b.WriteString("\n")
		if h.Note != "" {
			b.WriteString("\n" + strings.TrimSpace(h.Note) + "\n")
		}
	}
	return []byte(b.String())
}

func (a *Exporter) csvHighlights(ctx context.Context, cw *csv.Writer, sc store.ExportScope, p *progress) error {
	if err := cw.Write(HighlightColumns); err != nil {
		return err
	}
	return a.highlights(ctx, sc, func(h store.HighlightRow) error {
		p.article()
		return cw.Write([]string{strconv.FormatInt(h.ID, 10), strconv.FormatInt(h.ArticleID, 10), h.Title, h.Source,
			h.Published, h.Color, h.Quote, h.Prefix, h.Suffix, strconv.Itoa(h.Start), strconv.Itoa(h.End),
			strconv.FormatBool(h.Orphaned), h.Note, strings.Join(h.Tags, listSep), h.Author,
			h.CreatedAt.UTC().Format(time.RFC3339), h.UpdatedAt.UTC().Format(time.RFC3339)})
	})
}

// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/).
type (
	waCollection struct {
		Context string `json:"@context"`
		ID      string `json:"id"`
		Type    string `json:"type"`
		Label   string `json:"label"`
		Total   int    `json:"total"`
		First   waPage `json:"first"`
	}
	waPage struct {
		ID    string         `json:"id"`
		Type  string         `json:"type"`
		Items []waAnnotation `json:"items"`
	}
	waAnnotation struct {
		ID         string   `json:"id"`
		Type       string   `json:"type"`
		Motivation string   `json:"motivation"`
		Created    string   `json:"created"`
		Modified   string   `json:"modified"`
		Creator    *waAgent `json:"creator,omitempty"`
		Body       []waBody `json:"body,omitempty"`
		Target     waTarget `json:"target"`
	}
	waAgent struct {
		Type string `json:"type"`
		Name string `json:"name"`
	}
	waBody struct {
		Type    string `json:"type"`
		Value   string `json:"value"`
		Purpose string `json:"purpose"`
		Format  string `json:"format,omitempty"`
	}
	waTarget struct {
		Source   string       `json:"source"`
		Selector []waSelector `json:"selector"`
	}
	waSelector struct {
		Type   string `json:"type"`
		Exact  string `json:"exact,omitempty"`
		Prefix string `json:"prefix,omitempty"`
		Suffix string `json:"suffix,omitempty"`
		Start  *int   `json:"start,omitempty"`
		End    *int   `json:"end,omitempty"`
	}
)

// writeAnnotations writes the scope's highlights as W3C Web Annotations.
// A target's source is the article's URL, or urn:newsarchive:article:HASH
// when it has none; TextPositionSelector counts characters (code points)
// as the model says, and is left out of an orphaned highlight.
func (a *Exporter) writeAnnotations(ctx context.Context, w io.Writer, sc store.ExportScope, p *progress) error {
	bodies := map[int64]store.Article{}
	var items []waAnnotation
	err := a.highlights(ctx, sc, func(h store.HighlightRow) error {
		art, ok := bodies[h.ArticleID]
		if !ok {
			var err error
			if art, err = a.st.Article(ctx, h.ArticleID); err != nil {
				return err
			}
			bodies = map[int64]store.Article{h.ArticleID: art} // one article at a time: they come in order
		}
		items = append(items, annotationOf(h, art))
		p.article()
		return nil
	})
	if err != nil {
		return err
	}
	if items == nil {
		items = []waAnnotation{}
	}
	out := waCollection{Context: "http://www.w3.org/ns/anno.jsonld", ID: "urn:newsarchive:annotations",
		Type: "AnnotationCollection", Label: "News Archive highlights", Total: len(items),
		First: waPage{ID: "urn:newsarchive:annotations:page1", Type: "AnnotationPage", Items: items}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func annotationOf(h store.HighlightRow, art store.Article) waAnnotation {
	an := waAnnotation{ID: "urn:newsarchive:highlight:" + strconv.FormatInt(h.ID, 10), Type: "Annotation",
		Motivation: "highlighting", Created: h.CreatedAt.UTC().Format(time.RFC3339),
		Modified: h.UpdatedAt.UTC().Format(time.RFC3339)}
	if h.Author != "" {
		an.Creator = &waAgent{Type: "Person", Name: h.Author}
	}
	an.Body = append(an.Body, waBody{Type: "TextualBody", Value: h.Color, Purpose: "classifying"})
	if h.Note != "" {
		an.Motivation = "commenting"
		an.Body = append(an.Body, waBody{Type: "TextualBody", Value: h.Note, Purpose: "commenting", Format: "text/plain"})
	}
	for _, t := range h.Tags {
		an.Body = append(an.Body, waBody{Type: "TextualBody", Value: t, Purpose: "tagging"})
	}
	src := art.URL
	if src == "" {
		src = "urn:newsarchive:article:" + art.ContentHash
	}
	an.Target = waTarget{Source: src, Selector: []waSelector{{Type: "TextQuoteSelector", Exact: h.Quote, Prefix: h.Prefix, Suffix: h.Suffix}}}
	if !h.Orphaned && h.Start >= 0 && h.End <= len(art.Body) && h.Start <= h.End && art.Body[h.Start:h.End] == h.Quote {
		start := utf8.RuneCountInString(art.Body[:h.Start])
		end := start + utf8.RuneCountInString(h.Quote)
		an.Target.Selector = append(an.Target.Selector, waSelector{Type: "TextPositionSelector", Start: &start, End: &end})
	}
	return an
}
