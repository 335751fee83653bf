package store

import (
	"context"
	"fmt"
	"strings"
	"unicode"
)

// VerifyArticles checks that every stored article is whole: its content hash
// is hash(title, body), it has its original bytes, and the full-text index
// finds it by a word of its text. It returns one line per problem found;
// none means every article is whole. Check covers the file and index as a
// whole; VerifyArticles looks at each article.
func (s *Store) VerifyArticles(ctx context.Context, hash func(title, body string) string) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.title, a.body, a.content_hash, o.article_id IS NOT NULL
		FROM articles a LEFT JOIN originals o ON o.article_id = a.id ORDER BY a.id`)
	if err != nil {
		return nil, fmt.Errorf("verify articles: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var id int64
		var title, body, stored string
		var hasOriginal bool
		if err := rows.Scan(&id, &title, &body, &stored, &hasOriginal); err != nil {
			return nil, fmt.Errorf("verify articles: %w", err)
		}
		if got := hash(title, body); got != stored {
			problems = append(problems, fmt.Sprintf("article %d: content hash %.12s… does not match its text (%.12s…)", id, stored, got))
		}
		if !hasOriginal {
			problems = append(problems, fmt.Sprintf("article %d: no original", id))
		}
		indexed, err := s.indexed(ctx, id, title+" "+body)
		if err != nil {
			return nil, fmt.Errorf("verify article %d: %w", id, err)
		}
		if !indexed {
			problems = append(problems, fmt.Sprintf("article %d: not in the full-text index", id))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("verify articles: %w", err)
	}
	return problems, nil
}

// indexed reports whether the full-text index holds article id under the
// longest word of its text spelt in plain ASCII letters and digits. Text
// without such a word counts as indexed.
func (s *Store) indexed(ctx context.Context, id int64, text string) (bool, error) {
	word := ""
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	}) {
		if len(w) > len(word) && isPlainWord(w) {
			word = w
		}
	}
	if word == "" {
		return true, nil
	}
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = ? AND id IN (`+s.d.matching()+`)`,
		id, ftsPhrase(s.d, word)).Scan(&n)
	return n > 0, err
}

func isPlainWord(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
