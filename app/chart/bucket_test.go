package chart

import (
	"errors"
	"math"
	"slices"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func days(ss ...string) []time.Time {
	out := make([]time.Time, len(ss))
	for i, s := range ss {
		out[i] = day(s)
	}
	return out
}

// span renders the periods as "start..last" strings.
func spans(t *Table) []string {
	var out []string
	for _, p := range t.Periods {
		out = append(out, p.Start.Format(time.DateOnly)+".."+p.Last().Format(time.DateOnly))
	}
	return out
}

func TestCount(t *testing.T) {
	tests := []struct {
		name    string
		series  []Series
		opt     Options
		by      Bucket
		periods []string
		counts  [][]int
		undated []int
		outside []int
	}{
		{
			name:    "week across the year boundary",
			series:  []Series{{Dates: days("2024-12-30", "2025-01-01", "2025-01-05", "2025-01-06")}},
			opt:     Options{By: Week, From: day("2024-12-30"), To: day("2025-01-12")},
			by:      Week,
			periods: []string{"2024-12-30..2025-01-05", "2025-01-06..2025-01-12"},
			counts:  [][]int{{3, 1}},
		},
		{
			name:    "ISO week 53 of 2020 ends in 2021",
			series:  []Series{{Dates: days("2020-12-31", "2021-01-03", "2021-01-04")}},
			opt:     Options{By: Week, From: day("2020-12-31"), To: day("2021-01-04")},
			by:      Week,
			periods: []string{"2020-12-31..2021-01-03", "2021-01-04..2021-01-04"},
			counts:  [][]int{{2, 1}},
		},
		{
			name:    "month lengths, range cutting the first and last month",
			series:  []Series{{Dates: days("2023-01-15", "2023-01-31", "2023-02-28", "2023-03-31", "2023-04-10", "2023-04-11")}},
			opt:     Options{By: Month, From: day("2023-01-15"), To: day("2023-04-10")},
			by:      Month,
			periods: []string{"2023-01-15..2023-01-31", "2023-02-01..2023-02-28", "2023-03-01..2023-03-31", "2023-04-01..2023-04-10"},
			counts:  [][]int{{2, 1, 1, 1}},
			outside: []int{1},
		},
		{
			name:    "leap day by month",
			series:  []Series{{Dates: days("2024-02-29", "2024-02-01", "2024-03-01")}},
			opt:     Options{By: Month, From: day("2024-02-01"), To: day("2024-03-31")},
			by:      Month,
			periods: []string{"2024-02-01..2024-02-29", "2024-03-01..2024-03-31"},
			counts:  [][]int{{2, 1}},
		},
		{
			name:    "leap day by day",
			series:  []Series{{Dates: days("2024-02-29", "2024-02-29")}},
			opt:     Options{By: Day, From: day("2024-02-28"), To: day("2024-03-01")},
			by:      Day,
			periods: []string{"2024-02-28..2024-02-28", "2024-02-29..2024-02-29", "2024-03-01..2024-03-01"},
			counts:  [][]int{{0, 2, 0}},
		},
		{
			name:    "2100 is no leap year",
			series:  []Series{{Dates: days("2100-03-01")}},
			opt:     Options{By: Day, From: day("2100-02-28"), To: day("2100-03-01")},
			by:      Day,
			periods: []string{"2100-02-28..2100-02-28", "2100-03-01..2100-03-01"},
			counts:  [][]int{{0, 1}},
		},
		{
			name:   "nothing dated and no range: no periods",
			series: []Series{{Name: "a", Undated: 3, Dates: []time.Time{{}}}},
			by:     Day,
			counts: [][]int{nil}, undated: []int{4},
		},
		{
			name:    "range given, nothing dated: zeros",
			series:  []Series{{}},
			opt:     Options{From: day("2024-01-01"), To: day("2024-01-03")},
			by:      Day,
			periods: []string{"2024-01-01..2024-01-01", "2024-01-02..2024-01-02", "2024-01-03..2024-01-03"},
			counts:  [][]int{{0, 0, 0}},
		},
		{
			name:    "one day",
			series:  []Series{{Dates: days("2024-05-05")}},
			by:      Day,
			periods: []string{"2024-05-05..2024-05-05"},
			counts:  [][]int{{1}},
		},
		{
			name: "range from the data, dates and aggregated counts, undated apart",
			series: []Series{
				{Dates: []time.Time{day("2024-01-10"), {}, day("2024-01-12")}, Counts: []DateCount{{day("2024-01-11"), 5}, {time.Time{}, 7}}, Undated: 2},
				{Counts: []DateCount{{day("2024-01-12"), 1}}},
			},
			by:      Day,
			periods: []string{"2024-01-10..2024-01-10", "2024-01-11..2024-01-11", "2024-01-12..2024-01-12"},
			counts:  [][]int{{1, 5, 1}, {0, 0, 1}},
			undated: []int{10, 0},
		},
		{
			name:    "days begin in the given zone",
			series:  []Series{{Dates: []time.Time{time.Date(2024, 3, 10, 23, 30, 0, 0, time.UTC)}}},
			opt:     Options{Location: time.FixedZone("UTC+1", 3600)},
			by:      Day,
			periods: []string{"2024-03-11..2024-03-11"},
			counts:  [][]int{{1}},
		},
		{
			name:    "auto: a month by day",
			series:  []Series{{Dates: days("2024-01-01", "2024-01-31")}},
			by:      Day,
			periods: nil, // 31 periods, checked by count below
			counts:  nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := Count(tc.series, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if tab.By != tc.by {
				t.Errorf("by %s, want %s", tab.By, tc.by)
			}
			if tc.periods != nil && !slices.Equal(spans(tab), tc.periods) {
				t.Errorf("periods %v, want %v", spans(tab), tc.periods)
			}
			for k, want := range tc.counts {
				if got := tab.Series[k].Counts; !slices.Equal(got, want) {
					t.Errorf("series %d counts %v, want %v", k, got, want)
				}
			}
			for k, want := range tc.undated {
				if got := tab.Series[k].Undated; got != want {
					t.Errorf("series %d undated %d, want %d", k, got, want)
				}
			}
			for k, want := range tc.outside {
				if got := tab.Series[k].Outside; got != want {
					t.Errorf("series %d outside %d, want %d", k, got, want)
				}
			}
			for i := 1; i < len(tab.Periods); i++ {
				if !tab.Periods[i].Start.Equal(tab.Periods[i-1].End) {
					t.Errorf("period %d starts %v, previous ends %v", i, tab.Periods[i].Start, tab.Periods[i-1].End)
				}
			}
		})
	}
}

func TestCountErrors(t *testing.T) {
	six := make([]Series, 6)
	tests := []struct {
		name   string
		series []Series
		opt    Options
		want   error
	}{
		{"from after to", []Series{{}}, Options{From: day("2024-02-02"), To: day("2024-02-01")}, ErrRange},
		{"six series", six, Options{}, ErrTooManySeries},
		{"share without totals", []Series{{}}, Options{Share: true}, ErrNoTotals},
		{"negative count", []Series{{Counts: []DateCount{{day("2024-01-01"), -1}}}}, Options{}, ErrNegative},
		{"negative undated", []Series{{Undated: -1}}, Options{}, ErrNegative},
		{"thirty years by day", []Series{{}}, Options{By: Day, From: day("1990-01-01"), To: day("2020-01-01")}, ErrTooManyPeriods},
		{"a bad date far back, by month", []Series{{Dates: days("0002-03-04", "2024-01-01")}}, Options{By: Month}, ErrTooManyPeriods},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Count(tc.series, tc.opt)
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
		})
	}
}

func TestAutoBucket(t *testing.T) {
	tests := []struct {
		from, to string
		want     Bucket
		periods  int
	}{
		{"2024-01-01", "2024-01-31", Day, 31},
		{"2024-01-01", "2024-03-31", Day, 91},
		{"2024-01-01", "2024-12-31", Week, 53},
		{"2015-01-01", "2024-12-31", Month, 120},
	}
	for _, tc := range tests {
		tab, err := Count([]Series{{Dates: days(tc.from, tc.to)}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if tab.By != tc.want || len(tab.Periods) != tc.periods {
			t.Errorf("%s..%s: by %s in %d periods, want %s in %d", tc.from, tc.to, tab.By, len(tab.Periods), tc.want, tc.periods)
		}
	}
}

func TestShare(t *testing.T) {
	tab, err := Count([]Series{{Name: "x", Dates: days("2024-01-01", "2024-01-01", "2024-01-02")}},
		Options{By: Day, Share: true, From: day("2024-01-01"), To: day("2024-01-03"),
			Totals: &Series{Counts: []DateCount{{day("2024-01-01"), 8}, {day("2024-01-02"), 4}}}})
	if err != nil {
		t.Fatal(err)
	}
	sh := tab.Series[0].Share
	if sh[0] != 0.25 || sh[1] != 0.25 || !math.IsNaN(sh[2]) {
		t.Errorf("shares %v, want [0.25 0.25 NaN]", sh)
	}
	if tab.Value(0, 0) != 25 || tab.Value(0, 2) != 0 {
		t.Errorf("values %v %v, want 25 0", tab.Value(0, 0), tab.Value(0, 2))
	}
	if tab.Totals.Name != "all articles" {
		t.Errorf("totals named %q", tab.Totals.Name)
	}
}

// TestCivil checks the day arithmetic against the time package over four
// centuries around 1970 and beyond 2100.
func TestCivil(t *testing.T) {
	for d := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2200; d = d.AddDate(0, 0, 1) {
		n := civil(d.Year(), d.Month(), d.Day())
		if want := int(d.Unix() / 86400); n != want {
			t.Fatalf("civil(%s) = %d, want %d", d.Format(time.DateOnly), n, want)
		}
		ws := dayTime(weekStart(n), time.UTC)
		if ws.Weekday() != time.Monday || d.Sub(ws) < 0 || d.Sub(ws) >= 7*24*time.Hour {
			t.Fatalf("week of %s starts %s", d.Format(time.DateOnly), ws.Format(time.DateOnly))
		}
	}
}

func TestUndatedNote(t *testing.T) {
	one, _ := Count([]Series{{Name: "a", Undated: 312}}, Options{})
	two, _ := Count([]Series{{Name: "a", Undated: 3}, {Name: "b"}, {Name: "c", Undated: 1}}, Options{})
	none, _ := Count([]Series{{Name: "a"}}, Options{})
	for _, tc := range []struct {
		tab  *Table
		want string
	}{
		{one, "312 undated, not drawn"},
		{two, "a: 3 undated, c: 1 undated, not drawn"},
		{none, ""},
	} {
		if got := tc.tab.UndatedNote(); got != tc.want {
			t.Errorf("note %q, want %q", got, tc.want)
		}
	}
}

func TestOpenRange(t *testing.T) {
	ds := []Series{{Dates: days("2024-01-05", "2024-01-09")}}
	tests := []struct {
		name     string
		from, to string
		want     string // first..last day of the table
	}{
		{"from only", "2024-01-07", "", "2024-01-07..2024-01-09"},
		{"to only", "", "2024-01-06", "2024-01-05..2024-01-06"},
		{"from after every date", "2024-02-01", "", "2024-02-01..2024-02-01"},
		{"to before every date", "", "2023-12-01", "2023-12-01..2023-12-01"},
		{"neither", "", "", "2024-01-05..2024-01-09"},
	}
	for _, tc := range tests {
		opt := Options{By: Day}
		if tc.from != "" {
			opt.From = day(tc.from)
		}
		if tc.to != "" {
			opt.To = day(tc.to)
		}
		tab, err := Count(ds, opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := tab.From.Format(time.DateOnly) + ".." + tab.To.Format(time.DateOnly); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		if n := tab.Series[0].Total() + tab.Series[0].Outside; n != 2 {
			t.Errorf("%s: %d counted or outside, want 2", tc.name, n)
		}
	}
}
