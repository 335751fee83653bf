// Package chart counts dated items (articles, mentions) per day, ISO week or
// month for up to five named series, and draws the counts as a bar or line
// chart (PNG, SVG, or an image.Image with the geometry of every bar for a GUI)
// or writes them as CSV. It imports no other package of the application: the
// caller hands it dates or pre-aggregated (date, count) pairs.
//
// Typical use:
//
//	tab, err := chart.Count([]chart.Series{{Name: "Smith", Dates: dates}},
//		chart.Options{By: chart.Auto, From: from, To: to})
//	err = tab.WriteFile("smith.svg", chart.Style{Title: "Smith in the news"})
package chart

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// MaxSeries is the most series one chart holds.
const MaxSeries = 5

// MaxPeriods bounds the number of periods of a chart (27 years by day), so a
// bad date far in the past cannot make a table of millions of rows.
const MaxPeriods = 10000

// Errors returned by Count, wrapped with context.
var (
	ErrTooManySeries  = errors.New("too many series")
	ErrRange          = errors.New("from is after to")
	ErrTooManyPeriods = errors.New("too many periods")
	ErrNoTotals       = errors.New("share needs the totals series")
	ErrNegative       = errors.New("negative count")
)

// Bucket is the length of a period.
type Bucket int

// The buckets. Auto chooses by the span of the range: Day up to three months,
// Week up to three years, Month beyond.
const (
	Auto Bucket = iota
	Day
	Week // ISO week, Monday to Sunday
	Month
)

// String returns the name ParseBucket reads.
func (b Bucket) String() string {
	switch b {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	}
	return "auto"
}

// ParseBucket reads "day", "week", "month" or "auto"/"" (case-insensitive).
func ParseBucket(s string) (Bucket, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return Auto, nil
	case "day", "daily", "d":
		return Day, nil
	case "week", "weekly", "w":
		return Week, nil
	case "month", "monthly", "m":
		return Month, nil
	}
	return Auto, fmt.Errorf("bucket %q: want day, week or month", s)
}

// DateCount is a pre-aggregated count: Count items on Date's day. A zero Date
// counts the items as undated.
type DateCount struct {
	Date  time.Time
	Count int
}

// Series is one named line or set of bars. Its items are given either one
// date per item (Dates, a zero time meaning undated), or aggregated (Counts),
// or both; Undated adds items known to have no date.
type Series struct {
	Name    string
	Dates   []time.Time
	Counts  []DateCount
	Undated int
}

// Options says how to count.
type Options struct {
	// By is the period length; Auto chooses one from the range.
	By Bucket
	// From and To bound the range by calendar day, both included. A zero
	// value takes the earliest (latest) date of the series.
	From, To time.Time
	// Share divides each count by the total of Totals in the same period.
	Share bool
	// Totals counts all articles, for Share; it is bucketed like the series.
	Totals *Series
	// Location is the time zone in which days begin; nil means UTC.
	Location *time.Location
}

// Period is one bucket: [Start, End) at midnight in the table's location,
// clipped to the range asked.
type Period struct {
	Start, End time.Time
}

// Last returns the last day of the period (End minus one day).
func (p Period) Last() time.Time { return p.End.AddDate(0, 0, -1) }

// Column is a series counted per period.
type Column struct {
	Name   string
	Counts []int
	// Share is Counts over the totals of the period (NaN where the total is
	// 0); nil unless the table was counted with Share.
	Share []float64
	// Undated counts items without a date, Outside dated items outside the
	// range; neither is in Counts.
	Undated, Outside int
}

// Total returns the sum of Counts.
func (c *Column) Total() int {
	n := 0
	for _, v := range c.Counts {
		n += v
	}
	return n
}

// Table is the result of Count: the periods and one column per series.
type Table struct {
	By       Bucket // never Auto
	From, To time.Time
	Periods  []Period
	Series   []Column
	// Totals is the totals column in share mode, else nil.
	Totals   *Column
	Location *time.Location
}

// Share reports whether the table holds shares.
func (t *Table) Share() bool { return t.Totals != nil }

// Value returns what is drawn for series s in period i: the count, or the
// share in percent in share mode (0 where undefined).
func (t *Table) Value(s, i int) float64 {
	c := &t.Series[s]
	if c.Share != nil {
		v := c.Share[i]
		if v != v { // NaN
			return 0
		}
		return 100 * v
	}
	return float64(c.Counts[i])
}

// UndatedNote returns the line saying what was not drawn, e.g.
// "312 undated, not drawn" or "Smith: 3 undated, Jones: 1 undated, not
// drawn"; "" when every item is dated.
func (t *Table) UndatedNote() string {
	var parts []string
	one := len(t.Series) == 1
	for _, c := range t.Series {
		if c.Undated == 0 {
			continue
		}
		if one {
			parts = append(parts, fmt.Sprintf("%d undated", c.Undated))
		} else {
			parts = append(parts, fmt.Sprintf("%s: %d undated", c.Name, c.Undated))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ", ") + ", not drawn"
}
