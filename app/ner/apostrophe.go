package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names with an apostrophe after a one-letter prefix ("O'Sullivan",
// "D'Arcy", "O’Neill") are one word, but prose's tokeniser splits some of
// them as contractions: "O'Sullivan" becomes "O" and a lost "'S..." ("Eddie
// O" was a person). maskApostrophes hides such an apostrophe from prose
// behind letters of the same byte length; restoreApostrophes puts the
// original text back into the tokens (with a straight quote, as prose
// writes every apostrophe).

// apostrophes are the forms of the apostrophe inside names.
var apostrophes = []string{"'", "\u2019"}

// maskApostrophes returns s with every apostrophe that joins a single
// capital letter opening a word to a capitalised word ("O'Sullivan", not
// "I'M" or "I'LL" in a headline)
// replaced by as many 'x' bytes, and whether it replaced any. Offsets are
// unchanged.
func maskApostrophes(s string) (string, bool) {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 'A' || c > 'Z' || i > 0 && wordByteBefore(s, i) {
			continue
		}
		for _, a := range apostrophes {
			j := i + 1
			if !strings.HasPrefix(s[j:], a) {
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j+len(a):])
			next, _ := utf8.DecodeRuneInString(s[j+len(a)+n:])
			if !unicode.IsUpper(r) || !unicode.IsLower(next) { // "O'Sullivan", not "I'LL"
				continue
			}
			if b == nil {
				b = []byte(s)
			}
			for k := j; k < j+len(a); k++ {
				b[k] = 'x'
			}
		}
	}
	if b == nil {
		return s, false
	}
	return string(b), true
}

// wordByteBefore reports whether the rune before byte i of s is a letter,
// a digit or an apostrophe (the letter is inside a word: "Rock'N'Roll").
func wordByteBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '\u2019'
}

// restoreApostrophes gives each token the text of its span in the original
// sentence where the mask changed it.
func restoreApostrophes(orig, masked string, toks []token) {
	for i := range toks {
		tk := &toks[i]
		if tk.start < 0 || tk.end > len(orig) || orig[tk.start:tk.end] == masked[tk.start:tk.end] {
			continue
		}
		tk.text = strings.ReplaceAll(orig[tk.start:tk.end], "\u2019", "'")
		tk.lower = strings.ToLower(tk.text)
		tk.shape = wordShape(tk.text)
	}
}
