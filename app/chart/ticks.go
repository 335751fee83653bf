package chart

import (
	"strconv"
	"time"
)

// Tick is a labelled period of the time axis.
type Tick struct {
	Index int    // period
	Label string // e.g. "3 Mar", "Mar 2024", "2024"
}

// level is one way of labelling the axis, from every day to every century.
type level struct {
	unit string // "day", "month" or "year"
	n    int    // every n units
}

// levels lists the candidate labellings for a bucket, finest first.
func levels(by Bucket) []level {
	var ls []level
	switch by {
	case Day:
		ls = append(ls, level{"day", 1}, level{"day", 2}, level{"monday", 1}, level{"monday", 2})
	case Week:
		ls = append(ls, level{"monday", 1}, level{"monday", 2})
	}
	for _, n := range []int{1, 2, 3, 6} {
		ls = append(ls, level{"month", n})
	}
	for _, n := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000} {
		ls = append(ls, level{"year", n})
	}
	return ls
}

// mark returns the date a period is labelled with at level l, if any.
func (l level) mark(p Period) (time.Time, bool) {
	switch l.unit {
	case "day":
		return p.Start, daysSinceEpoch(p.Start)%l.n == 0
	case "monday":
		// A clipped first week starts on another day; label its Monday only
		// when it is in the range.
		if p.Start.Weekday() != time.Monday {
			return time.Time{}, false
		}
		return p.Start, (weekStart(daysSinceEpoch(p.Start))/7)%l.n == 0
	}
	for d := p.Start; d.Before(p.End); d = nextFirst(d) {
		if d.Day() != 1 {
			continue
		}
		if l.unit == "month" && (int(d.Month())-1)%l.n == 0 {
			return d, true
		}
		if l.unit == "year" && d.Month() == time.January && d.Year()%l.n == 0 {
			return d, true
		}
	}
	return time.Time{}, false
}

// nextFirst returns the first day of the month after d.
func nextFirst(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month()+1, 1, 0, 0, 0, 0, d.Location())
}

func daysSinceEpoch(t time.Time) int {
	y, m, d := t.Date()
	n := civil(y, m, d)
	if n < 0 {
		return -n // only parity matters to callers; keep it non-negative
	}
	return n
}

// labels returns the ticks of level l, each label naming the year at the
// first tick and where the year changes.
func (l level) labels(ps []Period) []Tick {
	var ts []Tick
	lastYear := 0
	for i, p := range ps {
		d, ok := l.mark(p)
		if !ok {
			continue
		}
		var s string
		withYear := len(ts) == 0 || d.Year() != lastYear
		switch l.unit {
		case "year":
			s = strconv.Itoa(d.Year())
		case "month":
			s = d.Format("Jan")
			if withYear {
				s += " " + strconv.Itoa(d.Year())
			}
		default:
			s = d.Format("2 Jan")
			if withYear {
				s += " " + strconv.Itoa(d.Year())
			}
		}
		lastYear = d.Year()
		ts = append(ts, Tick{Index: i, Label: s})
	}
	return ts
}

// Ticks chooses the periods to label on an axis axisWidth long, on which each
// period takes the same width, so that no two labels overlap: the finest
// labelling (every day, Monday, month, quarter, year, decade...) whose labels,
// measured by width in the unit of axisWidth, keep a gap of at least one
// space between them.
func (t *Table) Ticks(axisWidth float64, width func(string) float64) []Tick {
	n := len(t.Periods)
	if n == 0 || axisWidth <= 0 {
		return nil
	}
	per := axisWidth / float64(n)
	gap := width("  ")
	var last []Tick
	for _, l := range levels(t.By) {
		ts := l.labels(t.Periods)
		if len(ts) == 0 {
			continue
		}
		last = ts
		if fits(ts, per, gap, width) {
			return ts
		}
	}
	if last == nil { // a range too short to hold any boundary: name its start
		return []Tick{{Index: 0, Label: t.Periods[0].Start.Format("2 Jan 2006")}}
	}
	return thin(last, per, gap, width)
}

func fits(ts []Tick, per, gap float64, width func(string) float64) bool {
	for i := 1; i < len(ts); i++ {
		a, b := ts[i-1], ts[i]
		if float64(b.Index-a.Index)*per < (width(a.Label)+width(b.Label))/2+gap {
			return false
		}
	}
	return true
}

// thin drops every label that would overlap the one kept before it.
func thin(ts []Tick, per, gap float64, width func(string) float64) []Tick {
	var out []Tick
	for _, t := range ts {
		if len(out) > 0 {
			a := out[len(out)-1]
			if float64(t.Index-a.Index)*per < (width(a.Label)+width(t.Label))/2+gap {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}
