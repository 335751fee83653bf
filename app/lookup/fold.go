package lookup

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits that keep every text and query cheap to fold and match.
const (
	maxWordRunes = 40 // longer words are cut (they still match by prefix)
	maxTextWords = 64 // words of a text beyond this are not indexed
)

// folded is a text lowered, stripped of accents and split into words. Every
// folded rune remembers the index of the original rune it came from, so that
// matched positions can be mapped back for highlighting.
type folded struct {
	runes []rune   // folded runes; every separator is a single ' '
	orig  []int32  // orig[i] is the rune index in the original text of runes[i]
	words [][2]int // [start, end) of each word in runes
}

// latinFold holds the folded form of the runes U+0080..U+024F, computed once.
var latinFold [0x250]string

// specialFold lists letters that Unicode does not decompose into a base letter.
var specialFold = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l",
	'þ': "th", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŀ': "l", 'ĸ': "k", 'ſ': "s",
}

func init() {
	for r := rune(0x80); r < 0x250; r++ {
		latinFold[r] = foldSlow(r)
	}
}

// foldSlow lowers r, removes its diacritics and returns what is left: letters
// and digits, "'" for an apostrophe (a joiner inside words) or " " for any
// other rune (a separator).
func foldSlow(r rune) string {
	if isApostrophe(r) {
		return "'"
	}
	lr := unicode.ToLower(r)
	if s, ok := specialFold[lr]; ok {
		return s
	}
	if unicode.Is(unicode.Mn, lr) {
		return "" // a combining mark: drop it
	}
	var out []rune
	for _, d := range norm.NFKD.String(string(lr)) {
		switch {
		case unicode.Is(unicode.Mn, d):
		case unicode.IsLetter(d) || unicode.IsDigit(d):
			out = append(out, unicode.ToLower(d))
		}
	}
	if len(out) == 0 {
		return " "
	}
	return string(out)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02bc' || r == '\u2018'
}

// foldRuneTo appends the folded form of r to dst (see foldSlow).
func foldRuneTo(dst []rune, r rune) []rune {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return append(dst, r)
		case 'A' <= r && r <= 'Z':
			return append(dst, r+'a'-'A')
		case r == '\'':
			return append(dst, '\'')
		}
		return append(dst, ' ')
	case r < rune(len(latinFold)):
		for _, c := range latinFold[r] {
			dst = append(dst, c)
		}
		return dst
	case r == utf8.RuneError:
		return append(dst, ' ')
	}
	for _, c := range foldSlow(r) {
		dst = append(dst, c)
	}
	return dst
}

// foldText folds s into f, reusing f's buffers. Invalid UTF-8 and control
// characters act as separators; apostrophes join (O'Brien -> obrien). Words
// are cut to maxWordRunes and at most maxTextWords are kept.
func foldText(f *folded, s string) {
	f.runes, f.orig, f.words = f.runes[:0], f.orig[:0], f.words[:0]
	var tmp [8]rune
	idx := int32(0)
	start := -1
	for _, r := range s {
		for _, c := range foldRuneTo(tmp[:0], r) {
			switch c {
			case '\'':
				continue
			case ' ':
				if start >= 0 {
					f.words = append(f.words, [2]int{start, len(f.runes)})
					start = -1
				}
				if n := len(f.runes); n > 0 && f.runes[n-1] != ' ' {
					f.runes = append(f.runes, ' ')
					f.orig = append(f.orig, idx)
				}
				continue
			}
			if start < 0 {
				if len(f.words) >= maxTextWords {
					continue
				}
				start = len(f.runes)
			}
			if len(f.runes)-start >= maxWordRunes {
				continue
			}
			f.runes = append(f.runes, c)
			f.orig = append(f.orig, idx)
		}
		idx++
	}
	if start >= 0 {
		f.words = append(f.words, [2]int{start, len(f.runes)})
	}
}

// word returns the runes of the i-th word.
func (f *folded) word(i int) []rune { return f.runes[f.words[i][0]:f.words[i][1]] }
