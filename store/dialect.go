package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

	"github.com/newsarchive/newsarchive/store/query"
)

// dialect is what differs between SQLite and PostgreSQL: a few pieces of
// SQL and a few steps each does its own way. Everything else in this
// package is written once, against either. A Store holds one
// (sqliteDialect, dialect_sqlite.go, or pgDialect, dialect_pg.go); the
// methods taking a *Store use its connections, never its dialect's
// branches.
type dialect interface {
	// migrate brings the archive's schema up to date with the embedded
	// migrations of its backend.
	migrate(ctx context.Context, s *Store) error
	// lock takes the archive-wide lock key inside tx, for writers that must
	// take turns.
	lock(ctx context.Context, tx *sql.Tx, key lockKey) error
	// readOptions are the options of a read transaction that sees one
	// snapshot of the archive from its first statement to its end.
	readOptions() *sql.TxOptions

	// matching returns a subquery listing the ids of the articles whose
	// text matches the full-text expression given as its one parameter
	// (made by ftsExpr or ftsPhrase).
	matching() string
	// ftsOps returns the full-text expression's AND and OR.
	ftsOps() (and, or string)
	// ftsTerm renders a word or phrase, its last word a prefix when prefix
	// is set, every word quoted.
	ftsTerm(words []string, prefix bool) string
	// ftsAndNot returns an expression matching positive but not negative
	// (which is not "").
	ftsAndNot(positive, negative string) string
	// matchIDs returns the ids of the articles matching a full-text
	// expression, ascending; rankedIDs returns them best first.
	matchIDs(ctx context.Context, s *Store, match string) ([]int64, error)
	rankedIDs(ctx context.Context, s *Store, match string) ([]int64, error)
	// matchFirstIDs returns the ids of the first n articles matching, in
	// rowid order, and whether more match; a backend that cannot stop
	// early returns them all (more is then false).
	matchFirstIDs(ctx context.Context, s *Store, match string, n int) (ids []int64, more bool, err error)
	// matchAmong returns which of ids (made by jsonIDs) match the
	// expression, looking each up rather than listing every match.
	matchAmong(ctx context.Context, s *Store, match string, ids []int64) (idSet, error)
	// titleMatching returns a query listing the ids of the articles whose
	// titles alone match a full-text expression made by titleExpr (its
	// first parameter), highest id first, up to a LIMIT (the second).
	titleMatching() string
	// titleExpr makes an expression of ftsExpr match titles only.
	titleExpr(expr string) string
	// prefixWords lists up to n+1 words of the full-text index starting
	// with prefix; ok is false when the backend does not list them.
	prefixWords(ctx context.Context, s *Store, prefix string, n int) (words []string, ok bool, err error)

	// idsIn returns " IN (...)" over the ids given as one parameter made by
	// jsonIDs.
	idsIn() string
	// idList returns an aggregate joining the values of expr with commas,
	// for parseIDs; distinct drops repeated values.
	idList(expr string, distinct bool) string
	// aliasList returns a subquery joining the aliases of the entity e.id
	// with aliasSep, in alias order.
	aliasList() string
	// hasEntityTables reports whether the archive has the entity tables
	// yet (an archive made before migration 0002 has not).
	hasEntityTables(ctx context.Context, q querier) (bool, error)

	// clock returns the tagging queue's clock in unix milliseconds, as an
	// SQL expression and the arguments of its placeholders: every worker
	// of one archive must read leases against the same clock.
	clock() (string, []any)
	// rowLock returns the clause locking the rows a SELECT reads until the
	// transaction ends (" FOR UPDATE"), skipping rows another transaction
	// holds when skip is set; "" where a write transaction locks the whole
	// archive anyway.
	rowLock(skip bool) string

	// engineCheck runs the database's own checks of its files and of the
	// full-text index: a line per problem, and what the index check found
	// wrong ("" when nothing).
	engineCheck(ctx context.Context, s *Store) (problems []string, ftsProblem string, err error)
	// checkSQL returns the pieces the consistency checks are built from.
	checkSQL() checkSQL

	// backup writes a consistent SQLite copy of the archive to a new file
	// beside dest and renames it over dest.
	backup(ctx context.Context, s *Store, dest string) error
	// sameArchive reports whether a and b, both of this dialect, are one
	// archive.
	sameArchive(ctx context.Context, a, b *Store) (bool, error)
	// textProblem says why the database would refuse s as TEXT, "" when it
	// would not.
	textProblem(s string) string
	// syncIDSequence makes rows inserted later into table, whose ids were
	// written by a copy, get ids after the copied ones.
	syncIDSequence(ctx context.Context, tx *sql.Tx, table string) error
	// analyze refreshes the planner's statistics of a table just filled.
	analyze(ctx context.Context, s *Store, table string) error
}

// lockKey names an archive-wide lock a transaction may take.
type lockKey int64

const (
	noLock     lockKey = 0
	writeLock  lockKey = 0x6e657773 // "news": writers take turns, as on a SQLite file
	schemaLock lockKey = 0x6e657774 // processes opening one new archive migrate it once
)

func (k lockKey) String() string {
	switch k {
	case writeLock:
		return "write"
	case schemaLock:
		return "schema"
	}
	return fmt.Sprintf("%#x", int64(k))
}

// aliasSep separates the aliases of aliasList.
const aliasSep = "\x1f"

// ftsExpr renders a query as a full-text expression for matching: FTS5
// syntax on SQLite, tsquery on PostgreSQL. Every word is quoted, so no
// user text is ever read as an operator. positive matches the articles the
// query wants, negative those it excludes; either may be "".
func ftsExpr(d dialect, q query.Query) (positive, negative string) {
	and, or := d.ftsOps()
	var pos, neg []string
	for _, c := range q.Clauses {
		var alts []string
		for _, t := range c.Any {
			alts = append(alts, d.ftsTerm(t.Words, t.Prefix))
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

// ftsAndNot returns an expression matching positive but not negative;
// negative may be "".
func ftsAndNot(d dialect, positive, negative string) string {
	if negative == "" {
		return positive
	}
	return d.ftsAndNot(positive, negative)
}

// ftsPhrase returns an expression matching text as a phrase.
func ftsPhrase(d dialect, text string) string {
	return d.ftsTerm([]string{text}, false)
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
