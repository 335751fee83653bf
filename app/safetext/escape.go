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
	rs := runes(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == esc && i+1 < len(rs):
			i = escape(rs, i+1)
		case r == esc:
			i++
		case r == 0x9b:
			i = csi(rs, i+1)
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f:
			i = controlString(rs, i+1)
		default:
			emit(r)
			i++
		}
	}
}

// escape skips the sequence whose ESC came just before rs[i] and returns
// the index after it.
func escape(rs []rune, i int) int {
	switch r := rs[i]; {
	case r == '[':
		return csi(rs, i+1)
	case r == ']' || r == 'P' || r == 'X' || r == '^' || r == '_':
		return controlString(rs, i+1)
	case r >= 0x20 && r <= 0x2f: // intermediates, then a final byte
		for i < len(rs) && rs[i] >= 0x20 && rs[i] <= 0x2f {
			i++
		}
		if i < len(rs) && rs[i] >= 0x30 && rs[i] <= 0x7e {
			i++
		}
		return i
	case r >= 0x30 && r <= 0x7e:
		return i + 1
	}
	return i // a lone ESC: drop it, keep what follows
}

// csi skips a control sequence's parameters, intermediates and final byte.
func csi(rs []rune, i int) int {
	for i < len(rs) && rs[i] >= 0x20 && rs[i] <= 0x3f {
		i++
	}
	if i < len(rs) && rs[i] >= 0x40 && rs[i] <= 0x7e {
		i++
	}
	return i
}

// controlString skips a control string up to and including its
// terminator; unterminated, it skips nothing.
func controlString(rs []rune, start int) int {
	for i := start; i < len(rs); i++ {
		switch rs[i] {
		case 0x07, 0x9c:
			return i + 1
		case esc:
			if i+1 < len(rs) && rs[i+1] == '\\' {
				return i + 2
			}
		}
	}
	return start
}

// runes decodes s, invalid bytes as U+FFFD.
func runes(s string) []rune {
	out := make([]rune, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		out = append(out, r)
	}
	return out
}
