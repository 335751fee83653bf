package ingest

import (
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// langSample is how much of a text the language is judged on: whatlanggo's
// trigram detector is a third of an import's CPU time on the whole text and
// is as accurate on its first 1,500 bytes.
const langSample = 1500

// detectLanguage returns the ISO 639-1 code of the text's language when the
// detector is confident, else "". Plain English prose, most of what is
// archived, is recognised by its function words without the detector.
func detectLanguage(body string) string {
	if len(body) > langSample {
		body = strings.ToValidUTF8(body[:langSample], "")
	}
	if plainEnglish(body) {
		return "en"
	}
	return detectTrigrams(body)
}

// detectTrigrams is whatlanggo's verdict on text: its ISO 639-1 code when
// the detector is confident, else "".
func detectTrigrams(text string) string {
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// The evidence plainEnglish asks for: enough words that the trigram
// detector would be confident too, a share of English function words that
// running English text has (a median of 40% in the first 1,500 bytes of the
// BBC corpus's texts, 32% or more in 95% of them; at most 7% in the Czech,
// Spanish, Portuguese, German, French and Japanese pages of the text-dumps
// corpus) and several times the function words of any other language with
// a list.
const (
	minEnglishWords   = 40
	minEnglishShare   = 0.30
	englishOverOthers = 3
)

// plainEnglish reports whether text is English prose on the evidence of its
// function words: in Latin script (nine letters in ten), with at least
// minEnglishWords words of which minEnglishShare are English function words,
// and englishOverOthers times as many of those as of any other language's.
func plainEnglish(text string) bool {
	letters, latin := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if r < 0x250 {
				latin++
			}
		}
	}
	if letters == 0 || latin*10 < letters*9 {
		return false
	}
	ws := words(text)
	if len(ws) < minEnglishWords {
		return false
	}
	var hits [len(stopLangs)]int
	for _, w := range ws {
		for m, i := stopIndex[w], 0; m != 0; m, i = m>>1, i+1 {
			if m&1 != 0 {
				hits[i]++
			}
		}
	}
	en := hits[0]
	if float64(en) < minEnglishShare*float64(len(ws)) {
		return false
	}
	for _, n := range hits[1:] {
		if en < englishOverOthers*n {
			return false
		}
	}
	return true
}

// stopLangs lists the languages of stopWords, English first; stopIndex
// maps each function word to the languages whose lists hold it, bit i for
// stopLangs[i], so that a word is looked up once.
var (
	stopLangs = [...]string{"en", "fr", "es", "pt", "de", "cs", "it", "nl", "zh", "ja"}
	stopIndex = func() map[string]uint16 {
		m := map[string]uint16{}
		for i, lang := range stopLangs {
			for w := range stopWords[lang] {
				m[w] |= 1 << i
			}
		}
		return m
	}()
)
