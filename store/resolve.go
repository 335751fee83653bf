package store

import (
	"context"
	"database/sql"
	"errors"
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
	// Cues counts articles by the cue their context gives the name
	// (mentions.tag_cue, migration 0014 (PostgreSQL 0009): a type, or COMMON), each cue once
	// per article; nil when no article has one.
	Cues map[string]float64
	// Confirmed is the type of the entity of this name a user confirmed
	// (renamed, retyped, merged into, split or added), if any.
	Confirmed string
}

// EntityKey names an entity: its name and type.
type EntityKey struct{ Name, Type string }

// NameResolution says which entity the mentions of one tagged name resolve
// to, by the type they were tagged: To[type].
type NameResolution struct {
	Name string
	To   map[string]EntityKey
}

// Whole-archive resolution: the evidence of every tagged name is read in a
// read snapshot and decided outside the archive's write lock; the moves are
// then applied in a short write transaction that first checks the archive's
// evidence watermark (resolve_apply.go) is what the snapshot saw, so a batch
// saved meanwhile is either wholly in the evidence or makes the resolution
// start over; the entities that result are a function of the mentions'
// evidence alone (not of the order in which articles were tagged, nor of
// the previous resolution), as long as decide is.

// ResolveArchive reads the evidence of every tagged name, asks decide
// where each name's mentions go by their tagged type (NameResolution.To; a
// name or type decide leaves out stays where it is), and moves every
// mention not already there, creating the entity if needed; mentions of a
// confirmed entity (a user's correction) stay where they are. Mention texts
// that differ from the new entity's name become its aliases; entities left
// with no mention are removed unless confirmed. decide must not use the
// store. It returns the entities whose mentions changed.
func (s *Store) ResolveArchive(ctx context.Context, decide func([]NameEvidence) []NameResolution) ([]int64, error) {
	st, err := s.ResolveArchiveStats(ctx, decide, false)
	return st.Changed, err
}

// archiveEvidence reads, in one pass over the mentions, the votes of every
// tagged name (one per article: the type most of the name's mentions there
// were tagged, ties to the type first in alphabetical order), the confirmed
// type of each name, and the unconfirmed entities the tagged mentions are
// on. A mention with no tagged name (merged from an export) votes with its
// entity's name and type. The mentions are read in table order, where an
// article's mentions, saved together, lie together; should an article come
// back after another, they are read again in article order.
func archiveEvidence(ctx context.Context, tx *sql.Tx) ([]NameEvidence, []mentionPlace, error) {
	ents, confirmed, err := entityKeys(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	votes, cues, places, err := scanEvidence(ctx, tx, ents, "")
	if err == errOutOfOrder {
		votes, cues, places, err = scanEvidence(ctx, tx, ents, " ORDER BY article_id")
	}
	if err != nil {
		return nil, nil, err
	}
	out := make([]NameEvidence, 0, len(votes))
	for name, v := range votes {
		out = append(out, NameEvidence{Name: name, Votes: v, Cues: cues[name], Confirmed: confirmed[name]})
	}
	slices.SortFunc(out, func(a, b NameEvidence) int { return strings.Compare(a.Name, b.Name) })
	return out, places, nil
}

// errOutOfOrder is scanEvidence's report of an article whose mentions are
// not together.
var errOutOfOrder = errors.New("mentions out of article order")

// scanEvidence reads the mentions (in the order given) into votes and cues
// per name and the places of the tagged ones.
func scanEvidence(ctx context.Context, tx *sql.Tx, ents map[int64]entityRow, order string) (votes, cues map[string]map[string]float64, places []mentionPlace, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT article_id, entity_id, tag_name, tag_type, tag_cue FROM mentions`+order)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("evidence: %w", err)
	}
	defer rows.Close()
	votes, cues = map[string]map[string]float64{}, map[string]map[string]float64{}
	inArticle := map[string]map[string]int{} // name -> type -> mentions in the current article
	cuedIn := map[string]map[string]bool{}   // name -> cues in the current article
	done := map[int64]bool{}                 // articles read
	seen := map[mentionPlace]bool{}
	flush := func() {
		for name, types := range inArticle {
			best, n := "", 0
			for typ, k := range types {
				if k > n || k == n && typ < best {
					best, n = typ, k
				}
			}
			if votes[name] == nil {
				votes[name] = map[string]float64{}
			}
			votes[name][best]++
		}
		clear(inArticle)
		for name, cs := range cuedIn {
			if cues[name] == nil {
				cues[name] = map[string]float64{}
			}
			for c := range cs {
				cues[name][c]++
			}
		}
		clear(cuedIn)
	}
	var article int64 = -1
	for rows.Next() {
		var id, entity int64
		var name, typ, cue string
		if err := rows.Scan(&id, &entity, &name, &typ, &cue); err != nil {
			return nil, nil, nil, fmt.Errorf("evidence: %w", err)
		}
		if id != article {
			flush()
			if done[id] {
				return nil, nil, nil, errOutOfOrder
			}
			done[id], article = true, id
		}
		e, ok := ents[entity]
		if name == "" { // merged: the entity stands in, and is never moved
			if !ok {
				continue
			}
			name, typ = e.key.Name, e.key.Type
		} else if ok && !e.confirmed {
			p := mentionPlace{name: name, typ: typ, id: entity, at: e.key}
			if !seen[p] {
				seen[p] = true
				places = append(places, p)
			}
		}
		if inArticle[name] == nil {
			inArticle[name] = map[string]int{}
		}
		inArticle[name][typ]++
		if cue != "" {
			if cuedIn[name] == nil {
				cuedIn[name] = map[string]bool{}
			}
			cuedIn[name][cue] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, nil, fmt.Errorf("evidence: %w", err)
	}
	flush()
	return votes, cues, places, nil
}

// entityRow is an entity's key and whether a user confirmed it.
type entityRow struct {
	key       EntityKey
	confirmed bool
}

// entityKeys reads every entity, and the confirmed type of each name (the
// confirmed entity of that name in most articles).
func entityKeys(ctx context.Context, tx *sql.Tx) (map[int64]entityRow, map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, name, type, confirmed FROM entities ORDER BY name, confirmed DESC, articles DESC, type`)
	if err != nil {
		return nil, nil, fmt.Errorf("entities: %w", err)
	}
	defer rows.Close()
	ents := map[int64]entityRow{}
	confirmed := map[string]string{}
	for rows.Next() {
		var id int64
		var e entityRow
		if err := rows.Scan(&id, &e.key.Name, &e.key.Type, &e.confirmed); err != nil {
			return nil, nil, fmt.Errorf("entities: %w", err)
		}
		ents[id] = e
		if _, ok := confirmed[e.key.Name]; !ok && e.confirmed {
			confirmed[e.key.Name] = e.key.Type
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("entities: %w", err)
	}
	return ents, confirmed, nil
}

// mentionPlace is where the mentions of one tagged name and type are: an
// unconfirmed entity.
type mentionPlace struct {
	name, typ string
	id        int64
	at        EntityKey
}

// moveTagged moves the mentions of a tagged name and type on entity from to
// the entity dest (created if needed); their texts that differ from dest's
// name become its aliases.
func moveTagged(ctx context.Context, tx *sql.Tx, ids *entityCache, name, typ string, from int64, dest EntityKey, touched map[int64]bool) error {
	into, err := ids.get(ctx, dest.Name, dest.Type)
	if err != nil {
		return err
	}
	touched[into], touched[from] = true, true
	if _, err := tx.ExecContext(ctx, `INSERT INTO entity_aliases (entity_id, alias)
			SELECT DISTINCT CAST(? AS BIGINT), text FROM mentions WHERE entity_id = ? AND tag_name = ? AND tag_type = ?
				AND lower(text) <> lower(?)
			ON CONFLICT DO NOTHING`, into, from, name, typ, dest.Name); err != nil {
		return fmt.Errorf("aliases of %q: %w", dest.Name, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND tag_name = ? AND tag_type = ?`,
		into, from, name, typ); err != nil {
		return fmt.Errorf("move mentions of %q to %q: %w", name, dest.Name, err)
	}
	return nil
}
