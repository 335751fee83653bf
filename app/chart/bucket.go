package chart

import (
	"fmt"
	"math"
	"time"
)

// civil converts a calendar date to a day number (days since 1970-01-01),
// after Howard Hinnant's days_from_civil.
func civil(y int, m time.Month, d int) int {
	mm := int(m)
	if mm <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (mm + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// weekStart returns the day number of the Monday on or before day.
func weekStart(day int) int {
	// Day 0 (1970-01-01) was a Thursday, 3 days after a Monday.
	return day - (((day+3)%7)+7)%7
}

// dayOf is a date reduced to what bucketing needs.
type dayOf struct {
	day   int // day number
	month int // year*12 + month-1
}

func at(t time.Time, loc *time.Location) dayOf {
	y, m, d := t.In(loc).Date()
	return dayOf{day: civil(y, m, d), month: y*12 + int(m) - 1}
}

// grid maps day numbers to period indexes over the range.
type grid struct {
	by       Bucket
	from, to dayOf // range, days included
	first    int   // day number (Day, Week) or month number (Month) of period 0
	n        int
	loc      *time.Location
}

func newGrid(by Bucket, from, to dayOf, loc *time.Location) grid {
	g := grid{by: by, from: from, to: to, loc: loc}
	switch by {
	case Day:
		g.first, g.n = from.day, to.day-from.day+1
	case Week:
		g.first = weekStart(from.day)
		g.n = (weekStart(to.day)-g.first)/7 + 1
	case Month:
		g.first, g.n = from.month, to.month-from.month+1
	}
	return g
}

// index returns the period of d, or -1 when d is outside the range.
func (g *grid) index(d dayOf) int {
	if d.day < g.from.day || d.day > g.to.day {
		return -1
	}
	switch g.by {
	case Day:
		return d.day - g.first
	case Week:
		return (d.day - g.first) / 7
	default:
		return d.month - g.first
	}
}

// periods lists the periods, clipped to the range.
func (g *grid) periods(loc *time.Location) []Period {
	ps := make([]Period, g.n)
	for i := range ps {
		var s, e int // day numbers, e excluded
		switch g.by {
		case Day:
			s = g.first + i
			e = s + 1
		case Week:
			s = g.first + 7*i
			e = s + 7
		default:
			m := g.first + i
			s = civil(m/12, time.Month(m%12+1), 1)
			e = civil((m+1)/12, time.Month((m+1)%12+1), 1)
		}
		s = max(s, g.from.day)
		e = min(e, g.to.day+1)
		ps[i] = Period{Start: dayTime(s, loc), End: dayTime(e, loc)}
	}
	return ps
}

// dayTime returns midnight of day number n in loc.
func dayTime(n int, loc *time.Location) time.Time {
	u := time.Unix(int64(n)*86400, 0).UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, loc)
}

// chooseBucket picks Day up to three months, Week up to three years, else Month.
func chooseBucket(from, to dayOf) Bucket {
	span := to.day - from.day + 1
	switch {
	case span <= 92:
		return Day
	case span <= 3*366:
		return Week
	}
	return Month
}

// Count buckets the series over the range and returns the table. It fails on
// more than MaxSeries series, From after To, a range of more than MaxPeriods
// periods, a negative count, or Share without Totals.
func Count(series []Series, opt Options) (*Table, error) {
	if len(series) > MaxSeries {
		return nil, fmt.Errorf("count %d series (at most %d): %w", len(series), MaxSeries, ErrTooManySeries)
	}
	if opt.Share && opt.Totals == nil {
		return nil, fmt.Errorf("count shares: %w", ErrNoTotals)
	}
	loc := opt.Location
	if loc == nil {
		loc = time.UTC
	}
	from, to, ok, err := bounds(series, opt, loc)
	if err != nil {
		return nil, err
	}
	t := &Table{By: opt.By, Location: loc}
	if !ok { // no range given and nothing dated
		if t.By == Auto {
			t.By = Day
		}
		for i, s := range series {
			c, err := countSeries(nil, s, i)
			if err != nil {
				return nil, err
			}
			t.Series = append(t.Series, c)
		}
		return t, nil
	}
	if t.By == Auto {
		t.By = chooseBucket(from, to)
	}
	g := newGrid(t.By, from, to, loc)
	if g.n > MaxPeriods {
		return nil, fmt.Errorf("count by %s from %s to %s: %d periods (at most %d): %w",
			t.By, dayTime(from.day, loc).Format(time.DateOnly), dayTime(to.day, loc).Format(time.DateOnly),
			g.n, MaxPeriods, ErrTooManyPeriods)
	}
	t.From, t.To = dayTime(from.day, loc), dayTime(to.day, loc)
	t.Periods = g.periods(loc)
	for i, s := range series {
		c, err := countSeries(&g, s, i)
		if err != nil {
			return nil, err
		}
		t.Series = append(t.Series, c)
	}
	if opt.Share {
		tot, err := countSeries(&g, *opt.Totals, -1)
		if err != nil {
			return nil, err
		}
		t.Totals = &tot
		for i := range t.Series {
			t.Series[i].Share = shares(t.Series[i].Counts, tot.Counts)
		}
	}
	return t, nil
}

func shares(counts, totals []int) []float64 {
	out := make([]float64, len(counts))
	for i, c := range counts {
		if totals[i] == 0 {
			out[i] = math.NaN()
		} else {
			out[i] = float64(c) / float64(totals[i])
		}
	}
	return out
}

// bounds returns the range: the one given, with a missing end taken from
// the span of the series' dates. ok is false when neither end is given and no
// item is dated. One end given beyond every date makes a one-day range.
func bounds(series []Series, opt Options, loc *time.Location) (from, to dayOf, ok bool, err error) {
	hasFrom, hasTo := !opt.From.IsZero(), !opt.To.IsZero()
	if hasFrom && hasTo {
		from, to = at(opt.From, loc), at(opt.To, loc)
		if from.day > to.day {
			return from, to, false, fmt.Errorf("count from %s to %s: %w",
				opt.From.Format(time.DateOnly), opt.To.Format(time.DateOnly), ErrRange)
		}
		return from, to, true, nil
	}
	lo, hi, found := span(series, loc)
	switch {
	case hasFrom:
		from = at(opt.From, loc)
		to = hi
		if !found || to.day < from.day {
			to = from
		}
	case hasTo:
		to = at(opt.To, loc)
		from = lo
		if !found || from.day > to.day {
			from = to
		}
	default:
		from, to = lo, hi
	}
	return from, to, hasFrom || hasTo || found, nil
}

// span returns the earliest and latest dated items of the series.
func span(series []Series, loc *time.Location) (lo, hi dayOf, found bool) {
	see := func(t time.Time) {
		if t.IsZero() {
			return
		}
		d := at(t, loc)
		if !found || d.day < lo.day {
			lo = d
		}
		if !found || d.day > hi.day {
			hi = d
		}
		found = true
	}
	for _, s := range series {
		for _, t := range s.Dates {
			see(t)
		}
		for _, dc := range s.Counts {
			if dc.Count != 0 {
				see(dc.Date)
			}
		}
	}
	return lo, hi, found
}

// countSeries counts one series on g (nil: no periods, only undated and
// outside counts). i numbers an unnamed series; -1 marks the totals.
func countSeries(g *grid, s Series, i int) (Column, error) {
	c := Column{Name: s.Name, Undated: s.Undated}
	if c.Name == "" {
		if i < 0 {
			c.Name = "all articles"
		} else {
			c.Name = fmt.Sprintf("series %d", i+1)
		}
	}
	if s.Undated < 0 {
		return c, fmt.Errorf("series %q: %d undated: %w", c.Name, s.Undated, ErrNegative)
	}
	if g != nil {
		c.Counts = make([]int, g.n)
	}
	add := func(t time.Time, n int) {
		if t.IsZero() {
			c.Undated += n
			return
		}
		if g == nil {
			c.Outside += n
			return
		}
		k := g.index(at(t, g.loc))
		if k < 0 {
			c.Outside += n
			return
		}
		c.Counts[k] += n
	}
	for _, t := range s.Dates {
		add(t, 1)
	}
	for _, dc := range s.Counts {
		if dc.Count < 0 {
			return c, fmt.Errorf("series %q on %s: %d: %w", c.Name, dc.Date.Format(time.DateOnly), dc.Count, ErrNegative)
		}
		add(dc.Date, dc.Count)
	}
	return c, nil
}
