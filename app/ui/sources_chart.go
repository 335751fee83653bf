package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/chart"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// sourcesChart charts the articles of the largest sources over time, at
// the top of the Sources view.
type sourcesChart struct {
	w     viewHost
	view  *widgets.ChartView
	hover *widget.Label
	specs []search.SeriesSpec
}

func newSourcesChart(w viewHost) *sourcesChart {
	c := &sourcesChart{w: w, view: widgets.NewChartView(), hover: widget.NewLabel(" ")}
	c.view.OnHover = func(s string) { c.hover.SetText(" " + s) }
	c.view.OnTap = func(period, series int) {
		tab := c.view.Table()
		if tab != nil && series >= 0 && period >= 0 && period < len(tab.Periods) {
			showPeriod(w, c.specs[series], tab, period, series)
		}
	}
	return c
}

func (c *sourcesChart) content() fyne.CanvasObject {
	return container.NewVBox(container.NewGridWrap(fyne.NewSize(720, 230), c.view), c.hover)
}

// load counts the largest sources (at most chart.MaxSeries) off the UI
// goroutine.
func (c *sourcesChart) load(sources []store.SourceSpan) {
	var specs []search.SeriesSpec
	for _, s := range sources[:min(len(sources), chart.MaxSeries)] {
		specs = append(specs, search.SeriesSpec{Kind: search.KindSource, Value: s.Name})
	}
	if len(specs) == 0 {
		return
	}
	ctx, a := c.w.archiveContext(), c.w.archive()
	c.w.run(func() {
		tab, err := a.Search.Coverage(ctx, specs, search.CoverageOptions{})
		c.w.do(func() {
			if err != nil {
				c.hover.SetText(errorText(err))
				return
			}
			for i := range tab.Series {
				tab.Series[i].Name = specs[i].Value
			}
			c.specs = specs
			c.view.SetTable(tab, chart.Style{Title: "Articles of the largest sources"})
			if n := tab.UndatedNote(); n != "" {
				c.hover.SetText(" " + n)
			}
		})
	})
}

// spanText is a source's date range, " · 2004-01-03 – 2005-12-30", with
// its undated articles.
func spanText(s store.SourceSpan) string {
	day := func(d string) string { return d[:min(len(d), 10)] }
	out := ""
	switch {
	case s.First == "":
	case day(s.First) == day(s.Last):
		out = " · " + day(s.First)
	default:
		out = " · " + day(s.First) + " – " + day(s.Last)
	}
	if s.Undated > 0 {
		out += fmt.Sprintf(" (%d undated)", s.Undated)
	}
	return out
}
