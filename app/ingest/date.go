package ingest

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// noZone marks a parsed time whose text named no time zone.
var noZone = time.FixedZone("newsarchive-nozone", 0)

var (
	yearRe    = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)
	numDateRe = regexp.MustCompile(`\b(\d{1,2}[/.\-]\d{1,2}[/.\-](\d{2}|\d{4})|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2})`)
	// monthRe finds a month name (or its abbreviation) in English, German,
	// French, Spanish, Italian, Portuguese or Dutch; a line with a year but
	// no month and no numeric date is not a date line.
	monthRe = regexp.MustCompile(`(?i)\b(jan|feb|fév|fev|mar|mär|apr|avr|abr|ma[iy]|mei|mai|jun|juin|giu|jul|juil|lug|aug|ago|aoû|sep|set|oct|okt|ott|out|nov|dec|dez|déc|dic|janv|févr|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|juillet|août|septembre|octobre|novembre|décembre|januari|februari|maart|augustus)[a-zà-ÿ]*\.?\b`)
	dateCfg = sync.OnceValue(func() *dateparser.Configuration {
		return &dateparser.Configuration{
			// The languages monthRe knows. Without a list the parser tries
			// every locale it has on each line that is not a date, which
			// takes up to seconds on a line of numbers.
			Languages:             []string{"en", "de", "fr", "es", "it", "pt", "nl"},
			DefaultTimezone:       noZone,
			StrictParsing:         true,
			ReturnTimeAsPeriod:    true,
			IgnoreSurroundingText: true,
			CurrentTime:           time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
			PreferredDateSource:   dateparser.Past,
		}
	})
)

// dateCfgDMY is dateCfg reading numeric dates day first.
var dateCfgDMY = sync.OnceValue(func() *dateparser.Configuration {
	c := *dateCfg()
	c.DateOrder = func(string) string { return "DMY" }
	return &c
})

// isoDateRe matches a numeric date that opens with its year.
var isoDateRe = regexp.MustCompile(`^\d{4}`)

// maxDateLine is the longest line considered as a date line.
const maxDateLine = 120

// ParseDate reads a publication date from a short line of text such as
// "May 23, 2025, 5:30 a.m.", "23 May 2025", "2025-05-23",
// "Published: Friday, May 23, 2025 5:30 PM EDT" or "Mai 23, 2025". It
// returns the ISO 8601 form: a date alone when the text gives no time, a
// date and time without offset when it gives no zone, and with the offset
// when it does. Lines with no explicit year are refused, so relative phrases
// ("2 hours ago") are never taken for dates.
func ParseDate(line string) (iso string, ok bool) {
	line = strings.TrimSpace(line)
	short := shortDateText(line)
	if line == "" || !short && (utf8.RuneCountInString(line) > 3*maxDateLine || !strings.ContainsAny(line, "·•|")) {
		return "", false
	}
	if !numDateRe.MatchString(line) && !(yearRe.MatchString(line) && monthRe.MatchString(line)) {
		return "", false
	}
	// "Oct 18, 2019 · 8 min read": the parts a separator divides the line
	// into are tried alone, those with a year first, so that the
	// surrounding text is not read as a relative time ("8 min" ago). A
	// line too long for a date line is one when a separator divides it
	// ("Le Monde | 04.05.2015 à 13h36 • Mis à jour le ... | Par ..."):
	// its short parts are tried.
	parts := dateSepRe.Split(line, -1)
	if !short {
		if len(parts) < 2 {
			return "", false
		}
		parts = slices.DeleteFunc(parts, func(p string) bool { return !shortDateText(p) })
	}
	slices.SortStableFunc(parts, func(a, b string) int {
		return cmp.Compare(b2f(yearRe.MatchString(b)), b2f(yearRe.MatchString(a)))
	})
	for _, part := range parts {
		if !numDateRe.MatchString(part) && !(yearRe.MatchString(part) && monthRe.MatchString(part)) {
			continue
		}
		cfg := dateCfg()
		num := numDateRe.FindStringSubmatch(part)
		if num != nil && strings.Contains(num[1], ".") && !isoDateRe.MatchString(num[1]) {
			// "08.04.2015": dotted dates are day first wherever they are
			// written (the English locale's order would read 4 August).
			cfg = dateCfgDMY()
		}
		d, err := dateparser.Parse(cfg, part)
		if err != nil || d.IsZero() {
			continue
		}
		// A year the text does not write is the parser's reference
		// time moved by a relative phrase, not the article's date.
		years := yearRe.FindAllString(part, -1)
		if len(years) > 0 && !slices.Contains(years, d.Time.Format("2006")) {
			continue
		}
		// "02/11/23": a two-digit year must be the date's.
		if len(years) == 0 && num != nil && len(num[2]) == 2 && d.Time.Format("06") != num[2] {
			continue
		}
		if iso = formatDate(d); iso != "" {
			return iso, true
		}
	}
	return "", false
}

// shortDateText reports whether s is short enough for a date line.
func shortDateText(s string) bool {
	letters, words := letterWords(s)
	return utf8.RuneCountInString(s) <= maxDateLine && words <= 12 && letters <= 80
}

// dateSepRe divides a date line into parts: "date · 5 min read",
// "Section | date".
var dateSepRe = regexp.MustCompile(`\s+[·•|]\s+`)

func formatDate(d date.Date) string {
	t := d.Time
	if t.Year() < 1800 || t.Year() > 2100 {
		return ""
	}
	if !d.Period.IsTime() {
		return t.Format("2006-01-02")
	}
	if t.Location().String() == noZone.String() {
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format("2006-01-02T15:04:05-07:00")
}

// letterWords counts the letters and the words made of letters in s.
func letterWords(s string) (letters, words int) {
	in := false
	for _, r := range s {
		isL := r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7F
		if isL {
			letters++
			if !in {
				words++
			}
		}
		in = isL
	}
	return letters, words
}
