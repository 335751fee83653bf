package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Lists of ids: the IN lists and id scanners the tables' queries share.

// ExistingIDs returns which of the given ids (at most 500) name a row of
// table, which is "articles" or "entities".
func (s *Store) ExistingIDs(ctx context.Context, table string, ids []int64) (map[int64]bool, error) {
	if table != "articles" && table != "entities" {
		return nil, fmt.Errorf("existing ids: unknown table %q", table)
	}
	if len(ids) > maxIDsPerQuery {
		return nil, fmt.Errorf("existing %s: %d ids, at most %d", table, len(ids), maxIDsPerQuery)
	}
	out := map[int64]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	if table == "entities" {
		if ok, err := s.hasEntityTables(ctx); err != nil || !ok {
			return out, err
		}
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM `+table+` WHERE id IN (`+nameParams(len(ids))+`)`, nameArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("existing %s: %w", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("existing %s: %w", table, err)
		}
		out[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("existing %s: %w", table, err)
	}
	return out, nil
}

// maxIDsPerQuery bounds the ids bound in one IN list.
const maxIDsPerQuery = 500

// scanIDs reads and closes rows of one id column; what names them in errors.
func scanIDs(rows *sql.Rows, what string) ([]int64, error) {
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// nameParams returns n comma-separated placeholders.
func nameParams(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func nameArgs(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}
