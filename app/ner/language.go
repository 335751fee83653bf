package ner

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// ErrUnsupportedLanguage is returned (wrapped, with the language found) for
// a text that is not English: the model is trained on English only, and on
// other languages it takes capitalised common words for names
// ("Alfabetização", "ATENÇÃO", "В").
var ErrUnsupportedLanguage = errors.New("unsupported language")

// langSample bounds how much of a text or paragraph the detector reads.
const langSample = 4096

// minLangLetters is the fewest letters a paragraph needs for its own
// language decision; shorter ones follow the article's.
const minLangLetters = 80

// language describes the language found in a text.
type language struct {
	english bool   // English, or too short or unreliable to say otherwise
	name    string // the detected language when it is not English
	decided bool   // false: too short or unreliable to say
}

// detectLanguage decides whether text is English. Text in a script other
// than Latin is not English whatever its length; Latin text is judged by
// whatlanggo's trigram detector when it has enough letters and the detector
// is confident, unless English function words already make up a quarter of
// its lower-case words.
func detectLanguage(text string) language {
	if len(text) > langSample {
		text = text[:langSample]
	}
	text = strings.ToValidUTF8(text, "")
	letters, latin := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	if letters == 0 {
		return language{english: true}
	}
	if latin*2 < letters {
		info := whatlanggo.Detect(text)
		return language{name: info.Lang.String(), decided: true}
	}
	if letters < minLangLetters {
		return language{english: true}
	}
	if lower, fw := functionWords(text); lower >= 8 && fw*4 >= lower {
		// a quarter of the lower-case words are English function words:
		// English, without the trigram detector (a sixth of tagging time)
		return language{english: true, decided: true}
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() || info.Lang == whatlanggo.Eng {
		return language{english: true, decided: info.IsReliable()}
	}
	return language{name: info.Lang.String(), decided: true}
}

func (l language) err() error {
	return fmt.Errorf("ner: %w: %s", ErrUnsupportedLanguage, l.name)
}

// letterWords counts a sentence's tokens with letters, those written in
// capitals only (two letters or more) and those in lower case only.
func letterWords(toks []token) (words, upper, lower int) {
	for _, t := range toks {
		hasLetter, hasUpper, hasLower := false, false, false
		for _, r := range t.text {
			if unicode.IsLetter(r) {
				hasLetter = true
				hasUpper = hasUpper || unicode.IsUpper(r)
				hasLower = hasLower || unicode.IsLower(r)
			}
		}
		if !hasLetter {
			continue
		}
		words++
		if hasUpper && !hasLower && utf8.RuneCountInString(t.text) >= 2 {
			upper++
		}
		if hasLower && !hasUpper {
			lower++
		}
	}
	return words, upper, lower
}

// isProse reports whether a sentence reads as running text the model was
// trained on. Not prose: a line mostly in capitals (a shouted headline:
// every word looks like an acronym), and a line without a single
// lower-case word that has digits or three words or more (a sports result
// "Chelsea 2-1 Arsenal", a team sheet, a Title Case headline): with no
// common word the model has no context and tags every word.
func isProse(toks []token) bool {
	words, upper, lower := letterWords(toks)
	if words == 0 {
		return false
	}
	if upper*3 >= words*2 {
		return false
	}
	if lower == 0 {
		digits := false
		for _, t := range toks {
			if startsWithDigit(t.text) {
				digits = true
			}
		}
		if digits || words >= 3 {
			return false
		}
	}
	return true
}
