package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/store/query"
)

// Prefixes longer than the prefix indexes (migration 0005 indexes 2 and 3
// letters) are answered by FTS5 by merging the postings of every word they
// start, whole, each time the expression is set up: once for a listing, but
// once per article looked up by largeSearch (10 ms each for "econ*" at 100k
// articles). Such a prefix is replaced by the words of the index it stands
// for, ORed, which FTS5 looks up and streams like any word; the
// vocabulary table (migration 0010) lists them in a few milliseconds.
const (
	indexedPrefix  = 3  // the longest prefix index, in letters
	maxPrefixWords = 64 // a prefix standing for more words stays a prefix
)

// expandPrefixes returns q with its one-word prefixes longer than the
// prefix indexes replaced by the words they stand for, and slow set when a
// prefix is left that FTS5 answers by merging postings (a phrase ending in
// one, a word other than plain ASCII letters and digits, or one standing
// for more than maxPrefixWords words): such a search is never looked up
// article by article.
func (s *Store) expandPrefixes(ctx context.Context, q query.Query) (out query.Query, slow bool, err error) {
	out = query.Query{Clauses: make([]query.Clause, len(q.Clauses))}
	for i, c := range q.Clauses {
		out.Clauses[i] = query.Clause{Exclude: c.Exclude}
		for _, t := range c.Any {
			last := t.Words[len(t.Words)-1]
			if !t.Prefix || utf8.RuneCountInString(last) <= indexedPrefix {
				out.Clauses[i].Any = append(out.Clauses[i].Any, t)
				continue
			}
			words, ok := []string(nil), false
			if len(t.Words) == 1 && plainWord(last) {
				if words, ok, err = s.d.prefixWords(ctx, s, last, maxPrefixWords); err != nil {
					return query.Query{}, false, err
				}
			}
			if !ok || len(words) == 0 || len(words) > maxPrefixWords {
				// No word: FTS5 finds none quickly. Otherwise it merges.
				slow = slow || !ok || len(words) > 0
				out.Clauses[i].Any = append(out.Clauses[i].Any, t)
				continue
			}
			for _, w := range words {
				out.Clauses[i].Any = append(out.Clauses[i].Any, query.Term{Words: []string{w}})
			}
		}
	}
	return out, slow, nil
}

// plainWord reports whether w is lower-case ASCII letters and digits only:
// a word the full-text tokenizer leaves as it is.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return w != ""
}

// prefixWords lists up to n+1 words of the index starting with prefix
// (ascending): more than n says there are more.
func (sqliteDialect) prefixWords(ctx context.Context, s *Store, prefix string, n int) ([]string, bool, error) {
	var words []string
	err := eachRow(ctx, s.r, `SELECT term FROM articles_fts_vocab WHERE term >= ? AND term < ? LIMIT ?`,
		[]any{prefix, prefix + "\U0010FFFF", n + 1}, func(rows *sql.Rows) error {
			var w string
			if err := rows.Scan(&w); err != nil {
				return err
			}
			if strings.HasPrefix(w, prefix) {
				words = append(words, w)
			}
			return nil
		})
	if err != nil {
		return nil, false, fmt.Errorf("search: words starting %q: %w", prefix, err)
	}
	return slices.Clip(words), true, nil
}

// prefixWords: PostgreSQL's GIN index answers prefixes itself.
func (pgDialect) prefixWords(context.Context, *Store, string, int) ([]string, bool, error) {
	return nil, false, nil
}
