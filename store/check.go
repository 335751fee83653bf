package store

import (
	"context"
	"database/sql"
	"fmt"
)

// maxListed is how many examples Check names for one kind of problem.
const maxListed = 10

// Check runs SQLite's integrity check and the full-text index's own check
// (on PostgreSQL, whose page checks need a superuser and whose full-text
// column is generated from the text, neither), then the archive's
// consistency checks: every article has its original and its tagging row,
// every mention lies inside its article's body and its text is
// body[start:end], no row points at a missing article, entity or tag, and
// entities' article and mention counts agree with their mentions. It returns
// one line per problem found (naming up to maxListed examples of each);
// none means the archive is sound.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	problems, ftsProblem, err := s.d.engineCheck(ctx, s)
	if err != nil {
		return nil, err
	}
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		if ftsProblem != "" {
			line := "full-text index: " + ftsProblem
			missing, err := runCheck(ctx, tx, ftsMissing)
			if err != nil {
				return fmt.Errorf("check %s: %w", ftsMissing.what, err)
			}
			if len(missing) > 0 {
				line += "; " + missing[0]
			}
			problems = append(problems, line)
		}
		for _, c := range s.consistencyChecks() {
			found, err := runCheck(ctx, tx, c)
			if err != nil {
				return fmt.Errorf("check %s: %w", c.what, err)
			}
			problems = append(problems, found...)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return problems, nil
}

// consistencyCheck is a query whose rows are problems: an id and a detail.
// what describes one problem; count is the summary line's format, taking
// the number of problems.
type consistencyCheck struct {
	what  string
	count string
	query string
}

// checkSQL is what the consistency checks write differently on each
// backend: text as UTF-8 bytes (mention offsets count bytes), a bytes slice
// shown as text, a printf-like function with its quoting of a string
// argument, the function quoting a column, and the key listed for an
// alias row.
type checkSQL struct {
	bytes, shown                    func(x string) string
	format, quoted, quote, aliasKey string
}

// consistencyChecks returns the checks in the archive's SQL dialect: text
// as UTF-8 bytes (mention offsets count bytes), a bytes slice shown as text,
// SQL quoting in format() and of a column, and the key listed for an
// alias row.
func (s *Store) consistencyChecks() []consistencyCheck {
	d := s.d.checkSQL()
	bytes, shown, format, quoted, quote, aliasKey := d.bytes, d.shown, d.format, d.quoted, d.quote, d.aliasKey
	bodyLen := `length(` + bytes(`a.body`) + `)`
	mentioned := `substr(` + bytes(`a.body`) + `, m.start + 1, m.end - m.start)`
	return []consistencyCheck{
		{"originals", "%d articles have no original",
			`SELECT a.id, '' FROM articles a LEFT JOIN originals o ON o.article_id = a.id WHERE o.article_id IS NULL ORDER BY a.id`},
		{"tagging rows", "%d articles have no tagging row",
			`SELECT a.id, '' FROM articles a LEFT JOIN tagging t ON t.article_id = a.id WHERE t.article_id IS NULL ORDER BY a.id`},
		{"mention bounds", "%d mentions point outside their article's body",
			`SELECT m.id, ` + format + `('article %s, bytes %s-%s of %s', m.article_id, m.start, m.end, ` + bodyLen + `)
			FROM mentions m JOIN articles a ON a.id = m.article_id
			WHERE m.start < 0 OR m.end <= m.start OR m.end > ` + bodyLen + ` ORDER BY m.id`},
		{"mention texts", "%d mentions do not match their article's text",
			`SELECT m.id, ` + format + `('article %s: ` + quoted + ` at %s-%s reads ` + quoted + `', m.article_id, m.text, m.start, m.end,
				` + shown(mentioned) + `)
			FROM mentions m JOIN articles a ON a.id = m.article_id
			WHERE m.start >= 0 AND m.end > m.start AND m.end <= ` + bodyLen + `
			AND ` + mentioned + ` != ` + bytes(`m.text`) + ` ORDER BY m.id`},
		{"orphan rows", "%d rows point at a missing article, entity or tag",
			`SELECT article_id, 'originals of article ' || article_id FROM originals WHERE article_id NOT IN (SELECT id FROM articles)
			UNION ALL SELECT id, 'mention of missing article ' || article_id FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)
			UNION ALL SELECT id, 'mention of missing entity ' || entity_id FROM mentions WHERE entity_id NOT IN (SELECT id FROM entities)
			UNION ALL SELECT ` + aliasKey + `, 'alias ' || ` + quote + `(alias) || ' of missing entity ' || entity_id FROM entity_aliases
				WHERE entity_id NOT IN (SELECT id FROM entities)
			UNION ALL SELECT article_id, 'tagging row of missing article' FROM tagging WHERE article_id NOT IN (SELECT id FROM articles)
			UNION ALL SELECT article_id, 'tag on missing article' FROM article_tags WHERE article_id NOT IN (SELECT id FROM articles)
			UNION ALL SELECT article_id, 'missing tag ' || tag_id FROM article_tags WHERE tag_id NOT IN (SELECT id FROM tags)
			UNION ALL SELECT article_id, 'note on missing article' FROM notes WHERE article_id NOT IN (SELECT id FROM articles)
			UNION ALL SELECT id, 'snapshot of missing article ' || article_id FROM snapshots WHERE article_id NOT IN (SELECT id FROM articles)
			UNION ALL SELECT article_id, 'fingerprint of missing article' FROM fingerprints WHERE article_id NOT IN (SELECT id FROM articles)
			UNION ALL SELECT id, 'correction on missing article ' || article_id FROM corrections
				WHERE article_id IS NOT NULL AND article_id NOT IN (SELECT id FROM articles)`},
		{"entity counts", "%d entities' article or mention counts disagree with their mentions",
			`SELECT e.id, ` + format + `('` + quoted + ` (%s): counted %s articles, %s mentions; found %s, %s', e.name, e.type, e.articles, e.mentions,
				coalesce(c.articles, 0), coalesce(c.mentions, 0))
			FROM entities e LEFT JOIN (SELECT entity_id, count(DISTINCT article_id) AS articles, count(*) AS mentions
				FROM mentions GROUP BY entity_id) c ON c.entity_id = e.id
			WHERE e.articles != coalesce(c.articles, 0) OR e.mentions != coalesce(c.mentions, 0) ORDER BY e.id`},
	}
}

// ftsMissing names the articles the SQLite full-text index lacks, to
// explain a failed FTS5 integrity check.
var ftsMissing = consistencyCheck{"full-text rows", "%d articles are missing from it",
	`SELECT a.id, '' FROM articles a WHERE a.id NOT IN (SELECT id FROM articles_fts_docsize) ORDER BY a.id`}

// runCheck runs one consistency check and sums up what it found in one
// line: the count, then up to maxListed ids with their details.
func runCheck(ctx context.Context, tx *sql.Tx, c consistencyCheck) ([]string, error) {
	n := 0
	var examples string
	err := eachRow(ctx, tx, c.query, nil, func(rows *sql.Rows) error {
		var id int64
		var detail string
		if err := rows.Scan(&id, &detail); err != nil {
			return err
		}
		n++
		if n <= maxListed {
			if examples != "" {
				examples += "; "
			}
			examples += fmt.Sprint(id)
			if detail != "" {
				examples += " (" + detail + ")"
			}
		} else if n == maxListed+1 {
			examples += "; …"
		}
		return nil
	})
	if err != nil || n == 0 {
		return nil, err
	}
	return []string{fmt.Sprintf(c.count, n) + ": " + examples}, nil
}
