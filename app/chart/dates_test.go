package chart

import (
	"strings"
	"testing"
	"time"
)

func TestParseDates(t *testing.T) {
	plus2 := time.FixedZone("UTC+2", 2*3600)
	tests := []struct {
		in       string
		loc      *time.Location
		from, to string
		bad      bool
	}{
		{in: "2024-03-05", from: "2024-03-05", to: "2024-03-05"},
		{in: " 2024-02 ", from: "2024-02-01", to: "2024-02-29"},
		{in: "2023-02", from: "2023-02-01", to: "2023-02-28"},
		{in: "2024", from: "2024-01-01", to: "2024-12-31"},
		{in: "2024-12", from: "2024-12-01", to: "2024-12-31"},
		{in: "2024-03-05T23:30:00Z", loc: plus2, from: "2024-03-06", to: "2024-03-06"},
		{in: "2024-03-05T23:30:00.123+01:00", from: "2024-03-05", to: "2024-03-05"},
		{in: "", bad: true},
		{in: "yesterday", bad: true},
		{in: "2024-13", bad: true},
		{in: "2024-02-30", bad: true},
		{in: "0000", bad: true},
		{in: "0001-01-01", bad: true},
		{in: strings.Repeat("2", 100), bad: true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			from, err := ParseFrom(tc.in, tc.loc)
			to, err2 := ParseTo(tc.in, tc.loc)
			if tc.bad {
				if err == nil || err2 == nil {
					t.Fatalf("parsed %q as %v, %v", tc.in, from, to)
				}
				return
			}
			if err != nil || err2 != nil {
				t.Fatal(err, err2)
			}
			if got := from.Format(time.DateOnly); got != tc.from {
				t.Errorf("from %s, want %s", got, tc.from)
			}
			if got := to.Format(time.DateOnly); got != tc.to {
				t.Errorf("to %s, want %s", got, tc.to)
			}
		})
	}
}

func TestParseBucket(t *testing.T) {
	for in, want := range map[string]Bucket{"": Auto, "auto": Auto, "Day": Day, "week": Week, "MONTH": Month} {
		if got, err := ParseBucket(in); err != nil || got != want {
			t.Errorf("ParseBucket(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	if _, err := ParseBucket("year"); err == nil {
		t.Error("ParseBucket(year) did not fail")
	}
}

// FuzzParseDate checks that what parses is a midnight, that a range's end is
// never before its start, and that counting over it works.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-03-05", "2024-02", "2024", "2024-03-05T23:30:00Z", "9999-12", "0001", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		from, err := ParseFrom(s, nil)
		if err != nil {
			return
		}
		to, err := ParseTo(s, nil)
		if err != nil {
			t.Fatalf("ParseFrom(%q) ok but ParseTo: %v", s, err)
		}
		if from.Hour() != 0 || from.Minute() != 0 || to.Hour() != 0 || to.Before(from) {
			t.Fatalf("%q: from %v to %v", s, from, to)
		}
		if to.Sub(from) > 367*24*time.Hour {
			t.Fatalf("%q: range %v..%v longer than a year", s, from, to)
		}
		if _, err := Count([]Series{{Dates: []time.Time{from}}}, Options{From: from, To: to}); err != nil {
			t.Fatalf("count over %q: %v", s, err)
		}
	})
}
