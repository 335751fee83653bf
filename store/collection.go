package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// The collections table and collection_articles: named sets of articles.

// ErrNameTaken is returned when a collection or watch is given a name
// another one has (names are compared ignoring case).
var ErrNameTaken = errors.New("name already taken")

// Collection is a named set of articles. One made from a search records the
// query, its filters (JSON, as the caller wrote them) and when it ran.
type Collection struct {
	ID            int64
	Name          string
	Description   string
	CreatedAt     time.Time
	SearchQuery   string
	SearchFilters string
	SearchAt      time.Time // zero when not made from a search
	Articles      int       // members, when listed
}

// CollectionMember is an article of a collection.
type CollectionMember struct {
	ID          int64
	Title       string
	Source      string
	Published   string
	ContentHash string
	AddedAt     time.Time
}

func parseTime(what, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: bad time %q: %w", what, s, err)
	}
	return t, nil
}

const collectionColumns = `c.id, c.name, c.description, c.created_at, c.search_query, c.search_filters, c.search_at,
	(SELECT count(*) FROM collection_articles m WHERE m.collection_id = c.id)`

func scanCollection(row interface{ Scan(...any) error }) (Collection, error) {
	var c Collection
	var created, searched string
	if err := row.Scan(&c.ID, &c.Name, &c.Description, &created, &c.SearchQuery, &c.SearchFilters, &searched,
		&c.Articles); err != nil {
		return Collection{}, err
	}
	var err error
	if c.CreatedAt, err = parseTime("collection "+c.Name, created); err != nil {
		return Collection{}, err
	}
	if c.SearchAt, err = parseTime("collection "+c.Name, searched); err != nil {
		return Collection{}, err
	}
	return c, nil
}

// CreateCollection makes a collection and returns its id; a name already
// used gives an error wrapping ErrNameTaken.
func (s *Store) CreateCollection(ctx context.Context, c Collection) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := nameFree(ctx, tx, "collections", c.Name); err != nil {
			return err
		}
		searched := ""
		if !c.SearchAt.IsZero() {
			searched = timeText(c.SearchAt)
		}
		return tx.QueryRowContext(ctx, `INSERT INTO collections (name, description, created_at, search_query,
			search_filters, search_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
			c.Name, c.Description, timeText(c.CreatedAt), c.SearchQuery, c.SearchFilters, searched).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("create collection %q: %w", c.Name, err)
	}
	return id, nil
}

// nameFree fails with ErrNameTaken when table has a row of that name.
func nameFree(ctx context.Context, tx *sql.Tx, table, name string) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE name = ? COLLATE NOCASE`, name).Scan(&one)
	switch {
	case err == nil:
		return ErrNameTaken
	case errors.Is(err, sql.ErrNoRows):
		return nil
	default:
		return err
	}
}

// Collections returns every collection with its member count, by name.
func (s *Store) Collections(ctx context.Context) ([]Collection, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+collectionColumns+` FROM collections c ORDER BY c.name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("collections: %w", err)
	}
	defer rows.Close()
	out := []Collection{}
	for rows.Next() {
		c, err := scanCollection(rows)
		if err != nil {
			return nil, fmt.Errorf("collections: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("collections: %w", err)
	}
	return out, nil
}

// CollectionByName returns a collection, its name compared ignoring case;
// ErrNotFound when there is none.
func (s *Store) CollectionByName(ctx context.Context, name string) (Collection, error) {
	c, err := scanCollection(s.r.QueryRowContext(ctx, `SELECT `+collectionColumns+` FROM collections c
		WHERE c.name = ? COLLATE NOCASE`, name))
	if err != nil {
		return Collection{}, getError(fmt.Sprintf("collection %q", name), err)
	}
	return c, nil
}

// RenameCollection renames a collection; ErrNotFound when there is none,
// ErrNameTaken when another has the new name.
func (s *Store) RenameCollection(ctx context.Context, id int64, name string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM collections WHERE name = ? COLLATE NOCASE`, name).Scan(&other)
		if err == nil && other != id {
			return ErrNameTaken
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE collections SET name = ? WHERE id = ?`, name, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("rename collection %d to %q: %w", id, name, err)
	}
	return nil
}

// SetCollectionDescription replaces a collection's description.
func (s *Store) SetCollectionDescription(ctx context.Context, id int64, desc string) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE collections SET description = ? WHERE id = ?`, desc, id); err != nil {
		return fmt.Errorf("describe collection %d: %w", id, err)
	}
	return nil
}

// DeleteCollection deletes a collection (not its articles).
func (s *Store) DeleteCollection(ctx context.Context, id int64) error {
	if _, err := s.w.ExecContext(ctx, `DELETE FROM collections WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete collection %d: %w", id, err)
	}
	return nil
}

// AddToCollection adds articles to a collection (those in it already are
// left alone) and returns how many were added. A missing article is an
// error wrapping ErrNotFound, and nothing is added.
func (s *Store) AddToCollection(ctx context.Context, id int64, articleIDs []int64, at time.Time) (int, error) {
	added := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, a := range articleIDs {
			if err := articleExists(ctx, tx, a); err != nil {
				return fmt.Errorf("article %d: %w", a, err)
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO collection_articles (collection_id, article_id, added_at)
				VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, id, a, timeText(at))
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			added += int(n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("add to collection %d: %w", id, err)
	}
	return added, nil
}

// RemoveFromCollection takes articles out of a collection and returns how
// many were in it.
func (s *Store) RemoveFromCollection(ctx context.Context, id int64, articleIDs []int64) (int, error) {
	res, err := s.w.ExecContext(ctx, `DELETE FROM collection_articles WHERE collection_id = ? AND article_id`+s.d.idsIn(),
		id, jsonIDs(articleIDs))
	if err != nil {
		return 0, fmt.Errorf("remove from collection %d: %w", id, err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// CollectionMembers returns a collection's articles in the order they were
// added.
func (s *Store) CollectionMembers(ctx context.Context, id int64) ([]CollectionMember, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.published, a.content_hash, m.added_at
		FROM collection_articles m JOIN articles a ON a.id = m.article_id
		WHERE m.collection_id = ? ORDER BY m.added_at, a.id`, id)
	if err != nil {
		return nil, fmt.Errorf("collection %d: %w", id, err)
	}
	defer rows.Close()
	out := []CollectionMember{}
	for rows.Next() {
		var m CollectionMember
		var added string
		if err := rows.Scan(&m.ID, &m.Title, &m.Source, &m.Published, &m.ContentHash, &added); err != nil {
			return nil, fmt.Errorf("collection %d: %w", id, err)
		}
		if m.AddedAt, err = parseTime(fmt.Sprintf("collection %d", id), added); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("collection %d: %w", id, err)
	}
	return out, nil
}

// ExportCollections calls f with every collection (by name) and its
// members in the scope; with a scope narrower than the whole archive,
// collections with no member in it are left out.
func (s *Store) ExportCollections(ctx context.Context, sc ExportScope, f func(Collection, []CollectionMember) error) error {
	cs, err := s.Collections(ctx)
	if err != nil {
		return err
	}
	cond, args := sc.inScope(s, "a.id")
	whole := cond == "1 = 1"
	for _, c := range cs {
		rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.title, a.source, a.published, a.content_hash, m.added_at
			FROM collection_articles m JOIN articles a ON a.id = m.article_id
			WHERE m.collection_id = ? AND `+cond+` ORDER BY m.added_at, a.id`, append([]any{c.ID}, args...)...)
		if err != nil {
			return fmt.Errorf("export collection %q: %w", c.Name, err)
		}
		ms := []CollectionMember{}
		for rows.Next() {
			var m CollectionMember
			var added string
			if err := rows.Scan(&m.ID, &m.Title, &m.Source, &m.Published, &m.ContentHash, &added); err != nil {
				rows.Close()
				return fmt.Errorf("export collection %q: %w", c.Name, err)
			}
			if m.AddedAt, err = parseTime("collection "+c.Name, added); err != nil {
				rows.Close()
				return err
			}
			ms = append(ms, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("export collection %q: %w", c.Name, err)
		}
		if len(ms) == 0 && !whole {
			continue
		}
		if err := f(c, ms); err != nil {
			return err
		}
	}
	return nil
}

// CollectionCount returns how many collections there are.
func (s *Store) CollectionCount(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM collections`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count collections: %w", err)
	}
	return n, nil
}
