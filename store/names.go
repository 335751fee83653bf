package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// This file holds the queries behind the name lookup index (app.Lookup) and
// the entity filters of search. The entity queries tolerate an archive whose
// schema predates the entity tables: they then find nothing.

// NamedEntity is an entity as the lookup index holds it: its names and how
// many articles mention it.
type NamedEntity struct {
	ID       int64
	Name     string
	Aliases  []string
	Articles int
}

// ArticlesAfter returns the id, title, source and date of every article
// whose id is above afterID, in id order.
func (s *Store) ArticlesAfter(ctx context.Context, afterID int64) ([]ArticleListing, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, source, published FROM articles WHERE id > ? ORDER BY id`, afterID)
	if err != nil {
		return nil, fmt.Errorf("articles after %d: %w", afterID, err)
	}
	defer rows.Close()
	var out []ArticleListing
	for rows.Next() {
		var a ArticleListing
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &a.Published); err != nil {
			return nil, fmt.Errorf("articles after %d: %w", afterID, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("articles after %d: %w", afterID, err)
	}
	return out, nil
}

// ExistingSources returns which of the given source names some article
// still has.
func (s *Store) ExistingSources(ctx context.Context, names []string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, name := range names {
		var one int
		err := s.r.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE source = ? LIMIT 1`, name).Scan(&one)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("source %q: %w", name, err)
		}
		out[name] = err == nil
	}
	return out, nil
}

// ExistingIDs returns which of the given ids (at most 500) name a row of
// table, which is "articles" or "entities".
func (s *Store) ExistingIDs(ctx context.Context, table string, ids []int64) (map[int64]bool, error) {
	if table != "articles" && table != "entities" {
		return nil, fmt.Errorf("existing ids: unknown table %q", table)
	}
	if len(ids) > maxIDsPerQuery {
		return nil, fmt.Errorf("existing %s: %d ids, at most %d", table, len(ids), maxIDsPerQuery)
	}
	out := map[int64]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	if table == "entities" {
		if ok, err := s.hasEntityTables(ctx); err != nil || !ok {
			return out, err
		}
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM `+table+` WHERE id IN (`+nameParams(len(ids))+`)`, nameArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("existing %s: %w", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("existing %s: %w", table, err)
		}
		out[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("existing %s: %w", table, err)
	}
	return out, nil
}

// hasEntityTables reports whether the archive has the entity tables yet.
func (s *Store) hasEntityTables(ctx context.Context) (bool, error) {
	return s.d.hasEntityTables(ctx, s.r)
}

// EntityMarks are the high-water marks of the entity tables: the highest
// entity and mention ids.
type EntityMarks struct {
	Entity, Mention int64
}

// EntityMarks returns the current high-water marks, zero when the archive
// has no entity tables.
func (s *Store) EntityMarks(ctx context.Context) (EntityMarks, error) {
	var m EntityMarks
	if ok, err := s.hasEntityTables(ctx); err != nil || !ok {
		return m, err
	}
	var e, mn sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT max(id) FROM entities), (SELECT max(id) FROM mentions)`).Scan(&e, &mn)
	if err != nil {
		return m, fmt.Errorf("entity marks: %w", err)
	}
	return EntityMarks{Entity: e.Int64, Mention: mn.Int64}, nil
}

// EntitiesChangedAfter returns the ids of entities created after marks.Entity
// or mentioned after marks.Mention (their article counts changed).
func (s *Store) EntitiesChangedAfter(ctx context.Context, marks EntityMarks) ([]int64, error) {
	if ok, err := s.hasEntityTables(ctx); err != nil || !ok {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM entities WHERE id > ?
		UNION SELECT entity_id FROM mentions WHERE id > ?`, marks.Entity, marks.Mention)
	if err != nil {
		return nil, fmt.Errorf("entities changed: %w", err)
	}
	return scanIDs(rows, "entities changed")
}

// maxIDsPerQuery bounds the ids bound in one IN list.
const maxIDsPerQuery = 500

// NamedEntities returns the names, aliases and article counts of the given
// entities, or of every entity when ids is nil, in id order. Ids with no
// entity are left out.
func (s *Store) NamedEntities(ctx context.Context, ids []int64) ([]NamedEntity, error) {
	if ok, err := s.hasEntityTables(ctx); err != nil || !ok || (ids != nil && len(ids) == 0) {
		return nil, err
	}
	if len(ids) > maxIDsPerQuery {
		var out []NamedEntity
		for lo := 0; lo < len(ids); lo += maxIDsPerQuery {
			part, err := s.NamedEntities(ctx, ids[lo:min(lo+maxIDsPerQuery, len(ids))])
			if err != nil {
				return nil, err
			}
			out = append(out, part...)
		}
		return out, nil
	}
	where, args := "", []any{}
	if ids != nil {
		where, args = ` WHERE e.id IN (`+nameParams(len(ids))+`)`, nameArgs(ids)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT e.id, e.name, e.articles, `+s.d.aliasList()+`
		FROM entities e`+where+` ORDER BY e.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("entity names: %w", err)
	}
	defer rows.Close()
	var out []NamedEntity
	for rows.Next() {
		var e NamedEntity
		var aliases string
		if err := rows.Scan(&e.ID, &e.Name, &e.Articles, &aliases); err != nil {
			return nil, fmt.Errorf("entity names: %w", err)
		}
		if aliases != "" {
			e.Aliases = strings.Split(aliases, "\x1f")
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entity names: %w", err)
	}
	return out, nil
}

// EntityIDsByName returns the entities named name or having it as an alias,
// ignoring case; none when the archive has no entity tables.
func (s *Store) EntityIDsByName(ctx context.Context, name string) ([]int64, error) {
	if ok, err := s.hasEntityTables(ctx); err != nil || !ok {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE
		UNION SELECT entity_id FROM entity_aliases WHERE alias = ?1 COLLATE NOCASE`, strings.TrimSpace(name))
	if err != nil {
		return nil, fmt.Errorf("entity %q: %w", name, err)
	}
	return scanIDs(rows, fmt.Sprintf("entity %q", name))
}

// scanIDs reads and closes rows of one id column; what names them in errors.
func scanIDs(rows *sql.Rows, what string) ([]int64, error) {
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// nameParams returns n comma-separated placeholders.
func nameParams(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func nameArgs(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}
