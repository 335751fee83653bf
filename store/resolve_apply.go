package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// The resolution reads and decides outside the write lock. Whether the
// evidence changed between the read snapshot and the write transaction
// that applies the decision is told by a watermark of the archive: the
// highest mention id and the number of mentions (a batch saved, an article
// retagged, removed or merged in), the latest tagging time and the
// number of articles, and the highest correction id with the number of
// confirmed entities (a user's correction). Resolution itself changes none
// of them: it moves mentions between unconfirmed entities.

// watermark is what the resolution checks the archive's evidence by.
type watermark struct {
	maxMention, mentions, articles int64
	taggedAt                       string
	maxCorrection, confirmed       int64
}

// String is how the resolution table keeps a watermark.
func (w watermark) String() string {
	return fmt.Sprintf("%d/%d/%d/%s/%d/%d", w.maxMention, w.mentions, w.articles, w.taggedAt, w.maxCorrection, w.confirmed)
}

// resolvedAt reads the watermark the archive's last resolution applied
// its decision at ("" for none; the resolution table, migration 0012).
func resolvedAt(ctx context.Context, tx *sql.Tx) (string, error) {
	var at string
	err := tx.QueryRowContext(ctx, `SELECT watermark FROM resolution WHERE id = 1`).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("last resolution: %w", err)
	}
	return at, nil
}

// readWatermark reads the archive's watermark in tx.
func readWatermark(ctx context.Context, tx *sql.Tx) (watermark, error) {
	var w watermark
	err := tx.QueryRowContext(ctx, `SELECT
			(SELECT coalesce(max(id), 0) FROM mentions),
			(SELECT count(*) FROM mentions),
			(SELECT count(*) FROM articles),
			(SELECT coalesce(max(tagged_at), '') FROM tagging),
			(SELECT coalesce(max(id), 0) FROM corrections),
			(SELECT count(*) FROM entities WHERE confirmed = 1)`).
		Scan(&w.maxMention, &w.mentions, &w.articles, &w.taggedAt, &w.maxCorrection, &w.confirmed)
	if err != nil {
		return w, fmt.Errorf("evidence watermark: %w", err)
	}
	return w, nil
}

// ErrResolveOutpaced is ResolveArchiveStats' report that the archive's
// evidence changed under every one of its tries: whoever changed it (a
// tagging worker) resolves again, or the caller tries later.
var ErrResolveOutpaced = errors.New("the archive changed during every try; resolve again later")

// resolveTries is how many times a resolution starts over when the
// evidence changed before its decision could be applied.
const resolveTries = 4

// ResolveStats is what one resolution did and how long it held the write
// lock.
type ResolveStats struct {
	Changed  []int64       // entities whose mentions changed
	Skipped  bool          // the evidence had not changed since the archive's last resolution
	Tries    int           // read-decide-apply rounds (the evidence changed under all but the last)
	Read     time.Duration // reading the evidence (read snapshot)
	Decide   time.Duration // deciding (no lock)
	Locked   time.Duration // the write transaction: watermark check and moves
	Names    int           // tagged names decided
	Moved    int           // (name, type, entity) groups of mentions moved
	Evidence int           // places of tagged mentions read
}

// ResolveArchiveStats is ResolveArchive, reporting what it did. With
// ifChanged it does nothing when the archive's evidence watermark is the
// one its last resolution (by any process) applied its decision at (the same
// evidence gives the same entities, so there is nothing to re-decide).
func (s *Store) ResolveArchiveStats(ctx context.Context, decide func([]NameEvidence) []NameResolution, ifChanged bool) (ResolveStats, error) {
	var st ResolveStats
	for st.Tries < resolveTries {
		st.Tries++
		done, err := s.resolveOnce(ctx, decide, ifChanged, &st)
		if err != nil {
			return st, fmt.Errorf("resolve archive: %w", err)
		}
		if done {
			slices.Sort(st.Changed)
			return st, nil
		}
	}
	return st, fmt.Errorf("resolve archive: %w", ErrResolveOutpaced)
}

// resolveOnce reads the evidence in a snapshot, decides, and applies the
// moves unless the watermark moved meanwhile (done false).
func (s *Store) resolveOnce(ctx context.Context, decide func([]NameEvidence) []NameResolution, ifChanged bool, st *ResolveStats) (bool, error) {
	start := time.Now()
	var (
		mark   watermark
		evs    []NameEvidence
		places []mentionPlace
	)
	skip := false
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		if mark, err = readWatermark(ctx, tx); err != nil {
			return err
		}
		if ifChanged {
			at, err := resolvedAt(ctx, tx)
			if err != nil {
				return err
			}
			if skip = at == mark.String(); skip {
				return nil
			}
		}
		evs, places, err = archiveEvidence(ctx, tx)
		return err
	})
	st.Read += time.Since(start)
	if err != nil || skip {
		st.Skipped = skip
		return err == nil, err
	}
	start = time.Now()
	to := map[string]map[string]EntityKey{}
	for _, r := range decide(evs) {
		to[r.Name] = r.To
	}
	type move struct {
		mentionPlace
		dest EntityKey
	}
	var moves []move
	for _, p := range places {
		if dest, ok := to[p.name][p.typ]; ok && dest != p.at {
			moves = append(moves, move{p, dest})
		}
	}
	st.Names, st.Evidence, st.Moved = len(evs), len(places), len(moves)
	evs, places, to = nil, nil, nil
	st.Decide += time.Since(start)

	start = time.Now()
	defer func() { st.Locked += time.Since(start) }()
	stale := false
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		st.Changed, stale = nil, false
		now, err := readWatermark(ctx, tx)
		if err != nil {
			return err
		}
		if now != mark {
			stale = true
			return nil
		}
		touched := map[int64]bool{}
		ids := newEntityCache(tx)
		for _, m := range moves {
			if err := moveTagged(ctx, tx, ids, m.name, m.typ, m.id, m.dest, touched); err != nil {
				return err
			}
		}
		for id := range touched {
			st.Changed = append(st.Changed, id)
		}
		if err := refreshCounts(ctx, tx, touched); err != nil {
			return err
		}
		// Kept in the archive, so that another process (the next CLI
		// command, the GUI) knows this evidence is resolved.
		if _, err := tx.ExecContext(ctx, `INSERT INTO resolution (id, watermark) VALUES (1, ?)
			ON CONFLICT (id) DO UPDATE SET watermark = excluded.watermark`, mark.String()); err != nil {
			return fmt.Errorf("record the resolution: %w", err)
		}
		return nil
	})
	if err != nil || stale {
		return false, err
	}
	return true, nil
}
