package store

import (
	"context"
	"database/sql"
)

// ChangeOp is the kind of an EntityChange.
type ChangeOp int

// The changes a correction makes to the entities.
const (
	ChangeNone   ChangeOp = iota
	ChangeMove            // the entity becomes (ToName, ToType), merging into one of that name
	ChangeSplit           // the alias Name leaves (FromName, FromType) as an entity of its own
	ChangeReject          // the entity is removed, everywhere or from ArticleID
	ChangeAdd             // the entity is marked wherever its name is written as a whole word
)

// EntityChange is what a correction does to the entities, in SQL terms: the
// store carries it out and leaves the interpretation of the rules to
// app/tagging/corrections.
type EntityChange struct {
	Op                 ChangeOp
	Name, Type         string // the entity changed; for a split, the alias
	ToName, ToType     string // ChangeMove: the entity it becomes
	FromName, FromType string // ChangeSplit: the entity the alias leaves
	ArticleID          int64  // ChangeReject, ChangeAdd: the one article, 0 for everywhere
}

// applyChange carries out ch on the entities of this archive when the
// entity it names is here; an added entity is marked in the articles with
// ids up to maxOld.
func (s *Store) applyChange(ctx context.Context, tx *sql.Tx, ch EntityChange, maxOld int64) error {
	switch ch.Op {
	case ChangeAdd:
		return s.applyAdd(ctx, tx, ch, maxOld)
	case ChangeSplit:
		return splitNamed(ctx, tx, ch)
	case ChangeMove, ChangeReject:
	default:
		return nil
	}
	eid, found, err := entityNamed(ctx, tx, ch.Name, ch.Type)
	if err != nil || !found {
		return err
	}
	e, err := txEntity(ctx, tx, eid)
	if err != nil {
		return err
	}
	if ch.Op == ChangeMove {
		return renameTo(ctx, tx, e, ch.ToName, ch.ToType)
	}
	if ch.ArticleID == 0 {
		_, err := tx.ExecContext(ctx, `DELETE FROM entities WHERE id = ?`, e.ID)
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE entity_id = ? AND article_id = ?`, e.ID, ch.ArticleID); err != nil {
		return err
	}
	return refreshCounts(ctx, tx, map[int64]bool{e.ID: true})
}

// splitNamed makes the alias ch.Name of (FromName, FromType) an entity of
// its own, moving the mentions written that way, when the entity has it.
func splitNamed(ctx context.Context, tx *sql.Tx, ch EntityChange) error {
	from, found, err := entityNamed(ctx, tx, ch.FromName, ch.FromType)
	if err != nil || !found {
		return err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ? COLLATE NOCASE`, from, ch.Name)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	id, err := entityID(ctx, tx, ch.Name, ch.Type)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE entities SET confirmed = 1 WHERE id = ?`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND text = ? COLLATE NOCASE`,
		id, from, ch.Name); err != nil {
		return err
	}
	return refreshCounts(ctx, tx, map[int64]bool{from: true, id: true})
}
