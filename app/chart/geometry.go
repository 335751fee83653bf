package chart

import (
	"fmt"
	"image"
	"math"
	"strings"

	"gonum.org/v1/plot/vg"
)

// Geometry is where a drawn chart put each period and bar, in pixels of the
// image (origin top left), so a GUI can map the pointer to a period.
type Geometry struct {
	// Data is the data area, inside the axes.
	Data image.Rectangle
	// Columns holds each period's slice of the data area, full height.
	Columns []image.Rectangle
	// Bars holds, per series and period, the bar drawn (for lines, a small
	// square around the point); empty for a zero bar.
	Bars [][]image.Rectangle
}

// geometry converts the frame's data coordinates to pixels.
func (t *Table) geometry(f frame, width, height, dpi int) *Geometry {
	scale := float64(dpi) / float64(vg.Inch)
	px := func(x vg.Length) int { return int(math.Round(float64(x) * scale)) }
	py := func(y vg.Length) int { return height - int(math.Round(float64(y)*scale)) }
	dc := f.data
	trX, trY := f.p.Transforms(&dc)
	g := &Geometry{Data: image.Rect(px(dc.Min.X), py(dc.Max.Y), px(dc.Max.X), py(dc.Min.Y))}
	g.Columns = make([]image.Rectangle, len(t.Periods))
	for i := range t.Periods {
		g.Columns[i] = image.Rect(px(trX(float64(i)-0.5)), g.Data.Min.Y, px(trX(float64(i)+0.5)), g.Data.Max.Y)
	}
	g.Bars = make([][]image.Rectangle, len(t.Series))
	half := max(3, dpi/32)
	for k := range t.Series {
		g.Bars[k] = make([]image.Rectangle, len(t.Periods))
		for i := range t.Periods {
			if f.style.Kind == Lines {
				x, y := px(trX(float64(i))), py(trY(t.Value(k, i)))
				g.Bars[k][i] = image.Rect(x-half, y-half, x+half, y+half)
				continue
			}
			x0, x1, y0, y1 := t.barRect(k, i)
			if y1 > y0 {
				g.Bars[k][i] = image.Rect(px(trX(x0)), py(trY(y1)), px(trX(x1)), py(trY(y0)))
			}
		}
	}
	return g
}

// At returns the period under pt and the series whose bar (or point) is
// under it, -1 when none is; ok is false outside every period.
func (g *Geometry) At(pt image.Point) (period, series int, ok bool) {
	if !pt.In(g.Data) || len(g.Columns) == 0 {
		return -1, -1, false
	}
	// Columns are in order and of equal width: find by position.
	w := float64(g.Data.Dx()) / float64(len(g.Columns))
	i := int(float64(pt.X-g.Data.Min.X) / w)
	for i > 0 && pt.X < g.Columns[i].Min.X {
		i--
	}
	for i < len(g.Columns)-1 && pt.X >= g.Columns[i].Max.X {
		i++
	}
	i = min(max(i, 0), len(g.Columns)-1)
	for k := range g.Bars {
		if pt.In(g.Bars[k][i]) {
			return i, k, true
		}
	}
	return i, -1, true
}

// Describe returns the hover text of a period, and of one series in it
// (series -1: every series), e.g. "6–12 Jan 2025: Smith 12, Jones 3".
func (t *Table) Describe(period, series int) string {
	if period < 0 || period >= len(t.Periods) {
		return ""
	}
	var parts []string
	for k, c := range t.Series {
		if series >= 0 && k != series {
			continue
		}
		v := fmt.Sprintf("%s %d", c.Name, c.Counts[period])
		if c.Share != nil {
			if sh := c.Share[period]; sh == sh {
				v += fmt.Sprintf(" (%.1f%%)", 100*sh)
			}
		}
		parts = append(parts, v)
	}
	out := t.PeriodLabel(period) + ": " + strings.Join(parts, ", ")
	if t.Totals != nil {
		out += fmt.Sprintf(" of %d", t.Totals.Counts[period])
	}
	return out
}

// PeriodLabel names a period: "3 Mar 2024", "4–10 Mar 2024", "Mar 2024"
// (with its days when the range cuts the month).
func (t *Table) PeriodLabel(i int) string {
	p := t.Periods[i]
	last := p.Last()
	if t.By == Month && p.Start.Day() == 1 && p.End.Day() == 1 {
		return p.Start.Format("Jan 2006")
	}
	if p.Start.Equal(last) {
		return p.Start.Format("2 Jan 2006")
	}
	switch {
	case p.Start.Year() != last.Year():
		return p.Start.Format("2 Jan 2006") + "–" + last.Format("2 Jan 2006")
	case p.Start.Month() != last.Month():
		return p.Start.Format("2 Jan") + "–" + last.Format("2 Jan 2006")
	}
	return p.Start.Format("2") + "–" + last.Format("2 Jan 2006")
}
