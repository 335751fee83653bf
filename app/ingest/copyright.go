package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// holderRe finds a copyright statement's holder: the text after "©",
	// "(c)" or "Copyright" and the years that follow them (other numbers
	// stay: "100% Noticias").
	holderRe = regexp.MustCompile(`(?i)(?:©|\(c\)|copyright\b)(?:[\s\-–—,./]|\b\d{4}\b|©|\(c\)|copyright\b)*(.*)`)
	// holderEndRe ends the holder: a separator, the end of a sentence (a
	// dot inside a name, "Folha de S.Paulo", does not), a year, the
	// rights reserved in the languages of the stop lists.
	holderEndRe = regexp.MustCompile(`(?i)\s+[|·•–—-]\s+|\s*[|;]|\.(?:\s|$)|,\s|\s*©|\s*\b\d{4}\b|\s*\ball rights\b|\s*\balle rechte\b|\s*\btous droits\b|\s*\btodos (?:los derechos|os direitos)\b`)
	// companyFormRe is a company form at the end of a holder's name.
	companyFormRe = regexp.MustCompile(`(?i)[\s,]+(?:inc|llc|ltd|limited|gmbh|ag|s\.?a|plc|corp|corporation|company|co)\.?$`)
	byRe          = regexp.MustCompile(`(?i)^by\s+`)
	// stateRe is what states a copyright besides the word: the sign or a
	// year (date.go's yearRe).
	stateRe = regexp.MustCompile(`(?i)©|\(c\)|` + yearRe.String())
)

// CopyrightHolder returns who a copyright statement names ("© 2017
// Spiceworks Inc. All rights reserved." -> "Spiceworks"): the words after
// the sign and the years, up to a separator, the end of the sentence, a
// year or the rights reserved, less a company form. It returns "" when the
// text has no statement, names only years, or, with neither a sign nor a
// year, names no capitalised name of two words or more ("Copyright Notice"
// is a heading, "Copyright infringement is..." a sentence).
func CopyrightHolder(text string) string {
	if len(text) > 400 || !strings.ContainsAny(text, "©(Cc") {
		return ""
	}
	m := holderRe.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	h := m[1]
	if loc := holderEndRe.FindStringIndex(h); loc != nil {
		h = h[:loc[0]]
	}
	h = byRe.ReplaceAllString(strings.Join(strings.Fields(h), " "), "")
	for {
		t := strings.Trim(companyFormRe.ReplaceAllString(h, ""), " .,:;-–&+")
		if t == h {
			break
		}
		h = t
	}
	if n := utf8.RuneCountInString(h); n < 2 || n > 60 || len(strings.Fields(h)) > 6 {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(h)
	if !stateRe.MatchString(text) && (len(strings.Fields(h)) < 2 || !unicode.IsUpper(first)) {
		return ""
	}
	if strings.IndexFunc(h, unicode.IsLetter) < 0 {
		return ""
	}
	return h
}
