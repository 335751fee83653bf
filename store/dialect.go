package store

import (
	"math"
	"strings"

	"github.com/newsarchive/newsarchive/store/query"
)

// The few pieces of SQL that differ between SQLite and PostgreSQL. Everything
// else in this package is written once.

// matching returns a subquery listing the ids of the articles whose text
// matches the full-text expression given as its one parameter (made by
// ftsExpr or ftsPhrase).
func (s *Store) matching() string {
	if s.pg {
		return `SELECT id FROM articles WHERE fts @@ to_tsquery('newsarchive', ?)`
	}
	return `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`
}

// idsIn returns " IN (...)" over the ids given as one parameter made by
// jsonIDs.
func (s *Store) idsIn() string {
	if s.pg {
		return ` IN (SELECT value::bigint FROM json_array_elements_text(?::json) AS value)`
	}
	return ` IN (SELECT value FROM json_each(?))`
}

// idList returns an aggregate joining the values of expr with commas, for
// parseIDs; distinct drops repeated values.
func (s *Store) idList(expr string, distinct bool) string {
	d := ""
	if distinct {
		d = "DISTINCT "
	}
	if s.pg {
		return `coalesce(string_agg(` + d + `(` + expr + `)::text, ','), '')`
	}
	return `coalesce(group_concat(` + d + expr + `), '')`
}

// aliasList returns a subquery joining the aliases of the entity e.id with
// aliasSep, in alias order.
func (s *Store) aliasList() string {
	if s.pg {
		return `coalesce((SELECT string_agg(alias, chr(31) ORDER BY alias) FROM entity_aliases WHERE entity_id = e.id), '')`
	}
	return `coalesce((SELECT group_concat(alias, char(31) ORDER BY alias) FROM entity_aliases WHERE entity_id = e.id), '')`
}

// aliasSep separates the aliases of aliasList.
const aliasSep = "\x1f"

// ftsExpr renders a query as a full-text expression for matching: FTS5
// syntax on SQLite, tsquery on PostgreSQL. Every word is quoted, so no
// user text is ever read as an operator. positive matches the articles the
// query wants, negative those it excludes; either may be "".
func (s *Store) ftsExpr(q query.Query) (positive, negative string) {
	and, or := " AND ", " OR "
	if s.pg {
		and, or = " & ", " | "
	}
	var pos, neg []string
	for _, c := range q.Clauses {
		var alts []string
		for _, t := range c.Any {
			alts = append(alts, s.ftsTerm(t.Words, t.Prefix))
		}
		expr := "(" + strings.Join(alts, or) + ")"
		if c.Exclude {
			neg = append(neg, expr)
		} else {
			pos = append(pos, expr)
		}
	}
	return strings.Join(pos, and), strings.Join(neg, or)
}

// ftsTerm renders a word or phrase, the last word a prefix when prefix is
// set.
func (s *Store) ftsTerm(words []string, prefix bool) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		if s.pg {
			quoted[i] = "'" + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(w) + "'"
		} else {
			quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		}
	}
	if s.pg {
		t := strings.Join(quoted, " <-> ")
		if prefix {
			t += ":*"
		}
		return t
	}
	t := strings.Join(quoted, " + ")
	if prefix {
		t += " *"
	}
	return t
}

// ftsAndNot returns an expression matching positive but not negative.
func (s *Store) ftsAndNot(positive, negative string) string {
	switch {
	case negative == "":
		return positive
	case s.pg:
		return "(" + positive + ") & !(" + negative + ")"
	default:
		return "(" + positive + ") NOT (" + negative + ")"
	}
}

// ftsPhrase returns an expression matching text as a phrase.
func (s *Store) ftsPhrase(text string) string {
	return s.ftsTerm([]string{text}, false)
}

// boolInt stores a bool as the integer both schemas keep flags in.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sqlLimit returns a LIMIT for n rows, where a negative n means all rows
// (SQLite reads LIMIT -1 so; PostgreSQL refuses a negative limit).
func sqlLimit(n int) int64 {
	if n < 0 {
		return math.MaxInt64
	}
	return int64(n)
}
