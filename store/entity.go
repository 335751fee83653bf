package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Entity types.
const (
	TypePerson = "PERSON"
	TypeOrg    = "ORG"
	TypePlace  = "PLACE"
)

// ValidType reports whether t is an entity type the archive keeps.
func ValidType(t string) bool {
	switch t {
	case TypePerson, TypeOrg, TypePlace, "MISC":
		return true
	}
	return false
}

// Entity is a person, organisation or place mentioned in the archive.
type Entity struct {
	ID        int64
	Name      string
	Type      string
	Aliases   []string
	Articles  int // articles mentioning it
	Mentions  int
	Confirmed bool // named or typed by a user correction
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

const entityColumns = `e.id, e.name, e.type, e.articles, e.mentions, e.confirmed`

func scanEntity(row interface{ Scan(...any) error }) (Entity, error) {
	var e Entity
	err := row.Scan(&e.ID, &e.Name, &e.Type, &e.Articles, &e.Mentions, &e.Confirmed)
	return e, err
}

// Entities returns entities by article count, most mentioned first; typ ""
// lists every type.
func (s *Store) Entities(ctx context.Context, typ string, limit, offset int) ([]Entity, error) {
	if limit <= 0 {
		limit = -1
	}
	q := `SELECT ` + entityColumns + ` FROM entities e WHERE e.articles > 0`
	args := []any{}
	if typ != "" {
		q += ` AND e.type = ?`
		args = append(args, typ)
	}
	q += ` ORDER BY e.articles DESC, e.name LIMIT ? OFFSET ?`
	rows, err := s.r.QueryContext(ctx, q, append(args, sqlLimit(limit), max(offset, 0))...)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	defer rows.Close()
	var out []Entity
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			return nil, fmt.Errorf("list entities: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Entity returns one entity with its aliases.
func (s *Store) Entity(ctx context.Context, id int64) (Entity, error) {
	e, err := scanEntity(s.r.QueryRowContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id = ?`, id))
	if err != nil {
		return Entity{}, getError(fmt.Sprintf("entity %d", id), err)
	}
	e.Aliases, err = s.aliases(ctx, s.r, id)
	return e, err
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

func (s *Store) aliases(ctx context.Context, q querier, id int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias`, id)
	if err != nil {
		return nil, fmt.Errorf("aliases of entity %d: %w", id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// EntityByName finds an entity by its name or one of its aliases, ignoring
// case; among several, the most mentioned wins.
func (s *Store) EntityByName(ctx context.Context, name string) (Entity, error) {
	name = strings.TrimSpace(name)
	row := s.r.QueryRowContext(ctx, `SELECT `+entityColumns+` FROM entities e
		WHERE e.name = ? COLLATE NOCASE
		   OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias = ? COLLATE NOCASE)
		ORDER BY e.name = ? COLLATE NOCASE DESC, e.articles DESC LIMIT 1`, name, name, name)
	e, err := scanEntity(row)
	if err != nil {
		return Entity{}, getError(fmt.Sprintf("entity %q", name), err)
	}
	e.Aliases, err = s.aliases(ctx, s.r, e.ID)
	return e, err
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
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
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
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
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
			return nil, err
		}
		out = append(out, ea)
		bodies = append(bodies, body)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		ms, err := s.mentionsWhere(ctx, `m.article_id = ? AND m.entity_id = ?`, out[i].ID, id)
		if err != nil {
			return nil, err
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

// ConfirmedEntities returns the entities users named or typed, with their
// aliases: the gazetteer later tagging uses.
func (s *Store) ConfirmedEntities(ctx context.Context) ([]Entity, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.confirmed = 1 ORDER BY e.id`)
	if err != nil {
		return nil, fmt.Errorf("confirmed entities: %w", err)
	}
	var out []Entity
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, e)
	}
	rows.Close()
	for i := range out {
		if out[i].Aliases, err = s.aliases(ctx, s.r, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}
