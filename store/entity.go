package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// The entities table and their aliases (entity_aliases). The name queries
// behind the lookup index (app.Lookup) and the entity filters of search
// tolerate an archive whose schema predates the entity tables: they then
// find nothing.

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
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	return out, nil
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
			return nil, fmt.Errorf("aliases of entity %d: %w", id, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("aliases of entity %d: %w", id, err)
	}
	return out, nil
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
			return nil, fmt.Errorf("confirmed entities: %w", err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("confirmed entities: %w", err)
	}
	for i := range out {
		if out[i].Aliases, err = s.aliases(ctx, s.r, out[i].ID); err != nil {
			return nil, fmt.Errorf("confirmed entities: %w", err)
		}
	}
	return out, nil
}

// NamedEntity is an entity as the lookup index holds it: its names and how
// many articles mention it.
type NamedEntity struct {
	ID       int64
	Name     string
	Aliases  []string
	Articles int
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
			e.Aliases = strings.Split(aliases, aliasSep)
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

// refreshCounts recomputes the article and mention counts of entities, and
// removes entities left with no mention unless a user confirmed them.
func refreshCounts(ctx context.Context, tx *sql.Tx, ids map[int64]bool) error {
	for id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE entities SET
				articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id = ?),
				mentions = (SELECT count(*) FROM mentions WHERE entity_id = ?)
			WHERE id = ?`, id, id, id); err != nil {
			return fmt.Errorf("count mentions of entity %d: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM entities WHERE id = ? AND mentions = 0 AND confirmed = 0`, id); err != nil {
			return fmt.Errorf("remove unmentioned entity %d: %w", id, err)
		}
	}
	return nil
}

// entityCache finds or creates entities by name and type within a
// transaction.
type entityCache struct {
	tx  *sql.Tx
	ids map[[2]string]int64
}

func newEntityCache(tx *sql.Tx) *entityCache {
	return &entityCache{tx: tx, ids: map[[2]string]int64{}}
}

func (c *entityCache) get(ctx context.Context, name, typ string) (int64, error) {
	key := [2]string{name, typ}
	if id, ok := c.ids[key]; ok {
		return id, nil
	}
	id, err := entityID(ctx, c.tx, name, typ)
	if err != nil {
		return 0, err
	}
	c.ids[key] = id
	return id, nil
}

// entityID returns the id of the entity (name, typ), creating it if needed.
func entityID(ctx context.Context, tx *sql.Tx, name, typ string) (int64, error) {
	if !ValidType(typ) || strings.TrimSpace(name) == "" {
		return 0, fmt.Errorf("entity %q of type %q: invalid", name, typ)
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO entities (name, type) VALUES (?, ?)
		ON CONFLICT (name, type) DO UPDATE SET name = excluded.name RETURNING id`, name, typ).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("entity %q: %w", name, err)
	}
	return id, nil
}

// EntityTypeCounts returns, per entity type, how many entities are found
// in at least one article (the rows Entities lists for that type).
func (s *Store) EntityTypeCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT type, count(*) FROM entities WHERE articles > 0 GROUP BY type`)
	if err != nil {
		return nil, fmt.Errorf("count entities: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var typ string
		var n int
		if err := rows.Scan(&typ, &n); err != nil {
			return nil, fmt.Errorf("count entities: %w", err)
		}
		out[typ] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count entities: %w", err)
	}
	return out, nil
}

// EntitySummaries returns the given entities without their aliases (name,
// type and counts), by id; ids with no entity are left out (the lookup
// tells its results apart by these).
func (s *Store) EntitySummaries(ctx context.Context, ids []int64) (map[int64]Entity, error) {
	out := make(map[int64]Entity, len(ids))
	if ok, err := s.hasEntityTables(ctx); err != nil || !ok {
		return out, err
	}
	for lo := 0; lo < len(ids); lo += maxIDsPerQuery {
		part := ids[lo:min(lo+maxIDsPerQuery, len(ids))]
		rows, err := s.r.QueryContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id IN (`+
			nameParams(len(part))+`)`, nameArgs(part)...)
		if err != nil {
			return nil, fmt.Errorf("entity summaries: %w", err)
		}
		for rows.Next() {
			e, err := scanEntity(rows)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("entity summaries: %w", err)
			}
			out[e.ID] = e
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("entity summaries: %w", err)
		}
	}
	return out, nil
}
