// Package safetext makes untrusted text safe to store and to show: it
// strips terminal escape sequences (CSI, OSC, DCS and the like, in their
// 7-bit and 8-bit forms), C0 and C1 control characters, bidirectional
// overrides and isolates, and runs of invisible characters; and it escapes
// text for the formats the archive writes (terminal, CSV, BibTeX,
// Markdown, HTML snippets). Every function is pure, total (any input,
// valid UTF-8 or not) and linear in the length of its input.
package safetext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Body returns multi-line text without escape sequences or control
// characters other than newline and tab; CRLF and lone CR become newlines
// and invalid UTF-8 becomes U+FFFD. Everything else is kept as it is.
func Body(s string) string {
	if isPlain(s, true) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	afterCR := false
	walk(s, func(r rune) {
		switch {
		case r == '\n' && afterCR:
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\r':
			b.WriteByte('\n')
		case isControl(r):
		default:
			b.WriteRune(r)
		}
		afterCR = r == '\r'
	})
	return b.String()
}

// Terminal is Body for printing to a terminal: bidirectional overrides and
// isolates, which can make a line read other than it is, go too.
func Terminal(s string) string {
	s = Body(s)
	if !strings.ContainsFunc(s, isBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

// Line returns s as one line for a title, name, byline or list entry:
// escape sequences, bidirectional overrides and isolates, and invisible
// characters gone (a zero-width joiner or non-joiner is kept when alone
// between two letters, marks or symbols, where scripts and emoji need
// it), control characters and line breaks turned into spaces, runs of
// spaces collapsed and the ends trimmed.
func Line(s string) string {
	if isPlain(s, false) && !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	rs := make([]rune, 0, utf8.RuneCountInString(s))
	walk(s, func(r rune) { rs = append(rs, r) })
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range rs {
		switch {
		case isControl(r) || unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case isBidiControl(r), isInvisible(r):
			continue
		case r == zwj || r == zwnj:
			if i == 0 || i == len(rs)-1 || !joinable(rs[i-1]) || !joinable(rs[i+1]) {
				continue
			}
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

const (
	esc  = 0x1b
	zwnj = '\u200c'
	zwj  = '\u200d'
)

// isControl reports C0 and C1 control characters and DEL.
func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) }

// isBidiControl reports the embeddings, overrides and isolates
// (U+202A-U+202E, U+2066-U+2069) that reorder the text after them.
func isBidiControl(r rune) bool { return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) }

// isInvisible reports zero-width and invisible format characters with no
// place in a title: zero-width space, word joiner, invisible operators,
// byte order mark, Mongolian vowel separator, and Unicode tags.
func isInvisible(r rune) bool {
	switch {
	case r == '\u200b', r == '\u180e', r == '\ufeff', r >= '\u2060' && r <= '\u2064':
		return true
	case r >= 0xe0000 && r <= 0xe007f: // tag characters (hidden text)
		return true
	}
	return false
}

// joinable reports a rune a joiner may sit beside.
func joinable(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsSymbol(r) || r == '\ufe0f'
}

// isPlain reports text that no function here would change (except for
// Line's space handling): valid UTF-8 without controls, bidi controls or
// invisible characters; newline and tab are allowed when multiline.
func isPlain(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			if multiline && (c == '\n' || c == '\t') {
				continue
			}
			return false
		}
		if c >= 0x80 {
			return utf8.ValidString(s[i:]) && !strings.ContainsFunc(s[i:], func(r rune) bool {
				return isControl(r) || isBidiControl(r) || isInvisible(r) || r == zwj || r == zwnj
			})
		}
	}
	return true
}
