package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/newsarchive/newsarchive/store/query"
)

// ExportScope selects the articles an export covers; the zero value is the
// whole archive. The conditions combine with AND.
type ExportScope struct {
	IDs        []int64     // only these articles
	Query      query.Query // full-text query; empty for none
	From, To   string      // ISO dates, inclusive ("" for no bound)
	Source     string      // exact source, ignoring case
	EntityID   int64       // articles mentioning this entity
	EntityName string      // articles mentioning an entity of this name or alias, ignoring case
	EntityType string      // with EntityName: of this type; alone: mentioning any entity of this type
	Tag        string      // articles carrying this tag
}

// where renders the scope as a condition on articles aliased a; "" when it
// selects every article.
func (sc ExportScope) where(s *Store) (string, []any) {
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds, args = append(conds, c), append(args, a...) }
	if len(sc.IDs) > 0 {
		add(`a.id`+s.d.idsIn(), jsonIDs(sc.IDs))
	}
	if !sc.Query.Empty() {
		pos, neg := ftsExpr(s.d, sc.Query)
		if pos != "" {
			add(`a.id IN (`+s.d.matching()+`)`, ftsAndNot(s.d, pos, neg))
		} else {
			add(`a.id NOT IN (`+s.d.matching()+`)`, neg)
		}
	}
	if sc.From != "" {
		add(`a.published != '' AND a.published >= ?`, sc.From)
	}
	if sc.To != "" {
		add(`a.published != '' AND substr(a.published, 1, 10) <= ?`, sc.To)
	}
	if sc.Source != "" {
		add(`a.source = ? COLLATE NOCASE`, sc.Source)
	}
	if sc.EntityID != 0 {
		add(`a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)`, sc.EntityID)
	}
	switch {
	case sc.EntityName != "":
		add(`a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id
			WHERE (e.name = ? COLLATE NOCASE OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE))
			AND (? = '' OR e.type = ?))`, sc.EntityName, sc.EntityName, sc.EntityType, sc.EntityType)
	case sc.EntityType != "":
		add(`a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.type = ?)`, sc.EntityType)
	}
	if sc.Tag != "" {
		add(`a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)`, sc.Tag)
	}
	return strings.Join(conds, " AND "), args
}

// inScope renders the scope as a condition on an article id column.
func (sc ExportScope) inScope(s *Store, col string) (string, []any) {
	cond, args := sc.where(s)
	if cond == "" {
		return "1 = 1", nil
	}
	return col + ` IN (SELECT a.id FROM articles a WHERE ` + cond + `)`, args
}

// ExportParts says what an export reads besides each article's columns.
type ExportParts struct {
	Original   bool // the original bytes
	Mentions   bool
	Tags       bool
	Note       bool
	Snapshots  bool // every fetched version, with its bytes
	Provenance bool // where it came from (provenance.go)
}

// TaggingState is where an article stands in entity tagging.
type TaggingState struct {
	State    string // pending, done or failed
	Model    string
	TaggedAt string // RFC 3339, "" when never tagged
	Error    string
}

// SnapshotData is a snapshot with its bytes.
type SnapshotData struct {
	Snapshot
	Data []byte
}

// ArticleRecord is an article with everything the archive knows about it,
// as exports read and merges write it.
type ArticleRecord struct {
	Article
	Original   *Original // nil when not read
	Mentions   []Mention // in text order
	Tags       []string
	Note       *Note // nil when none
	Snapshots  []SnapshotData
	Tagging    TaggingState
	Provenance []Provenance // oldest first
}

// exportBatch is how many articles are read between the queries for their
// mentions, tags, notes and snapshots.
const exportBatch = 128

// CountArticles returns the number of articles in a scope.
func (s *Store) CountArticles(ctx context.Context, sc ExportScope) (int, error) {
	cond, args := sc.inScope(s, "a.id")
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+cond, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles to export: %w", err)
	}
	return n, nil
}

// ExportArticles calls fn with every article of the scope in id order, as
// read: a batch of articles is in memory at a time, never the archive. All
// is read in one transaction, so the export is consistent while the archive
// is in use. The record passed to fn is reused after it returns.
func (s *Store) ExportArticles(ctx context.Context, sc ExportScope, parts ExportParts, fn func(*ArticleRecord) error) error {
	cond, args := sc.inScope(s, "a.id")
	orig := `NULL, NULL`
	join := ``
	if parts.Original {
		orig, join = `o.content_type, o.data`, ` LEFT JOIN originals o ON o.article_id = a.id`
	}
	// Batches are read by id (keyset), each query closed before the
	// batch's mentions, tags and notes are read: PostgreSQL connections
	// run one query at a time.
	q := `SELECT ` + prefixed(articleColumns, "a.") + `, coalesce(t.state, ''), coalesce(t.model, ''),
		coalesce(t.tagged_at, ''), coalesce(t.error, ''), ` + orig + ` FROM articles a
		LEFT JOIN tagging t ON t.article_id = a.id` + join + ` WHERE (` + cond + `) AND a.id > ? ORDER BY a.id LIMIT ?`
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		batch := make([]ArticleRecord, 0, exportBatch)
		var after int64
		for {
			batch = batch[:0]
			err := eachRow(ctx, tx, q, append(args[:len(args):len(args)], after, exportBatch), func(rows *sql.Rows) error {
				r, err := scanRecord(rows)
				batch = append(batch, r)
				return err
			})
			if err != nil || len(batch) == 0 {
				return err
			}
			if err := s.fillRecords(ctx, tx, batch, parts); err != nil {
				return err
			}
			for i := range batch {
				if err := fn(&batch[i]); err != nil {
					return err
				}
			}
			after = batch[len(batch)-1].ID
		}
	})
	if err != nil {
		return fmt.Errorf("export articles: %w", err)
	}
	return nil
}

// prefixed puts a table alias before every column of a column list.
func prefixed(cols, alias string) string {
	fields := strings.Split(cols, ",")
	for i, f := range fields {
		fields[i] = alias + strings.TrimSpace(f)
	}
	return strings.Join(fields, ", ")
}

func scanRecord(rows *sql.Rows) (ArticleRecord, error) {
	var r ArticleRecord
	var imported string
	var ctype sql.NullString
	var data []byte
	a := &r.Article
	err := rows.Scan(&a.ID, &a.Title, &a.Headline, &a.Published, &a.PublishedText, &a.Byline, &a.Source, &a.URL,
		&a.Language, &a.Body, &a.SummaryOnly, &a.ContentHash, &a.Origin, &imported,
		&r.Tagging.State, &r.Tagging.Model, &r.Tagging.TaggedAt, &r.Tagging.Error, &ctype, &data)
	if err != nil {
		return r, err
	}
	if a.ImportedAt, err = time.Parse(time.RFC3339Nano, imported); err != nil {
		return r, fmt.Errorf("article %d: bad import time %q: %w", a.ID, imported, err)
	}
	if ctype.Valid {
		if data == nil {
			data = []byte{}
		}
		r.Original = &Original{ContentType: ctype.String, Data: data}
	}
	return r, nil
}

// fillRecords reads the mentions, tags, notes and snapshots of a batch.
func (s *Store) fillRecords(ctx context.Context, tx *sql.Tx, batch []ArticleRecord, parts ExportParts) error {
	if len(batch) == 0 {
		return nil
	}
	idx := make(map[int64]*ArticleRecord, len(batch))
	ids := make([]int64, len(batch))
	for i := range batch {
		idx[batch[i].ID], ids[i] = &batch[i], batch[i].ID
	}
	js := jsonIDs(ids)
	in := s.d.idsIn()
	type part struct {
		want bool
		q    string
		scan func(rows *sql.Rows) error
	}
	var id int64
	list := []part{
		{parts.Mentions, `SELECT m.article_id, m.id, m.entity_id, m.start, m.end, m.text, e.name, e.type FROM mentions m
			JOIN entities e ON e.id = m.entity_id WHERE m.article_id` + in + ` ORDER BY m.article_id, m.start, m.end, e.name, e.type`,
			func(rows *sql.Rows) error {
				var m Mention
				err := rows.Scan(&m.ArticleID, &m.ID, &m.EntityID, &m.Start, &m.End, &m.Text, &m.Name, &m.Type)
				idx[m.ArticleID].Mentions = append(idx[m.ArticleID].Mentions, m)
				return err
			}},
		{parts.Tags, `SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
			WHERE at.article_id` + in + ` ORDER BY at.article_id, t.name COLLATE NOCASE`,
			func(rows *sql.Rows) error {
				var name string
				err := rows.Scan(&id, &name)
				idx[id].Tags = append(idx[id].Tags, name)
				return err
			}},
		{parts.Note, `SELECT article_id, text, updated_at FROM notes WHERE article_id` + in,
			func(rows *sql.Rows) error {
				n := &Note{}
				var at string
				if err := rows.Scan(&n.ArticleID, &n.Text, &at); err != nil {
					return err
				}
				n.UpdatedAt, _ = time.Parse(time.RFC3339Nano, at)
				idx[n.ArticleID].Note = n
				return nil
			}},
		{parts.Snapshots, `SELECT id, article_id, url, title, fetched_at, content_hash, content_type, data
			FROM snapshots WHERE article_id` + in + ` ORDER BY article_id, id`,
			func(rows *sql.Rows) error {
				var sn SnapshotData
				var at string
				if err := rows.Scan(&sn.ID, &sn.ArticleID, &sn.URL, &sn.Title, &at, &sn.ContentHash, &sn.ContentType, &sn.Data); err != nil {
					return err
				}
				sn.FetchedAt, _ = time.Parse(time.RFC3339Nano, at)
				r := idx[sn.ArticleID]
				sn.Version, sn.Size = len(r.Snapshots)+1, len(sn.Data)
				r.Snapshots = append(r.Snapshots, sn)
				return nil
			}},
		{parts.Provenance, `SELECT article_id, kind, source, url, record_id, payload_digest, captured_at, added_at
			FROM provenance WHERE article_id` + in + ` ORDER BY article_id, id`,
			func(rows *sql.Rows) error {
				p, err := scanProvenanceRow(rows)
				if err != nil {
					return err
				}
				idx[p.ArticleID].Provenance = append(idx[p.ArticleID].Provenance, p)
				return nil
			}},
	}
	for _, p := range list {
		if !p.want {
			continue
		}
		if err := eachRow(ctx, tx, p.q, []any{string(js)}, p.scan); err != nil {
			return err
		}
	}
	return nil
}

// ExportMentions calls fn with every mention in the scope's articles, by
// article and position. Mention.ID is not set.
func (s *Store) ExportMentions(ctx context.Context, sc ExportScope, fn func(Mention) error) error {
	cond, args := sc.inScope(s, "m.article_id")
	err := eachRow(ctx, s.r, `SELECT m.article_id, m.entity_id, m.start, m.end, m.text, e.name, e.type
		FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE `+cond+` ORDER BY m.article_id, m.start, m.end`, args,
		func(rows *sql.Rows) error {
			var m Mention
			if err := rows.Scan(&m.ArticleID, &m.EntityID, &m.Start, &m.End, &m.Text, &m.Name, &m.Type); err != nil {
				return err
			}
			return fn(m)
		})
	if err != nil {
		return fmt.Errorf("export mentions: %w", err)
	}
	return nil
}

// CooccurrenceEdge is a pair of entities mentioned in the same articles.
type CooccurrenceEdge struct {
	Source, Target      int64  // entity ids, Source < Target
	Articles            int    // articles mentioning both
	FirstDate, LastDate string // earliest and latest publication dates of those articles ("" when undated)
}

// ExportGraph reads the entity co-occurrence network of the scope in one
// transaction: node is called with every entity mentioned (Articles and
// Mentions counted in the scope, aliases in name order), most mentioned
// first, then edge with every pair mentioned together, heaviest first.
// Either may be nil to skip its part.
func (s *Store) ExportGraph(ctx context.Context, sc ExportScope, node func(Entity) error, edge func(CooccurrenceEdge) error) error {
	cond, args := sc.inScope(s, "m.article_id")
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		if node != nil {
			err := eachRow(ctx, tx, `SELECT e.id, e.name, e.type, e.confirmed, c.articles, c.mentions,
				`+s.d.aliasList()+`
				FROM (SELECT m.entity_id AS eid, count(DISTINCT m.article_id) AS articles, count(*) AS mentions
					FROM mentions m WHERE `+cond+` GROUP BY m.entity_id) c
				JOIN entities e ON e.id = c.eid ORDER BY c.articles DESC, e.name, e.id`, args,
				func(rows *sql.Rows) error {
					var e Entity
					var aliases string
					if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Confirmed, &e.Articles, &e.Mentions, &aliases); err != nil {
						return err
					}
					if aliases != "" {
						e.Aliases = strings.Split(aliases, aliasSep)
					}
					return node(e)
				})
			if err != nil {
				return err
			}
		}
		if edge == nil {
			return nil
		}
		return eachRow(ctx, tx, `WITH am AS (SELECT DISTINCT m.article_id, m.entity_id FROM mentions m WHERE `+cond+`)
			SELECT x.entity_id, y.entity_id, count(*), coalesce(min(nullif(substr(a.published, 1, 10), '')), ''),
				coalesce(max(nullif(substr(a.published, 1, 10), '')), '')
			FROM am x JOIN am y ON y.article_id = x.article_id AND y.entity_id > x.entity_id
			JOIN articles a ON a.id = x.article_id
			GROUP BY x.entity_id, y.entity_id ORDER BY count(*) DESC, x.entity_id, y.entity_id`, args,
			func(rows *sql.Rows) error {
				var c CooccurrenceEdge
				if err := rows.Scan(&c.Source, &c.Target, &c.Articles, &c.FirstDate, &c.LastDate); err != nil {
					return err
				}
				return edge(c)
			})
	})
	if err != nil {
		return fmt.Errorf("export entity network: %w", err)
	}
	return nil
}

// PortableCorrection is a correction as it travels between archives: the
// article it is limited to is named by its content hash, not its id.
type PortableCorrection struct {
	Correction
	ArticleHash string // "" when the rule applies everywhere
}

// ExportCorrections calls fn with every correction, oldest first.
func (s *Store) ExportCorrections(ctx context.Context, fn func(PortableCorrection) error) error {
	err := eachRow(ctx, s.r, `SELECT c.id, c.kind, c.name, c.type, c.target, c.target_type, coalesce(c.article_id, 0),
		coalesce(a.content_hash, ''), c.created_at FROM corrections c LEFT JOIN articles a ON a.id = c.article_id ORDER BY c.id`, nil,
		func(rows *sql.Rows) error {
			var c PortableCorrection
			var at string
			if err := rows.Scan(&c.ID, &c.Kind, &c.Name, &c.Type, &c.Target, &c.TargetType, &c.ArticleID, &c.ArticleHash, &at); err != nil {
				return err
			}
			c.CreatedAt, _ = time.Parse(time.RFC3339, at)
			return fn(c)
		})
	if err != nil {
		return fmt.Errorf("export corrections: %w", err)
	}
	return nil
}

// ExportEntities calls fn with the entities a merge needs to carry the
// user's work: those mentioned in the scope and those a user confirmed,
// each with its aliases and confirmed flag, by type and name.
func (s *Store) ExportEntities(ctx context.Context, sc ExportScope, fn func(Entity) error) error {
	cond, args := sc.inScope(s, "m.article_id")
	err := eachRow(ctx, s.r, `SELECT e.id, e.name, e.type, e.confirmed,
		`+s.d.aliasList()+`
		FROM entities e WHERE e.confirmed = 1 OR e.id IN (SELECT m.entity_id FROM mentions m WHERE `+cond+`)
		ORDER BY e.type, e.name`, args,
		func(rows *sql.Rows) error {
			var e Entity
			var aliases string
			if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Confirmed, &aliases); err != nil {
				return err
			}
			if aliases != "" {
				e.Aliases = strings.Split(aliases, aliasSep)
			}
			return fn(e)
		})
	if err != nil {
		return fmt.Errorf("export entities: %w", err)
	}
	return nil
}
