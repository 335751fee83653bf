package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// The mentions table: where each entity is named in an article's body, and
// what is read from it about an entity (co-occurrences, timeline, contexts).

// Mention is one place an entity is named in an article's body.
type Mention struct {
	ID        int64
	ArticleID int64
	EntityID  int64
	Start     int // byte offsets into the article's body, End exclusive
	End       int
	Text      string
	Name      string // the entity's name and type
	Type      string
	// Cue is, when saving tagged mentions (SaveTagged), the type the
	// article's context gives the name (ner.Entity.Cue), "" for none:
	// evidence for the archive's resolution (NameEvidence.Cues). Reads
	// leave it empty.
	Cue string
}

// ArticleMentions returns an article's mentions in text order.
func (s *Store) ArticleMentions(ctx context.Context, articleID int64) ([]Mention, error) {
	return s.mentionsWhere(ctx, `m.article_id = ?`, articleID)
}

func (s *Store) mentionsWhere(ctx context.Context, cond string, args ...any) ([]Mention, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT m.id, m.article_id, m.entity_id, m.start, m.end, m.text, e.name, e.type
		FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE `+cond+` ORDER BY m.article_id, m.start`, args...)
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	defer rows.Close()
	var out []Mention
	for rows.Next() {
		var m Mention
		if err := rows.Scan(&m.ID, &m.ArticleID, &m.EntityID, &m.Start, &m.End, &m.Text, &m.Name, &m.Type); err != nil {
			return nil, fmt.Errorf("mentions: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	return out, nil
}

func entityIDsOf(ctx context.Context, tx *sql.Tx, articleID int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT entity_id FROM mentions WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, fmt.Errorf("entities of article %d: %w", articleID, err)
	}
	return scanIDs(rows, fmt.Sprintf("entities of article %d", articleID))
}

// Cooccurrence is an entity mentioned in the same articles as another.
type Cooccurrence struct {
	Entity   Entity
	Articles int // articles mentioning both
}

// MonthCount is the number of articles of one month (YYYY-MM).
type MonthCount struct {
	Month    string
	Articles int
}

// EntityArticle is an article mentioning an entity, with the sentences
// around each mention.
type EntityArticle struct {
	ArticleListing
	Contexts []string
}

// Cooccurring returns the entities mentioned in the most articles together
// with entity id.
func (s *Store) Cooccurring(ctx context.Context, id int64, limit int) ([]Cooccurrence, error) {
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+entityColumns+`, c.n FROM (
			SELECT m2.entity_id AS eid, count(DISTINCT m2.article_id) AS n
			FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id != m1.entity_id
			WHERE m1.entity_id = ? GROUP BY m2.entity_id) c
		JOIN entities e ON e.id = c.eid ORDER BY c.n DESC, e.articles DESC LIMIT ?`, id, sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("co-occurring entities of %d: %w", id, err)
	}
	defer rows.Close()
	var out []Cooccurrence
	for rows.Next() {
		var c Cooccurrence
		if err := rows.Scan(&c.Entity.ID, &c.Entity.Name, &c.Entity.Type, &c.Entity.Articles, &c.Entity.Mentions,
			&c.Entity.Confirmed, &c.Articles); err != nil {
			return nil, fmt.Errorf("co-occurring entities of %d: %w", id, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("co-occurring entities of %d: %w", id, err)
	}
	return out, nil
}

// EntityTimeline counts the dated articles mentioning an entity per month.
func (s *Store) EntityTimeline(ctx context.Context, id int64) ([]MonthCount, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT substr(a.published, 1, 7) AS month, count(*) FROM articles a
		WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?) AND length(a.published) >= 7
		GROUP BY month ORDER BY month`, id)
	if err != nil {
		return nil, fmt.Errorf("timeline of entity %d: %w", id, err)
	}
	defer rows.Close()
	var out []MonthCount
	for rows.Next() {
		var m MonthCount
		if err := rows.Scan(&m.Month, &m.Articles); err != nil {
			return nil, fmt.Errorf("timeline of entity %d: %w", id, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("timeline of entity %d: %w", id, err)
	}
	return out, nil
}

// EntityArticles returns the articles mentioning an entity, newest first,
// each with the sentence around every mention.
func (s *Store) EntityArticles(ctx context.Context, id int64, limit, offset int) ([]EntityArticle, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.published, a.body FROM articles a
		WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)
		ORDER BY a.published = '', a.published DESC, a.id DESC LIMIT ? OFFSET ?`, id, sqlLimit(limit), max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("articles of entity %d: %w", id, err)
	}
	var out []EntityArticle
	var bodies []string
	for rows.Next() {
		var ea EntityArticle
		var body string
		if err := rows.Scan(&ea.ID, &ea.Title, &ea.Source, &ea.Published, &body); err != nil {
			rows.Close()
			return nil, fmt.Errorf("articles of entity %d: %w", id, err)
		}
		out = append(out, ea)
		bodies = append(bodies, body)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles of entity %d: %w", id, err)
	}
	for i := range out {
		ms, err := s.mentionsWhere(ctx, `m.article_id = ? AND m.entity_id = ?`, out[i].ID, id)
		if err != nil {
			return nil, fmt.Errorf("articles of entity %d: %w", id, err)
		}
		for _, m := range ms {
			out[i].Contexts = append(out[i].Contexts, sentenceAround(bodies[i], m.Start, m.End))
		}
	}
	return out, nil
}

// sentenceAround returns the sentence of body that holds [start, end),
// at most about 300 bytes, with the mention marked by MarkStart/MarkEnd.
func sentenceAround(body string, start, end int) string {
	if start < 0 || end > len(body) || start >= end {
		return ""
	}
	lo := max(0, start-150)
	if i := strings.LastIndexAny(body[lo:start], ".!?\n"); i >= 0 {
		lo += i + 1
	}
	hi := min(len(body), end+150)
	if i := strings.IndexAny(body[end:hi], ".!?\n"); i >= 0 {
		hi = end + i + 1
	}
	for lo > 0 && lo < len(body) && body[lo]&0xC0 == 0x80 {
		lo++
	}
	for hi < len(body) && body[hi]&0xC0 == 0x80 {
		hi++
	}
	return strings.TrimSpace(body[lo:start] + MarkStart + body[start:end] + MarkEnd + body[end:hi])
}

// EntityCounts returns how many distinct entities each of the given articles
// (at most 500) mentions; articles with none are left out.
func (s *Store) EntityCounts(ctx context.Context, ids []int64) (map[int64]int, error) {
	out := make(map[int64]int, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	if len(ids) > 500 {
		return nil, fmt.Errorf("entity counts: %d ids, at most 500", len(ids))
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, `SELECT article_id, count(DISTINCT entity_id) FROM mentions
		WHERE article_id IN (?`+strings.Repeat(",?", len(ids)-1)+`) GROUP BY article_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("entity counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("entity counts: %w", err)
		}
		out[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entity counts: %w", err)
	}
	return out, nil
}
