package htmlpage

import (
	"regexp"
	"strings"
	"time"
)

// dateLayout is one accepted way of writing a date, with what it carries.
type dateLayout struct {
	layout  string
	hasTime bool
	hasZone bool
}

// dateLayouts are tried in order; the first that parses wins.
var dateLayouts = []dateLayout{
	{time.RFC3339Nano, true, true},
	{"2006-01-02T15:04:05.999999999Z0700", true, true},
	{"2006-01-02T15:04Z07:00", true, true},
	{"2006-01-02T15:04Z0700", true, true},
	{"2006-01-02 15:04:05.999999999Z07:00", true, true},
	{"2006-01-02 15:04:05.999999999 -0700", true, true},
	{"2006-01-02 15:04:05.999999999 -07:00", true, true},
	{"2006-01-02 15:04:05.999999999 MST", true, true},
	{"2006-01-02T15:04:05.999999999", true, false},
	{"2006-01-02 15:04:05.999999999", true, false},
	{"2006-01-02T15:04", true, false},
	{"2006-01-02 15:04", true, false},
	{time.RFC1123Z, true, true},
	{time.RFC1123, true, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true, true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true, true},
	{"Mon, 2 Jan 2006 15:04 -0700", true, true},
	{"Mon, 2 Jan 2006 15:04 MST", true, true},
	{"2 Jan 2006 15:04:05 -0700", true, true},
	{"2 Jan 2006 15:04:05 MST", true, true},
	{time.RFC850, true, true},
	{time.ANSIC, true, false},
	{time.UnixDate, true, true},
	{"Mon, 2 Jan 2006", false, false},
	{"2006-01-02", false, false},
	{"2006/01/02", false, false},
	{"20060102", false, false},
	{"January 2, 2006 3:04 PM", true, false},
	{"January 2, 2006", false, false},
	{"Jan 2, 2006", false, false},
	{"2 January 2006", false, false},
	{"2 Jan 2006", false, false},
}

// zoneOffsets maps time-zone abbreviations common in feeds and pages to
// their UTC offsets in hours (Go's parser only knows the local zone's).
var zoneOffsets = map[string]int{
	"UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
	"PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
	"BST": 1, "IST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
	"WET": 0, "WEST": 1, "MSK": 3, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
}

var spaceRunRE = regexp.MustCompile(`\s+`)

// NormalizeDate rewrites a date as written in a page or feed into ISO 8601:
// "2006-01-02T15:04:05-07:00" (or "...Z") when the source gives a time and
// an offset, "2006-01-02T15:04:05" when it gives a time without one, and
// "2006-01-02" for a bare date. Fractions of a second are dropped. It
// returns "" when the text is not a date it recognises.
func NormalizeDate(s string) string {
	s = strings.TrimSpace(spaceRunRE.ReplaceAllString(s, " "))
	if s == "" || len(s) > 64 {
		return ""
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1000 || t.Year() > 9999 {
			return ""
		}
		switch {
		case !l.hasTime:
			return t.Format("2006-01-02")
		case !l.hasZone:
			return t.Format("2006-01-02T15:04:05")
		}
		name, off := t.Zone()
		if h, ok := zoneOffsets[name]; ok && off == 0 && name != "" && !strings.HasPrefix(name, "+") && !strings.HasPrefix(name, "-") {
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone(name, h*3600))
		} else if !ok && off == 0 && isAlpha(name) {
			// An abbreviation we cannot place: keep the wall time only.
			return t.Format("2006-01-02T15:04:05")
		}
		return t.Format("2006-01-02T15:04:05Z07:00")
	}
	return ""
}

func isAlpha(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}
