package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// Archive-level resolution of entity names (app/tagging's resolve.go decides,
// these read the evidence and move mentions). Each mention keeps what the
// tagger said (mentions.tag_name, tag_type: its name and type after the
// user's rules) beside the entity the archive resolved it to (entity_id), so
// a name can be re-decided as the archive grows. Mentions written before
// migration 0009 by a merge or copy have tag_name '': their entity's name and
// type stand in as evidence, and they are never moved.

// NameEvidence is what the archive's mentions say about one tagged name.
type NameEvidence struct {
	Name string
	// Votes counts articles by the type most of the name's mentions in
	// the article were tagged (ties: the type first in alphabetical order).
	Votes map[string]float64
	// Confirmed is the type of the entity of this name a user confirmed
	// (renamed, retyped, merged into, split or added), if any.
	Confirmed string
}

// NameEvidence returns the evidence for each of names.
func (s *Store) NameEvidence(ctx context.Context, names []string) (map[string]NameEvidence, error) {
	out := make(map[string]NameEvidence, len(names))
	for _, name := range names {
		if _, ok := out[name]; ok {
			continue
		}
		rows, err := s.r.QueryContext(ctx, `SELECT m.article_id, m.tag_type, count(*) FROM mentions m
				WHERE m.tag_name = ? GROUP BY m.article_id, m.tag_type
			UNION ALL SELECT m.article_id, e.type, count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id
				WHERE m.tag_name = '' AND e.name = ? GROUP BY m.article_id, e.type
			ORDER BY 1, 2`, name, name)
		if err != nil {
			return nil, fmt.Errorf("evidence for %q: %w", name, err)
		}
		ev := NameEvidence{Name: name, Votes: map[string]float64{}}
		var article int64 = -1
		bestType, bestN := "", 0
		flush := func() {
			if bestType != "" {
				ev.Votes[bestType]++
			}
		}
		for rows.Next() {
			var id int64
			var typ string
			var n int
			if err := rows.Scan(&id, &typ, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("evidence for %q: %w", name, err)
			}
			if id != article {
				flush()
				article, bestType, bestN = id, "", 0
			}
			if n > bestN { // rows come sorted by type: a tie keeps the first
				bestType, bestN = typ, n
			}
		}
		flush()
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("evidence for %q: %w", name, err)
		}
		err = s.r.QueryRowContext(ctx, `SELECT type FROM entities WHERE name = ? AND confirmed = 1
			ORDER BY articles DESC, type LIMIT 1`, name).Scan(&ev.Confirmed)
		if err != nil && err != sql.ErrNoRows {
			return nil, fmt.Errorf("confirmed type of %q: %w", name, err)
		}
		out[name] = ev
	}
	return out, nil
}

// PersonNamesWith returns the person entities of two words or more whose
// first or last word is word (exactly, case included), with the number of
// articles mentioning each: the full names a short mention may join.
func (s *Store) PersonNamesWith(ctx context.Context, word string) (map[string]int, error) {
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(word)
	rows, err := s.r.QueryContext(ctx, `SELECT name, articles FROM entities
		WHERE type = 'PERSON' AND articles > 0 AND (name LIKE ? ESCAPE '\' OR name LIKE ? ESCAPE '\')`,
		"% "+esc, esc+" %")
	if err != nil {
		return nil, fmt.Errorf("full names with %q: %w", word, err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			return nil, fmt.Errorf("full names with %q: %w", word, err)
		}
		words := strings.Fields(name)
		if len(words) >= 2 && (words[0] == word || words[len(words)-1] == word) {
			out[name] = n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("full names with %q: %w", word, err)
	}
	return out, nil
}

// EntityKey names an entity: its name and type.
type EntityKey struct{ Name, Type string }

// NameResolution says which entity the mentions of one tagged name resolve
// to, by the type they were tagged: To[type].
type NameResolution struct {
	Name string
	To   map[string]EntityKey
}

// ResolveNames moves the mentions of each tagged name to the entity its
// resolution gives for their tagged type, creating that entity if needed;
// mentions of a confirmed entity (a user's correction) stay where they are.
// Mention texts that differ from the new entity's name become its aliases.
// Entities left with no mention are removed unless confirmed. It returns
// the entities whose mentions changed.
func (s *Store) ResolveNames(ctx context.Context, res []NameResolution) ([]int64, error) {
	var changed []int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		changed = nil
		touched := map[int64]bool{}
		ids := newEntityCache(tx)
		for _, r := range res {
			if err := resolveName(ctx, tx, ids, r, touched); err != nil {
				return err
			}
		}
		for id := range touched {
			changed = append(changed, id)
		}
		return refreshCounts(ctx, tx, touched)
	})
	if err != nil {
		return nil, fmt.Errorf("resolve names: %w", err)
	}
	slices.Sort(changed)
	return changed, nil
}

// resolveName moves the mentions of one tagged name that are neither on
// the entity of their resolution nor on a confirmed entity.
func resolveName(ctx context.Context, tx *sql.Tx, ids *entityCache, r NameResolution, touched map[int64]bool) error {
	type placed struct {
		typ string
		id  int64
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT m.tag_type, m.entity_id, e.name, e.type FROM mentions m
		JOIN entities e ON e.id = m.entity_id WHERE m.tag_name = ? AND e.confirmed = 0`, r.Name)
	if err != nil {
		return fmt.Errorf("mentions of %q: %w", r.Name, err)
	}
	var move []placed
	for rows.Next() {
		var p placed
		var at EntityKey
		if err := rows.Scan(&p.typ, &p.id, &at.Name, &at.Type); err != nil {
			rows.Close()
			return fmt.Errorf("mentions of %q: %w", r.Name, err)
		}
		if to, ok := r.To[p.typ]; ok && to != at {
			move = append(move, p)
		}
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return fmt.Errorf("mentions of %q: %w", r.Name, err)
	}
	for _, p := range move {
		to := r.To[p.typ]
		into, err := ids.get(ctx, to.Name, to.Type)
		if err != nil {
			return err
		}
		touched[into], touched[p.id] = true, true
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_aliases (entity_id, alias)
				SELECT DISTINCT CAST(? AS BIGINT), text FROM mentions WHERE entity_id = ? AND tag_name = ? AND tag_type = ?
					AND lower(text) <> lower(?)
				ON CONFLICT DO NOTHING`, into, p.id, r.Name, p.typ, to.Name); err != nil {
			return fmt.Errorf("aliases of %q: %w", to.Name, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND tag_name = ? AND tag_type = ?`,
			into, p.id, r.Name, p.typ); err != nil {
			return fmt.Errorf("move mentions of %q to %q: %w", r.Name, to.Name, err)
		}
	}
	return nil
}

// TaggedNames returns every name the tagger gave a mention in the archive.
func (s *Store) TaggedNames(ctx context.Context) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT DISTINCT tag_name FROM mentions WHERE tag_name <> ''
		UNION SELECT DISTINCT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.tag_name = ''
		ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("tagged names: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("tagged names: %w", err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tagged names: %w", err)
	}
	return out, nil
}
