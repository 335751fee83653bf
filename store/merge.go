package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// MergeOutcome is what MergeArticles did with one record.
type MergeOutcome struct {
	ID          int64 // the article in this archive (the new one, or the one it duplicates)
	Duplicate   bool  // the content was archived already
	BadMentions int   // mentions dropped for pointing outside the body or not matching it
	// LocalSkipped: the record duplicates an article archived before the
	// merge and brought tags or a note, which the policy kept off it.
	LocalSkipped bool
}

// MergeArticles writes records read from another archive's export, in one
// transaction. A record whose content hash is archived already is a
// duplicate: its tags are added to the archived article, and its note too
// when that article has none or another one (appended). Other records become
// articles with their original, mentions, tags, note, snapshots and tagging
// state, keeping their import, note and snapshot times; only ids change.
func (s *Store) MergeArticles(ctx context.Context, recs []ArticleRecord) ([]MergeOutcome, error) {
	return s.MergeArticlesWith(ctx, recs, MergePolicy{TouchLocal: true})
}

// MergePolicy says what a merge may change of what the archive held
// before it began.
type MergePolicy struct {
	// TouchLocal lets the records add tags and notes to the articles they
	// duplicate, and confirm or add aliases to entities, among those the
	// archive held before the merge. Without it these are left as they
	// were (MergeOutcome.LocalSkipped, the count MergeEntityRecordsWith
	// returns).
	TouchLocal bool
	// OldArticles and OldEntities are the highest article and entity ids
	// before the merge began (MaxArticleID, MaxEntityID): rows up to them
	// are the archive's own, those after were made by the merge.
	OldArticles, OldEntities int64
}

func (p MergePolicy) localArticle(id int64) bool { return !p.TouchLocal && id <= p.OldArticles }
func (p MergePolicy) localEntity(id int64) bool  { return !p.TouchLocal && id <= p.OldEntities }

// MergeArticlesWith is MergeArticles under a policy: without
// TouchLocal, a record duplicating an article archived before the merge
// adds nothing to it.
func (s *Store) MergeArticlesWith(ctx context.Context, recs []ArticleRecord, pol MergePolicy) ([]MergeOutcome, error) {
	out := make([]MergeOutcome, len(recs))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		touched := map[int64]bool{}
		ids := newEntityCache(tx)
		for i := range recs {
			var err error
			out[i], err = mergeArticle(ctx, tx, ids, &recs[i], touched, pol)
			if err != nil {
				return fmt.Errorf("article %q: %w", recs[i].Title, err)
			}
		}
		return refreshCounts(ctx, tx, touched)
	})
	if err != nil {
		return nil, fmt.Errorf("merge articles: %w", err)
	}
	return out, nil
}

func mergeArticle(ctx context.Context, tx *sql.Tx, ids *entityCache, r *ArticleRecord, touched map[int64]bool, pol MergePolicy) (MergeOutcome, error) {
	orig := Original{}
	if r.Original != nil {
		orig = *r.Original
	}
	art := r.Article
	id, err := createArticle(ctx, tx, &art, orig)
	var dup *DuplicateError
	if errors.As(err, &dup) {
		if pol.localArticle(dup.ID) {
			skipped := len(r.Tags) > 0 || (r.Note != nil && r.Note.Text != "")
			return MergeOutcome{ID: dup.ID, Duplicate: true, LocalSkipped: skipped}, nil
		}
		return MergeOutcome{ID: dup.ID, Duplicate: true}, mergeUserWork(ctx, tx, dup.ID, r)
	}
	if err != nil {
		return MergeOutcome{}, err
	}
	res := MergeOutcome{ID: id}
	for _, m := range r.Mentions {
		if m.Start < 0 || m.End <= m.Start || m.End > len(art.Body) || art.Body[m.Start:m.End] != m.Text {
			res.BadMentions++
			continue
		}
		eid, err := ids.get(ctx, m.Name, m.Type)
		if err != nil {
			return res, err
		}
		touched[eid] = true
		if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (article_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)`,
			id, eid, m.Start, m.End, m.Text); err != nil {
			return res, fmt.Errorf("mention %q: %w", m.Text, err)
		}
	}
	if t := r.Tagging; t.State != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE tagging SET state = ?, model = ?, tagged_at = ?, error = ? WHERE article_id = ?`,
			t.State, t.Model, t.TaggedAt, t.Error, id); err != nil {
			return res, fmt.Errorf("tagging state: %w", err)
		}
	}
	for _, sn := range r.Snapshots {
		o := Original{ContentType: sn.ContentType, Data: sn.Data}
		if err := insertSnapshot(ctx, tx, id, sn.URL, sn.Title, sn.ContentHash, o, sn.FetchedAt); err != nil {
			return res, err
		}
	}
	return res, mergeUserWork(ctx, tx, id, r)
}

// mergeUserWork adds a record's tags, note and provenance to article id.
func mergeUserWork(ctx context.Context, tx *sql.Tx, id int64, r *ArticleRecord) error {
	if len(r.Provenance) > 0 {
		ps := make([]Provenance, len(r.Provenance))
		for i, p := range r.Provenance {
			p.ArticleID = id
			ps[i] = p
		}
		if err := addProvenance(ctx, tx, ps); err != nil {
			return fmt.Errorf("provenance: %w", err)
		}
	}
	for _, n := range r.Tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, n); err != nil {
			return fmt.Errorf("create tag %q: %w", n, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_tags (article_id, tag_id)
			SELECT ?, id FROM tags WHERE name = ? ON CONFLICT DO NOTHING`, id, n); err != nil {
			return fmt.Errorf("tag %q: %w", n, err)
		}
	}
	if r.Note == nil || r.Note.Text == "" {
		return nil
	}
	var cur string
	err := tx.QueryRowContext(ctx, `SELECT text FROM notes WHERE article_id = ?`, id).Scan(&cur)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx, `INSERT INTO notes (article_id, text, updated_at) VALUES (?, ?, ?)`,
			id, r.Note.Text, r.Note.UpdatedAt.UTC().Format(time.RFC3339Nano))
	case err == nil && !strings.Contains(cur, r.Note.Text):
		_, err = tx.ExecContext(ctx, `UPDATE notes SET text = ?, updated_at = ? WHERE article_id = ?`,
			cur+"\n\n"+r.Note.Text, time.Now().UTC().Format(time.RFC3339Nano), id)
	}
	if err != nil {
		return fmt.Errorf("note: %w", err)
	}
	return nil
}

// MergeEntityRecords records what another archive knew of entities: a confirmed
// entity is created when missing and confirmed, and every entity present
// here gains the aliases listed. Unconfirmed entities absent here are left
// out: they come with the mentions that name them.
func (s *Store) MergeEntityRecords(ctx context.Context, ents []Entity) error {
	_, err := s.MergeEntityRecordsWith(ctx, ents, MergePolicy{TouchLocal: true})
	return err
}

// MergeEntityRecordsWith is MergeEntityRecords under a policy: without
// TouchLocal, entities the archive held before the merge are left as they
// are. It returns how many records were left out so.
func (s *Store) MergeEntityRecordsWith(ctx context.Context, ents []Entity, pol MergePolicy) (int, error) {
	skipped := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		skipped = 0
		for _, e := range ents {
			id, found, err := entityNamed(ctx, tx, e.Name, e.Type)
			if err != nil {
				return err
			}
			if !found && !e.Confirmed {
				continue
			}
			if found && pol.localEntity(id) {
				skipped++
				continue
			}
			if e.Confirmed {
				if id, err = entityID(ctx, tx, e.Name, e.Type); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `UPDATE entities SET confirmed = 1 WHERE id = ?`, id); err != nil {
					return err
				}
			}
			for _, al := range e.Aliases {
				if al == e.Name {
					continue
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING`, id, al); err != nil {
					return fmt.Errorf("alias %q of %q: %w", al, e.Name, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("merge entities: %w", err)
	}
	return skipped, nil
}

// MaxEntityID returns the highest entity id, 0 when there is none.
func (s *Store) MaxEntityID(ctx context.Context) (int64, error) {
	var id int64
	if err := s.r.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM entities`).Scan(&id); err != nil {
		return 0, fmt.Errorf("highest entity id: %w", err)
	}
	return id, nil
}

// EntityExists reports whether the entity (name, typ) exists, exactly, and
// its id: for a merge's preview.
func (s *Store) EntityExists(ctx context.Context, name, typ string) (int64, bool, error) {
	var id int64
	err := s.r.QueryRowContext(ctx, `SELECT id FROM entities WHERE name = ? AND type = ?`, name, typ).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("entity %q: %w", name, err)
	}
	return id, true, nil
}

// entityNamed finds the entity (name, typ), exactly.
func entityNamed(ctx context.Context, tx *sql.Tx, name, typ string) (int64, bool, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM entities WHERE name = ? AND type = ?`, name, typ).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("entity %q: %w", name, err)
	}
	return id, true, nil
}

// MergedRule is a correction from another archive with the change it makes
// to the entities, as package corrections interprets it.
type MergedRule struct {
	Rule   PortableCorrection
	Change EntityChange
}

// MergeCorrections adds another archive's corrections that this one lacks,
// keeping their times, and carries out each one's Change where its names
// agree with an entity here (see applyChange); an added entity is found in
// the articles with ids up to maxOld (this archive's own, since the merged
// ones carry their mentions already). A rule limited to an article absent
// here is dropped. It returns how many rules were added.
func (s *Store) MergeCorrections(ctx context.Context, rs []MergedRule, maxOld int64) (int, error) {
	added := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, r := range rs {
			ok, err := s.mergeCorrection(ctx, tx, r, maxOld)
			if err != nil {
				return fmt.Errorf("%s %q: %w", r.Rule.Kind, r.Rule.Name, err)
			}
			if ok {
				added++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("merge corrections: %w", err)
	}
	return added, nil
}

func (s *Store) mergeCorrection(ctx context.Context, tx *sql.Tx, r MergedRule, maxOld int64) (bool, error) {
	c := r.Rule
	c.ArticleID = 0
	if c.ArticleHash != "" {
		err := tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE content_hash = ?`, c.ArticleHash).Scan(&c.ArticleID)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM corrections WHERE kind = ? AND name = ? AND type = ?
		AND target = ? AND target_type = ? AND coalesce(article_id, 0) = ?`,
		c.Kind, c.Name, c.Type, c.Target, c.TargetType, c.ArticleID).Scan(&n); err != nil || n > 0 {
		return false, err
	}
	var article any
	if c.ArticleID != 0 {
		article = c.ArticleID
	}
	at := c.CreatedAt
	if at.IsZero() {
		at = time.Now()
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO corrections (kind, name, type, target, target_type, article_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, c.Kind, c.Name, c.Type, c.Target, c.TargetType, article,
		at.UTC().Format(time.RFC3339)); err != nil {
		return false, err
	}
	ch := r.Change
	ch.ArticleID = c.ArticleID
	return true, s.applyChange(ctx, tx, ch, maxOld)
}

// applyAdd confirms an added entity and marks where it is written as a
// whole word in the articles with ids up to maxOld (or in its one article).
func (s *Store) applyAdd(ctx context.Context, tx *sql.Tx, c EntityChange, maxOld int64) error {
	id, err := entityID(ctx, tx, c.Name, c.Type)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE entities SET confirmed = 1 WHERE id = ?`, id); err != nil {
		return err
	}
	q := `SELECT a.id, a.body FROM articles a WHERE a.id <= ?
		AND a.id IN (` + s.d.matching() + `)`
	args := []any{maxOld, ftsPhrase(s.d, c.Name)}
	if c.ArticleID != 0 {
		q, args = q+` AND a.id = ?`, append(args, c.ArticleID)
	}
	type hit struct {
		article    int64
		start, end int
	}
	var hits []hit
	err = eachRow(ctx, tx, q, args, func(rows *sql.Rows) error {
		var aid int64
		var body string
		if err := rows.Scan(&aid, &body); err != nil {
			return err
		}
		for _, off := range WholeWordIndexes(body, c.Name) {
			hits = append(hits, hit{aid, off, off + len(c.Name)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	touched := map[int64]bool{id: true}
	for _, h := range hits {
		old, err := entityIDsOf(ctx, tx, h.article)
		if err != nil {
			return err
		}
		for _, o := range old {
			touched[o] = true
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE article_id = ? AND start < ? AND "end" > ?`, h.article, h.end, h.start); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (article_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)`,
			h.article, id, h.start, h.end, c.Name); err != nil {
			return err
		}
	}
	return refreshCounts(ctx, tx, touched)
}
