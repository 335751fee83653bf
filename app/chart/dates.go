package chart

import (
	"fmt"
	"strings"
	"time"
)

// maxDateLen bounds the input of the date parsers.
const maxDateLen = 64

// ParseFrom reads the start of a range: "2024-03-05", "2024-03" (its first
// day), "2024" (1 January) or an RFC 3339 time (its day), in loc (nil: UTC).
func ParseFrom(s string, loc *time.Location) (time.Time, error) {
	t, _, err := parseDate(s, loc)
	return t, err
}

// ParseTo reads the end of a range, included: like ParseFrom, but "2024-03"
// means 31 March and "2024" means 31 December.
func ParseTo(s string, loc *time.Location) (time.Time, error) {
	t, unit, err := parseDate(s, loc)
	if err != nil {
		return t, err
	}
	switch unit {
	case Month:
		t = t.AddDate(0, 1, -1)
	case yearUnit:
		t = t.AddDate(1, 0, -1)
	}
	return t, nil
}

// yearUnit marks a date given as a bare year.
const yearUnit Bucket = -1

// parseDate returns the first day of the date s and the unit it names.
func parseDate(s string, loc *time.Location) (time.Time, Bucket, error) {
	if loc == nil {
		loc = time.UTC
	}
	if len(s) > maxDateLen {
		return time.Time{}, Day, fmt.Errorf("date %.20q...: too long", s)
	}
	s = strings.TrimSpace(s)
	layouts := []struct {
		layout string
		unit   Bucket
	}{
		{time.DateOnly, Day},
		{"2006-01", Month},
		{"2006", yearUnit},
		{time.RFC3339, Day},
		{time.RFC3339Nano, Day},
	}
	for _, l := range layouts {
		t, err := time.ParseInLocation(l.layout, s, loc)
		if err != nil {
			continue
		}
		if l.unit == Day && l.layout != time.DateOnly {
			t = t.In(loc)
		}
		y, m, d := t.Date()
		if y < 1000 || y > 9999 {
			return time.Time{}, Day, fmt.Errorf("date %q: year out of range 1000-9999", s)
		}
		return time.Date(y, m, d, 0, 0, 0, 0, loc), l.unit, nil
	}
	return time.Time{}, Day, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
}
