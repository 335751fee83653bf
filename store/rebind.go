package store

import (
	"strconv"
	"strings"
)

// rebind rewrites the ? and ?NNN placeholders of q to PostgreSQL's $n, so
// that the package's SQL is written once for both databases. A ? followed
// by digits keeps its number; the others are numbered from 1 in order.
//
// What PostgreSQL reads as one token is left alone: string literals ('...'
// where a doubled quote stands for one, and E'...' with backslash escapes
// too), quoted identifiers ("..."), line comments (-- to the end of the
// line), block comments (/* ... */, nested), dollar-quoted bodies
// ($$...$$, $tag$...$tag$) and identifiers holding $. A literal or comment left open
// runs to the end of q, as PostgreSQL reads it. PostgreSQL's own ?
// operators (jsonb's ?, ?| and ?&) cannot be written in the package's SQL.
// It takes time linear in len(q).
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n := 0
	for i := 0; i < len(q); {
		if j := skipToken(q, i); j > i {
			b.WriteString(q[i:j])
			i = j
			continue
		}
		if q[i] != '?' {
			b.WriteByte(q[i])
			i++
			continue
		}
		j := i + 1
		for j < len(q) && isDigit(q[j]) {
			j++
		}
		b.WriteByte('$')
		if j > i+1 {
			b.WriteString(q[i+1 : j])
		} else {
			n++
			b.WriteString(strconv.Itoa(n))
		}
		i = j
	}
	return b.String()
}

// skipToken returns the end of the literal, quoted identifier, comment,
// dollar-quoted body or $-holding identifier part starting at q[i], or i
// when none starts there.
func skipToken(q string, i int) int {
	c := q[i]
	next := byte(0)
	if i+1 < len(q) {
		next = q[i+1]
	}
	afterWord := i > 0 && isIdentByte(q[i-1])
	switch {
	case c == '\'' || c == '"':
		return quotedEnd(q, i+1, c, false)
	case (c == 'E' || c == 'e') && next == '\'' && !afterWord:
		return quotedEnd(q, i+2, '\'', true)
	case c == '-' && next == '-':
		if j := strings.IndexByte(q[i:], '\n'); j >= 0 {
			return i + j
		}
		return len(q)
	case c == '/' && next == '*':
		depth, j := 1, i+2
		for j < len(q) && depth > 0 {
			switch {
			case q[j] == '/' && j+1 < len(q) && q[j+1] == '*':
				depth, j = depth+1, j+2
			case q[j] == '*' && j+1 < len(q) && q[j+1] == '/':
				depth, j = depth-1, j+2
			default:
				j++
			}
		}
		return j
	case c == '$' && afterWord:
		return i + 1 // a $ inside an identifier (a$b)
	case c == '$':
		j := i + 1
		if j < len(q) && isTagStart(q[j]) {
			for j++; j < len(q) && isIdentByte(q[j]) && q[j] != '$'; j++ {
			}
		}
		if j >= len(q) || q[j] != '$' {
			return i // $1, or a lone $
		}
		tag := q[i : j+1]
		if k := strings.Index(q[j+1:], tag); k >= 0 {
			return j + 1 + k + len(tag)
		}
		return len(q)
	}
	return i
}

// quotedEnd returns the end of a literal or quoted identifier whose body
// starts at q[i] and which quote closes; a doubled quote stands for one,
// and with backslashes set a backslash escapes the byte after it.
func quotedEnd(q string, i int, quote byte, backslashes bool) int {
	for i < len(q) {
		switch {
		case backslashes && q[i] == '\\':
			i += 2
		case q[i] != quote:
			i++
		case i+1 < len(q) && q[i+1] == quote:
			i += 2
		default:
			return i + 1
		}
	}
	return len(q)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isTagStart reports whether c may begin a dollar-quote tag (or an
// identifier): a letter, _ or a byte of a non-ASCII letter.
func isTagStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

// isIdentByte reports whether c may continue an identifier.
func isIdentByte(c byte) bool { return isTagStart(c) || isDigit(c) || c == '$' }
