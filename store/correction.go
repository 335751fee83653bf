package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Correction kinds.
const (
	CorrRename = "rename"
	CorrRetype = "retype"
	CorrMerge  = "merge"
	CorrSplit  = "split"
	CorrReject = "reject"
	CorrAdd    = "add"
)

// Correction is a user's correction of the tagger, kept as a rule that every
// later tagging applies again.
type Correction struct {
	ID         int64
	Kind       string
	Name       string // the entity (or alias) the rule is about
	Type       string
	Target     string // rename: the new name; merge: the entity merged into; split: the entity split from
	TargetType string
	ArticleID  int64 // 0: everywhere
	CreatedAt  time.Time
}

// ErrInvalid reports a correction that cannot be made.
var ErrInvalid = errors.New("invalid")

// Corrections returns every correction in the order they were made.
func (s *Store) Corrections(ctx context.Context) ([]Correction, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, kind, name, type, target, target_type, coalesce(article_id, 0),
		created_at FROM corrections ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	defer rows.Close()
	var out []Correction
	for rows.Next() {
		var c Correction
		var at string
		if err := rows.Scan(&c.ID, &c.Kind, &c.Name, &c.Type, &c.Target, &c.TargetType, &c.ArticleID, &at); err != nil {
			return nil, fmt.Errorf("corrections: %w", err)
		}
		c.CreatedAt, _ = time.Parse(time.RFC3339, at)
		out = append(out, c)
	}
	return out, rows.Err()
}

func addRule(ctx context.Context, tx *sql.Tx, c Correction) error {
	var article any
	if c.ArticleID != 0 {
		article = c.ArticleID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO corrections (kind, name, type, target, target_type, article_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, c.Kind, c.Name, c.Type, c.Target, c.TargetType, article,
		time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("record %s correction: %w", c.Kind, err)
	}
	return nil
}

func txEntity(ctx context.Context, tx *sql.Tx, id int64) (Entity, error) {
	e, err := scanEntity(tx.QueryRowContext(ctx, `SELECT `+entityColumns+` FROM entities e WHERE e.id = ?`, id))
	if err != nil {
		return Entity{}, getError(fmt.Sprintf("entity %d", id), err)
	}
	return e, nil
}

// RenameEntity gives an entity a new name; the old one stays as an alias. An
// entity of the same type that already has the name absorbs it.
func (s *Store) RenameEntity(ctx context.Context, id int64, name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return fmt.Errorf("rename entity %d: %w: empty name", id, ErrInvalid)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		e, err := txEntity(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := addRule(ctx, tx, Correction{Kind: CorrRename, Name: e.Name, Type: e.Type, Target: name}); err != nil {
			return err
		}
		return renameTo(ctx, tx, e, name, e.Type)
	})
}

// RetypeEntity changes an entity's type; an entity of that type with the
// same name absorbs it.
func (s *Store) RetypeEntity(ctx context.Context, id int64, typ string) error {
	if !ValidType(typ) {
		return fmt.Errorf("retype entity %d: %w: type %q", id, ErrInvalid, typ)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		e, err := txEntity(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := addRule(ctx, tx, Correction{Kind: CorrRetype, Name: e.Name, Type: e.Type, TargetType: typ}); err != nil {
			return err
		}
		return renameTo(ctx, tx, e, e.Name, typ)
	})
}

// renameTo moves entity e to (name, typ), merging into an existing entity.
func renameTo(ctx context.Context, tx *sql.Tx, e Entity, name, typ string) error {
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM entities WHERE name = ? AND type = ? AND id != ?`, name, typ, e.ID).Scan(&other)
	switch {
	case err == nil:
		return mergeInto(ctx, tx, e, other)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE entities SET name = ?, type = ?, confirmed = 1 WHERE id = ?`, name, typ, e.ID); err != nil {
		return fmt.Errorf("rename entity %d: %w", e.ID, err)
	}
	if name != e.Name {
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING`, e.ID, e.Name); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?`, e.ID, name)
	return err
}

// MergeEntities moves every mention and alias of entity from into entity
// into, and removes from.
func (s *Store) MergeEntities(ctx context.Context, from, into int64) error {
	if from == into {
		return fmt.Errorf("merge entity %d into itself: %w", from, ErrInvalid)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		e, err := txEntity(ctx, tx, from)
		if err != nil {
			return err
		}
		t, err := txEntity(ctx, tx, into)
		if err != nil {
			return err
		}
		if err := addRule(ctx, tx, Correction{Kind: CorrMerge, Name: e.Name, Type: e.Type, Target: t.Name, TargetType: t.Type}); err != nil {
			return err
		}
		return mergeInto(ctx, tx, e, into)
	})
}

func mergeInto(ctx context.Context, tx *sql.Tx, e Entity, into int64) error {
	stmts := []struct {
		q    string
		args []any
	}{
		{`UPDATE mentions SET entity_id = ? WHERE entity_id = ?`, []any{into, e.ID}},
		{`INSERT INTO entity_aliases (entity_id, alias) SELECT ?, alias FROM entity_aliases WHERE entity_id = ? ON CONFLICT DO NOTHING`, []any{into, e.ID}},
		{`INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING`, []any{into, e.Name}},
		{`DELETE FROM entity_aliases WHERE entity_id = ? AND alias = (SELECT name FROM entities WHERE id = ?)`, []any{into, into}},
		{`DELETE FROM entities WHERE id = ?`, []any{e.ID}},
		{`UPDATE entities SET confirmed = 1 WHERE id = ?`, []any{into}},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("merge entity %d into %d: %w", e.ID, into, err)
		}
	}
	return refreshCounts(ctx, tx, map[int64]bool{into: true})
}

// SplitAlias makes an alias of an entity an entity of its own (of the same
// type), moving the mentions written that way, and returns its id.
func (s *Store) SplitAlias(ctx context.Context, id int64, alias string) (int64, error) {
	var newID int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		e, err := txEntity(ctx, tx, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ? COLLATE NOCASE`, id, alias)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("split %q from entity %d: %w: not one of its aliases", alias, id, ErrInvalid)
		}
		if err := addRule(ctx, tx, Correction{Kind: CorrSplit, Name: alias, Type: e.Type, Target: e.Name, TargetType: e.Type}); err != nil {
			return err
		}
		if newID, err = entityID(ctx, tx, alias, e.Type); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entities SET confirmed = 1 WHERE id = ?`, newID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND text = ? COLLATE NOCASE`,
			newID, id, alias); err != nil {
			return err
		}
		return refreshCounts(ctx, tx, map[int64]bool{id: true, newID: true})
	})
	return newID, err
}

// RejectEntity records that an entity is not one, everywhere (articleID 0)
// or in one article, and removes its mentions there.
func (s *Store) RejectEntity(ctx context.Context, id, articleID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		e, err := txEntity(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := addRule(ctx, tx, Correction{Kind: CorrReject, Name: e.Name, Type: e.Type, ArticleID: articleID}); err != nil {
			return err
		}
		q, args := `DELETE FROM mentions WHERE entity_id = ?`, []any{id}
		if articleID != 0 {
			q, args = q+` AND article_id = ?`, append(args, articleID)
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("reject entity %d: %w", id, err)
		}
		if articleID == 0 {
			_, err := tx.ExecContext(ctx, `DELETE FROM entities WHERE id = ?`, id)
			return err
		}
		return refreshCounts(ctx, tx, map[int64]bool{id: true})
	})
}

// AddEntity records an entity the tagger missed, everywhere (articleID 0) or
// in one article, and adds its mentions wherever the name is written as a
// whole word in those articles' bodies, except inside a longer mention. It
// returns the entity's id.
func (s *Store) AddEntity(ctx context.Context, name, typ string, articleID int64) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" || !ValidType(typ) {
		return 0, fmt.Errorf("add entity %q (%s): %w", name, typ, ErrInvalid)
	}
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := addRule(ctx, tx, Correction{Kind: CorrAdd, Name: name, Type: typ, ArticleID: articleID}); err != nil {
			return err
		}
		var err error
		if id, err = entityID(ctx, tx, name, typ); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entities SET confirmed = 1 WHERE id = ?`, id); err != nil {
			return err
		}
		q := `SELECT a.id, a.body FROM articles a WHERE a.id IN (` + s.d.matching() + `)`
		args := []any{ftsPhrase(s.d, name)}
		if articleID != 0 {
			q, args = q+` AND a.id = ?`, append(args, articleID)
		}
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("find %q in articles: %w", name, err)
		}
		type hit struct {
			article    int64
			start, end int
		}
		var hits []hit
		for rows.Next() {
			var aid int64
			var body string
			if err := rows.Scan(&aid, &body); err != nil {
				rows.Close()
				return err
			}
			for _, off := range WholeWordIndexes(body, name) {
				hits = append(hits, hit{aid, off, off + len(name)})
			}
		}
		rows.Close()
		touched := map[int64]bool{id: true}
		for _, h := range hits {
			// A longer name the tagger found ("Jamie Dimon") keeps the words
			// inside it ("Dimon"); reject it first to have them apart.
			var inside int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM mentions WHERE article_id = ? AND start <= ? AND "end" >= ?`,
				h.article, h.start, h.end).Scan(&inside); err != nil {
				return err
			}
			if inside > 0 {
				continue
			}
			rows, err := tx.QueryContext(ctx, `DELETE FROM mentions WHERE article_id = ? AND start < ? AND "end" > ?
				RETURNING entity_id`, h.article, h.end, h.start)
			if err != nil {
				return err
			}
			for rows.Next() {
				var eid int64
				if err := rows.Scan(&eid); err != nil {
					rows.Close()
					return err
				}
				touched[eid] = true
			}
			rows.Close()
			if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (article_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)`,
				h.article, id, h.start, h.end, name); err != nil {
				return err
			}
		}
		return refreshCounts(ctx, tx, touched)
	})
	return id, err
}

// WholeWordIndexes returns the byte offsets where name occurs in text as a
// whole word (not inside a longer word).
func WholeWordIndexes(text, name string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return out
		}
		start, end := i+j, i+j+len(name)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(text) || !isWordRune(after)) {
			out = append(out, start)
		}
		i = end
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
