package safetext

import "unicode/utf8"

// walk calls emit for each rune of s that is not part of a terminal escape
// sequence, with invalid UTF-8 as U+FFFD. Sequences follow ECMA-48:
//
//   - CSI (ESC [ or U+009B): parameter and intermediate bytes, then a
//     final byte; a stray byte ends it early and is kept.
//   - OSC, DCS, SOS, PM, APC (ESC ] P X ^ _, or U+009D U+0090 U+0098
//     U+009E U+009F): a string up to BEL, ESC \ or U+009C. An unterminated
//     one loses only its introducer: the text after it stays, harmless
//     once the ESC is gone.
//   - ESC with intermediates (ESC ( B) or one final byte (ESC c, ESC 7).
//
// Other controls are passed to emit; the callers drop them.
func walk(s string, emit func(rune)) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == esc && i < len(s):
			i = escape(s, i)
		case r == esc:
		case r == 0x9b:
			i = csi(s, i)
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f:
			i = controlString(s, i)
		default:
			emit(r) // utf8.RuneError for an invalid byte
		}
	}
}

// escape skips the sequence whose ESC came just before s[i] and returns
// the index after it. Every byte it looks at is ASCII, so indexes stay on
// rune boundaries.
func escape(s string, i int) int {
	switch c := s[i]; {
	case c == '[':
		return csi(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return controlString(s, i+1)
	case c >= 0x20 && c <= 0x2f: // intermediates, then a final byte
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7e:
		return i + 1
	}
	return i // a lone ESC: drop it, keep what follows
}

// csi skips a control sequence's parameters, intermediates and final byte.
func csi(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// controlString skips a control string up to and including its
// terminator (BEL, ESC \ or U+009C); unterminated, it skips nothing.
func controlString(s string, start int) int {
	for i := start; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x07 || r == 0x9c:
			return i + n
		case r == esc && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		}
		i += n
	}
	return start
}
