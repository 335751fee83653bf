package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The tagging table: an article's tagging state, the queue of articles
// waiting for their entities, and the saving of tagging results.
//
// The tagging queue: articles waiting for their entities are the pending
// rows of the tagging table; a worker (in this process or on another
// machine) claims a batch of them with a lease (lease_owner, lease_until in
// unix milliseconds), tags them, and saves the results with SaveClaimed,
// which keeps only the rows it still holds. A worker that dies leaves its
// lease to run out, and then another worker claims the rows. So two workers
// never tag the same article at once, and an article is saved once.
//
// On PostgreSQL a claim is one statement (SELECT ... FOR UPDATE SKIP LOCKED)
// that does not take the archive's write lock, leases are read against the
// server's clock, and any number of workers claim side by side. On SQLite a
// claim is a short write transaction and leases use this machine's clock.

// QueueStatus is where the tagging queue stands.
type QueueStatus struct {
	Pending int      // waiting, claimed by no worker (or by one whose lease ran out)
	Leased  int      // claimed by a worker whose lease has not ended
	Done    int      // tagged
	Failed  int      // the tagger failed on them
	Workers []string // owners holding live leases, sorted
}

// Total counts every article of the queue.
func (q QueueStatus) Total() int { return q.Pending + q.Leased + q.Done + q.Failed }

// Waiting counts the articles not yet tagged, claimed or not.
func (q QueueStatus) Waiting() int { return q.Pending + q.Leased }

// ClaimTagging leases up to limit pending articles, oldest first, to owner
// for lease, and returns them with their bodies in id order. Articles whose
// lease is live are skipped; so, on PostgreSQL, are rows another claim is
// taking at the same moment. No rows is not an error: the result is empty.
func (s *Store) ClaimTagging(ctx context.Context, owner string, limit int, lease time.Duration) ([]TagJob, error) {
	if owner == "" || limit <= 0 || lease <= 0 {
		return nil, fmt.Errorf("claim tagging: need an owner, a positive limit and a positive lease (got %q, %d, %s)", owner, limit, lease)
	}
	jobs := []TagJob{}
	now, nowArgs := s.d.clock()
	args := append(append(append(append([]any{owner}, nowArgs...), lease.Milliseconds()), nowArgs...), int64(limit))
	claim := func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `UPDATE tagging SET lease_owner = ?, lease_until = `+now+` + ?
			WHERE article_id IN (SELECT article_id FROM tagging
				WHERE state = 'pending' AND lease_until < `+now+`
				ORDER BY article_id LIMIT ?`+s.d.rowLock(true)+`)
			RETURNING article_id`, args...)
		if err != nil {
			return err
		}
		ids, err := scanIDs(rows, "claimed rows")
		if err != nil || len(ids) == 0 {
			return err
		}
		jobs, err = jobsOf(ctx, tx, s.d.idsIn(), ids)
		return err
	}
	err := s.inQueueTx(ctx, claim) // no write lock: SKIP LOCKED keeps claims apart
	if err != nil {
		return nil, fmt.Errorf("claim tagging: %w", err)
	}
	return jobs, nil
}

// ExtendLease renews, for lease from now, the leases owner still holds on
// the pending articles ids (on all its pending articles when ids is nil),
// and returns those it holds, in order. Rows another worker has claimed
// since owner's lease ran out are no longer owner's and are not among them.
func (s *Store) ExtendLease(ctx context.Context, owner string, ids []int64, lease time.Duration) ([]int64, error) {
	if owner == "" || lease <= 0 {
		return nil, fmt.Errorf("extend lease: need an owner and a positive lease (got %q, %s)", owner, lease)
	}
	now, args := s.d.clock()
	until := now + " + ?"
	args = append(args, lease.Milliseconds(), owner)
	which := ""
	if ids != nil {
		which = " AND article_id" + s.d.idsIn()
		args = append(args, jsonIDs(ids))
	}
	var held []int64
	extend := func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `UPDATE tagging SET lease_until = `+until+`
			WHERE lease_owner = ? AND state = 'pending'`+which+` RETURNING article_id`, args...)
		if err != nil {
			return err
		}
		held, err = scanIDs(rows, "leases")
		return err
	}
	err := s.inQueueTx(ctx, extend)
	if err != nil {
		return nil, fmt.Errorf("extend lease of %s: %w", owner, err)
	}
	slices.Sort(held)
	return held, nil
}

// ReleaseTagging gives back the leases owner holds on pending articles, so
// that other workers claim them at once, and returns how many it gave back.
// A worker stopping cleanly calls it.
func (s *Store) ReleaseTagging(ctx context.Context, owner string) (int, error) {
	var n int64
	release := func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE tagging SET lease_owner = '', lease_until = 0
			WHERE lease_owner = ? AND state = 'pending'`, owner)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	}
	err := s.inQueueTx(ctx, release)
	if err != nil {
		return 0, fmt.Errorf("release leases of %s: %w", owner, err)
	}
	return int(n), nil
}

// SaveClaimed stores the results of tagging articles owner claimed, as
// SaveTagged does, but only of those still pending and leased by owner:
// their rows are locked first, so no claim or other save changes them
// meanwhile. Results for articles whose lease another worker has taken
// over (or that were deleted, or saved already) are dropped, so an article
// is never saved twice. It returns the ids saved, in order.
func (s *Store) SaveClaimed(ctx context.Context, owner string, results []Tagged) ([]int64, error) {
	if owner == "" {
		return nil, errors.New("save tagging: no owner")
	}
	if len(results) == 0 {
		return []int64{}, nil
	}
	ids := make([]int64, len(results))
	for i, r := range results {
		ids[i] = r.ArticleID
	}
	var saved []int64
	now := time.Now().UTC().Format(time.RFC3339)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT article_id FROM tagging WHERE article_id`+s.d.idsIn()+`
			AND state = 'pending' AND lease_owner = ? ORDER BY article_id`+s.d.rowLock(false), jsonIDs(ids), owner)
		if err != nil {
			return err
		}
		held, err := scanIDs(rows, "held rows")
		if err != nil {
			return err
		}
		keep := make(map[int64]bool, len(held))
		for _, id := range held {
			keep[id] = true
		}
		kept := make([]Tagged, 0, len(held))
		for _, r := range results {
			if keep[r.ArticleID] {
				kept = append(kept, r)
				delete(keep, r.ArticleID) // a result given twice is saved once
			}
		}
		if err := writeTagged(ctx, tx, kept, now); err != nil {
			return err
		}
		saved = make([]int64, len(kept))
		for i, r := range kept {
			saved[i] = r.ArticleID
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("save tagging of %s: %w", owner, err)
	}
	slices.Sort(saved)
	return saved, nil
}

// QueueStatus counts the queue's articles by state and lists the workers
// holding live leases.
func (s *Store) QueueStatus(ctx context.Context) (QueueStatus, error) {
	now, nowArgs := s.d.clock() // one instant for both queries
	var q QueueStatus
	err := s.r.QueryRowContext(ctx, `SELECT
			count(*) FILTER (WHERE state = 'pending' AND lease_until < `+now+`),
			count(*) FILTER (WHERE state = 'pending' AND lease_until >= `+now+`),
			count(*) FILTER (WHERE state = 'done'),
			count(*) FILTER (WHERE state = 'failed')
		FROM tagging`, append(slices.Clone(nowArgs), nowArgs...)...).Scan(&q.Pending, &q.Leased, &q.Done, &q.Failed)
	if err != nil {
		return QueueStatus{}, fmt.Errorf("queue status: %w", err)
	}
	q.Workers = []string{}
	if q.Leased == 0 {
		return q, nil
	}
	rows, err := s.r.QueryContext(ctx, `SELECT DISTINCT lease_owner FROM tagging
		WHERE state = 'pending' AND lease_until >= `+now+` ORDER BY lease_owner`, nowArgs...)
	if err != nil {
		return QueueStatus{}, fmt.Errorf("queue workers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return QueueStatus{}, fmt.Errorf("queue workers: %w", err)
		}
		q.Workers = append(q.Workers, w)
	}
	if err := rows.Err(); err != nil {
		return QueueStatus{}, fmt.Errorf("queue workers: %w", err)
	}
	return q, nil
}

// jobsOf reads the bodies of the articles ids (a cond made by idsIn), in id
// order; articles deleted meanwhile are left out.
func jobsOf(ctx context.Context, tx *sql.Tx, in string, ids []int64) ([]TagJob, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, body FROM articles WHERE id`+in+` ORDER BY id`, jsonIDs(ids))
	if err != nil {
		return nil, fmt.Errorf("bodies: %w", err)
	}
	return scanJobs(rows, "bodies")
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
	Mentions  []Mention // Name, Type, Text, Start, End, Cue are used
	Err       error
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
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE tagging SET state = 'pending'`)
		return err
	})
	if err != nil {
		return fmt.Errorf("reset tagging: %w", err)
	}
	return nil
}

// SaveTagged stores the results of tagging several articles in one
// transaction: each article's mentions replace its old ones, entities are
// created as needed, and the counts of every entity touched are refreshed.
// An article deleted meanwhile is skipped.
func (s *Store) SaveTagged(ctx context.Context, results []Tagged) error {
	now := time.Now().UTC().Format(time.RFC3339)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return writeTagged(ctx, tx, results, now)
	})
	if err != nil {
		return fmt.Errorf("save tagging: %w", err)
	}
	return nil
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
			if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (article_id, entity_id, start, "end", text, tag_name, tag_type, tag_cue)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ArticleID, eid, m.Start, m.End, m.Text, m.Name, m.Type, m.Cue); err != nil {
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

// FailedTag is an article the tagger failed on, with the reason.
type FailedTag struct {
	ArticleID int64
	Title     string
	Error     string
}

// FailedTagging returns up to limit articles whose tagging failed, newest
// first, with the reason; they stay failed (no worker claims them again)
// until a retag.
func (s *Store) FailedTagging(ctx context.Context, limit int) ([]FailedTag, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.title, t.error FROM tagging t JOIN articles a ON a.id = t.article_id
		WHERE t.state = 'failed' ORDER BY t.article_id DESC LIMIT ?`, sqlLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("failed tagging: %w", err)
	}
	defer rows.Close()
	var out []FailedTag
	for rows.Next() {
		var f FailedTag
		if err := rows.Scan(&f.ArticleID, &f.Title, &f.Error); err != nil {
			return nil, fmt.Errorf("failed tagging: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("failed tagging: %w", err)
	}
	return out, nil
}
