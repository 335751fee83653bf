// Package query parses the search syntax people type — words, "exact
// phrases", -exclusions, prefix*, OR — into a small tree that every store
// backend renders in its own full-text dialect. Parsing never fails: stray
// operators, unbalanced quotes and punctuation are read as a person means
// them or dropped.
package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxLength is the longest query text read; the rest is ignored.
const MaxLength = 1000

// maxTerms bounds the number of terms in a query.
const maxTerms = 32

// Term is a word, a word prefix or a phrase, as lower-case words.
type Term struct {
	Words  []string
	Prefix bool // the last word is a prefix
}

// Clause is one or more terms joined by OR.
type Clause struct {
	Any     []Term
	Exclude bool // the clause must not match
}

// Query is a conjunction of clauses.
type Query struct {
	Clauses []Clause
}

// Empty reports whether the query has no terms.
func (q Query) Empty() bool { return len(q.Clauses) == 0 }

// Positive reports whether the query has a clause that must match.
func (q Query) Positive() bool {
	for _, c := range q.Clauses {
		if !c.Exclude {
			return true
		}
	}
	return false
}

type token struct {
	text    string
	phrase  bool
	exclude bool
}

// Parse reads a query as typed. Operators (OR, AND, NOT) act only between
// words; a query of nothing but operators searches for them as words.
func Parse(s string) Query {
	if len(s) > MaxLength {
		s = s[:MaxLength]
	}
	s = strings.ToValidUTF8(s, " ")
	toks := tokenize(s)
	q := parse(toks)
	if !q.Positive() {
		for i := range toks {
			toks[i].phrase = toks[i].phrase || isOperator(toks[i].text)
		}
		if words := parse(toks); words.Positive() {
			return words
		}
	}
	return q
}

func isOperator(s string) bool {
	switch s {
	case "OR", "|", "AND", "&", "&&", "NOT":
		return true
	}
	return false
}

func parse(toks []token) Query {
	var q Query
	orNext := false
	excludeNext := false
	for i, t := range toks {
		if !t.phrase && !t.exclude && isOperator(t.text) {
			switch t.text {
			case "OR", "|":
				orNext = len(q.Clauses) > 0 && i < len(toks)-1
				continue
			case "AND", "&", "&&":
				continue
			case "NOT":
				excludeNext = i < len(toks)-1
				continue
			}
		}
		term, ok := makeTerm(t)
		if !ok {
			continue
		}
		exclude := t.exclude || excludeNext
		excludeNext = false
		if orNext && !exclude {
			last := &q.Clauses[len(q.Clauses)-1]
			if !last.Exclude {
				last.Any = append(last.Any, term)
				orNext = false
				continue
			}
		}
		orNext = false
		if len(q.Clauses) < maxTerms {
			q.Clauses = append(q.Clauses, Clause{Any: []Term{term}, Exclude: exclude})
		}
	}
	return q
}

func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		exclude := false
		if r == '-' && i+1 < len(s) {
			if n, _ := utf8.DecodeRuneInString(s[i+1:]); !unicode.IsSpace(n) {
				exclude = true
				i++
				r, size = utf8.DecodeRuneInString(s[i:])
			}
		}
		if r == '"' || r == '“' || r == '”' {
			i += size
			end := strings.IndexAny(s[i:], "\"“”")
			if end < 0 {
				end = len(s) - i
			}
			toks = append(toks, token{text: s[i : i+end], phrase: true, exclude: exclude})
			i += end
			if i < len(s) {
				_, q := utf8.DecodeRuneInString(s[i:])
				i += q
			}
			continue
		}
		end := strings.IndexFunc(s[i:], func(r rune) bool { return unicode.IsSpace(r) || r == '"' || r == '“' || r == '”' })
		if end < 0 {
			end = len(s) - i
		}
		toks = append(toks, token{text: s[i : i+end], exclude: exclude})
		i += end
	}
	return toks
}

// makeTerm splits a token into words the way the full-text index does
// (letters and digits), keeping a trailing * as a prefix mark.
func makeTerm(t token) (Term, bool) {
	prefix := !t.phrase && strings.HasSuffix(strings.TrimRight(t.text, "^:()"), "*")
	ws := Words(t.text)
	if len(ws) == 0 {
		return Term{}, false
	}
	if len(ws) > maxTerms {
		ws = ws[:maxTerms]
	}
	return Term{Words: ws, Prefix: prefix}, true
}

// Words splits text into lower-case words of letters and digits, the units
// the full-text index holds.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// Highlights returns the words and prefixes a result should mark: those of
// every clause that must match.
func (q Query) Highlights() []Term {
	var out []Term
	for _, c := range q.Clauses {
		if !c.Exclude {
			out = append(out, c.Any...)
		}
	}
	return out
}
