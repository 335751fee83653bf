package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/app/safetext"
	"github.com/newsarchive/newsarchive/store"
)

// CSV columns of each table, documented in docs/exports.md.
var (
	ArticleColumns = []string{"id", "title", "headline", "published", "published_text", "byline", "source", "url",
		"language", "summary_only", "words", "people", "organisations", "places", "misc", "tags", "note",
		"content_hash", "origin", "imported_at", "body", "provenance"}
	EntityColumns       = []string{"entity_id", "name", "type", "articles", "mentions", "confirmed", "aliases"}
	MentionColumns      = []string{"article_id", "entity_id", "name", "type", "start", "end", "text"}
	CooccurrenceColumns = []string{"source_id", "source_name", "source_type", "target_id", "target_name", "target_type",
		"articles", "first_date", "last_date"}
)

// listSep joins the values of a list cell.
const listSep = "; "

func (a *Exporter) writeCSV(ctx context.Context, w io.Writer, sc store.ExportScope, table string, p *progress) error {
	cw := csv.NewWriter(w)
	var err error
	switch table {
	case "", TableArticles:
		err = a.csvArticles(ctx, cw, sc, p)
	case TableEntities:
		err = a.csvEntities(ctx, cw, sc, p)
	case TableMentions:
		err = a.csvMentions(ctx, cw, sc, p)
	case TableCooccurrence:
		err = a.csvCooccurrence(ctx, cw, sc, p)
	case TableHighlights:
		err = a.csvHighlights(ctx, cw, sc, p)
	default:
		return fmt.Errorf("%w: unknown table %q (articles, entities, mentions, cooccurrence or highlights)", ErrBadOptions, table)
	}
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func (a *Exporter) csvArticles(ctx context.Context, cw *csv.Writer, sc store.ExportScope, p *progress) error {
	if err := cw.Write(ArticleColumns); err != nil {
		return err
	}
	parts := store.ExportParts{Mentions: true, Tags: true, Note: true, Provenance: true}
	row := make([]string, len(ArticleColumns))
	return a.st.ExportArticles(ctx, sc, parts, func(r *store.ArticleRecord) error {
		byType := entityNamesByType(r.Mentions)
		note := ""
		if r.Note != nil {
			note = r.Note.Text
		}
		at := r.Article
		row = append(row[:0], strconv.FormatInt(at.ID, 10), at.Title, at.Headline, at.Published, at.PublishedText,
			at.Byline, at.Source, at.URL, at.Language, strconv.FormatBool(at.SummaryOnly),
			strconv.Itoa(len(strings.Fields(at.Body))), byType[store.TypePerson], byType[store.TypeOrg],
			byType[store.TypePlace], byType["MISC"], strings.Join(r.Tags, listSep), note, at.ContentHash, at.Origin,
			at.ImportedAt.UTC().Format(time.RFC3339), at.Body, provenanceCell(r.Provenance))
		p.article()
		return cw.Write(safetext.CSVRecord(row))
	})
}

// entityNamesByType lists the entities of an article's mentions, each once
// in order of first mention, joined per type.
func entityNamesByType(ms []store.Mention) map[string]string {
	seen := map[[2]string]bool{}
	lists := map[string][]string{}
	for _, m := range ms {
		k := [2]string{m.Name, m.Type}
		if !seen[k] {
			seen[k] = true
			lists[m.Type] = append(lists[m.Type], m.Name)
		}
	}
	out := make(map[string]string, len(lists))
	for t, l := range lists {
		out[t] = strings.Join(l, listSep)
	}
	return out
}

func (a *Exporter) csvEntities(ctx context.Context, cw *csv.Writer, sc store.ExportScope, p *progress) error {
	if err := cw.Write(EntityColumns); err != nil {
		return err
	}
	return a.st.ExportGraph(ctx, sc, func(e store.Entity) error {
		p.article()
		return cw.Write(safetext.CSVRecord([]string{strconv.FormatInt(e.ID, 10), e.Name, e.Type, strconv.Itoa(e.Articles),
			strconv.Itoa(e.Mentions), strconv.FormatBool(e.Confirmed), strings.Join(e.Aliases, listSep)}))
	}, nil)
}

func (a *Exporter) csvMentions(ctx context.Context, cw *csv.Writer, sc store.ExportScope, p *progress) error {
	if err := cw.Write(MentionColumns); err != nil {
		return err
	}
	return a.st.ExportMentions(ctx, sc, func(m store.Mention) error {
		p.article()
		return cw.Write(safetext.CSVRecord([]string{strconv.FormatInt(m.ArticleID, 10), strconv.FormatInt(m.EntityID, 10), m.Name, m.Type,
			strconv.Itoa(m.Start), strconv.Itoa(m.End), m.Text}))
	})
}

func (a *Exporter) csvCooccurrence(ctx context.Context, cw *csv.Writer, sc store.ExportScope, p *progress) error {
	if err := cw.Write(CooccurrenceColumns); err != nil {
		return err
	}
	// Edges name their entities: the nodes are kept (one small entry per
	// entity, never per article).
	names := map[int64][2]string{}
	return a.st.ExportGraph(ctx, sc, func(e store.Entity) error {
		names[e.ID] = [2]string{e.Name, e.Type}
		return nil
	}, func(c store.CooccurrenceEdge) error {
		s, t := names[c.Source], names[c.Target]
		p.article()
		return cw.Write(safetext.CSVRecord([]string{strconv.FormatInt(c.Source, 10), s[0], s[1], strconv.FormatInt(c.Target, 10), t[0], t[1],
			strconv.Itoa(c.Articles), c.FirstDate, c.LastDate}))
	})
}

// provenanceCell lists where an article came from, one source a line.
func provenanceCell(ps []store.Provenance) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
