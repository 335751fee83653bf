package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

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
}

// TagJob is an article waiting for its entities.
type TagJob struct {
	ArticleID int64
	Body      string
}

// Tagged is what tagging found in one article: mentions naming entities by
// name and type (created when new), or the error that stopped it.
type Tagged struct {
	ArticleID int64
	Model     string
	Mentions  []Mention // Name, Type, Text, Start, End are used
	Err       error
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
	return out, rows.Err()
}

// PendingTagging returns up to limit articles waiting for tagging, oldest
// first, with ids above afterID.
func (s *Store) PendingTagging(ctx context.Context, afterID int64, limit int) ([]TagJob, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.body FROM tagging t JOIN articles a ON a.id = t.article_id
		WHERE t.state = 'pending' AND t.article_id > ? ORDER BY t.article_id LIMIT ?`, afterID, sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("pending tagging: %w", err)
	}
	return scanJobs(rows, "pending tagging")
}

// scanJobs reads and closes rows of article id and body.
func scanJobs(rows *sql.Rows, what string) ([]TagJob, error) {
	defer rows.Close()
	var out []TagJob
	for rows.Next() {
		var j TagJob
		if err := rows.Scan(&j.ArticleID, &j.Body); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// TaggingProgress counts the articles tagged (or failed) and all articles.
func (s *Store) TaggingProgress(ctx context.Context) (done, total int, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE state != 'pending'), count(*) FROM tagging`).
		Scan(&done, &total)
	if err != nil {
		return 0, 0, fmt.Errorf("tagging progress: %w", err)
	}
	return done, total, nil
}

// ResetTagging marks every article as waiting for tagging again.
func (s *Store) ResetTagging(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE tagging SET state = 'pending'`)
		return err
	})
}

// SaveTagged stores the results of tagging several articles in one
// transaction: each article's mentions replace its old ones, entities are
// created as needed, and the counts of every entity touched are refreshed.
// An article deleted meanwhile is skipped.
func (s *Store) SaveTagged(ctx context.Context, results []Tagged) error {
	now := time.Now().UTC().Format(time.RFC3339)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return writeTagged(ctx, tx, results, now)
	})
}

// writeTagged writes the results of tagging within a write transaction:
// each article's mentions replace its old ones, its tagging row records the
// outcome (and its lease ends), and the counts of every entity touched are
// refreshed. An article deleted meanwhile is skipped.
func writeTagged(ctx context.Context, tx *sql.Tx, results []Tagged, now string) error {
	touched := map[int64]bool{}
	ids := newEntityCache(tx)
	for _, r := range results {
		old, err := entityIDsOf(ctx, tx, r.ArticleID)
		if err != nil {
			return err
		}
		for _, id := range old {
			touched[id] = true
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE article_id = ?`, r.ArticleID); err != nil {
			return fmt.Errorf("clear mentions of article %d: %w", r.ArticleID, err)
		}
		state, msg := "done", ""
		if r.Err != nil {
			state, msg = "failed", r.Err.Error()
		}
		res, err := tx.ExecContext(ctx, `UPDATE tagging SET state = ?, model = ?, tagged_at = ?, error = ?,
			lease_until = 0 WHERE article_id = ?`, state, r.Model, now, msg, r.ArticleID)
		if err != nil {
			return fmt.Errorf("tagging state of article %d: %w", r.ArticleID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 || r.Err != nil {
			continue
		}
		for _, m := range r.Mentions {
			eid, err := ids.get(ctx, m.Name, m.Type)
			if err != nil {
				return err
			}
			touched[eid] = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (article_id, entity_id, start, "end", text)
				VALUES (?, ?, ?, ?, ?)`, r.ArticleID, eid, m.Start, m.End, m.Text); err != nil {
				return fmt.Errorf("mention %q in article %d: %w", m.Text, r.ArticleID, err)
			}
			if !strings.EqualFold(m.Text, m.Name) {
				if _, err := tx.ExecContext(ctx, `INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING`,
					eid, m.Text); err != nil {
					return fmt.Errorf("alias %q: %w", m.Text, err)
				}
			}
		}
	}
	return refreshCounts(ctx, tx, touched)
}

func entityIDsOf(ctx context.Context, tx *sql.Tx, articleID int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT entity_id FROM mentions WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, fmt.Errorf("entities of article %d: %w", articleID, err)
	}
	return scanIDs(rows, fmt.Sprintf("entities of article %d", articleID))
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
