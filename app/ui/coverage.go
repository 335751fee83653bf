package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/chart"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// seriesKinds are the kinds a Coverage series picker offers, as labelled.
var seriesKinds = []struct{ label, kind string }{
	{"—", ""}, {"Query", search.KindQuery}, {"Entity", search.KindEntity},
	{"Source", search.KindSource}, {"Tag", search.KindTag},
}

// seriesPicker is one row of the Coverage view: a kind and a value, with
// the archive's sources, tags or most mentioned entities offered.
type seriesPicker struct {
	kind  *widgets.Select
	value *widgets.SelectEntry
}

// CoverageView is the Coverage section: up to five series of articles per
// day, week or month, side by side, as counts or shares of all articles;
// hovering shows a bar's value, clicking lists its articles; the chart
// exports as PNG, SVG and CSV.
type CoverageView struct {
	w       *Window
	pickers []*seriesPicker
	specs   []search.SeriesSpec // of the chart shown
	by      *widgets.Select
	share   *widgets.Check
	from    *widgets.Entry
	to      *widgets.Entry
	chart   *widgets.ChartView
	hover   *widget.Label
	note    *widget.Label
	exports []*widgets.Button
	root    fyne.CanvasObject
	gen     int // counts started; a late answer of an older one is dropped
	choices choices
}

func newCoverageView(w *Window) *CoverageView {
	v := &CoverageView{w: w, chart: widgets.NewChartView(), hover: widget.NewLabel(" "), note: widget.NewLabel("")}
	rows := container.NewVBox()
	for i := range chart.MaxSeries {
		p := v.newPicker()
		if i == 0 {
			p.kind.SetSelectedIndex(1)
		}
		v.pickers = append(v.pickers, p)
		rows.Add(container.NewBorder(nil, nil, p.kind, nil, p.value))
	}
	v.by = widgets.NewSelect([]string{"auto", "day", "week", "month"}, nil)
	v.by.SetSelected("auto")
	v.share = widgets.NewCheck("Share of all articles", nil)
	v.from, v.to = widgets.NewEntry(), widgets.NewEntry()
	v.from.SetPlaceHolder("from YYYY-MM-DD")
	v.to.SetPlaceHolder("to YYYY-MM-DD")
	draw := widgets.NewButtonWithIcon("Draw", theme.ViewRefreshIcon(), v.draw)
	draw.Importance = widget.HighImportance
	for _, f := range []string{"png", "svg", "csv"} {
		b := widgets.NewButtonWithIcon(strings.ToUpper(f), theme.DocumentSaveIcon(), func() { v.export(f) })
		b.Disable()
		v.exports = append(v.exports, b)
	}
	v.chart.OnHover = func(s string) { v.hover.SetText(" " + s) }
	v.chart.OnTap = v.openPeriod
	opts := container.NewVBox(
		sectionLabel("Series"), rows,
		sectionLabel("Periods"), v.by, container.NewGridWithColumns(2, v.from, v.to), v.share,
		draw, widget.NewSeparator(), sectionLabel("Export what is drawn"),
		container.NewGridWithColumns(3, v.exports[0], v.exports[1], v.exports[2]))
	bottom := container.NewVBox(v.hover, v.note)
	split := container.NewHSplit(container.NewVScroll(opts), container.NewBorder(nil, bottom, nil, nil, v.chart))
	split.Offset = 0.3
	v.root = container.NewBorder(heading("Coverage over time"), nil, nil, nil, split)
	v.loadChoices()
	return v
}

func (v *CoverageView) content() fyne.CanvasObject { return v.root }

func (v *CoverageView) newPicker() *seriesPicker {
	p := &seriesPicker{value: widgets.NewSelectEntry(nil)}
	labels := make([]string, len(seriesKinds))
	for i, k := range seriesKinds {
		labels[i] = k.label
	}
	p.kind = widgets.NewSelect(labels, func(string) { v.offer(p) })
	p.kind.SetSelectedIndex(0)
	p.value.OnSubmitted = func(string) { v.draw() }
	return p
}

// choices are what the pickers offer, by kind.
type choices map[string][]string

// loadChoices reads the sources, tags and most mentioned entities.
func (v *CoverageView) loadChoices() {
	ctx, a := v.w.ctx, v.w.app
	v.w.run(func() {
		c := choices{}
		if src, err := a.Search.Sources(ctx); err == nil {
			for _, s := range src {
				c[search.KindSource] = append(c[search.KindSource], s.Name)
			}
		}
		if tags, err := a.Annotate.Tags(ctx, ""); err == nil {
			for _, t := range tags {
				c[search.KindTag] = append(c[search.KindTag], t.Name)
			}
		}
		if ents, err := a.Tagging.Entities(ctx, "", 40, 0); err == nil {
			for _, e := range ents {
				c[search.KindEntity] = append(c[search.KindEntity], e.Name)
			}
		}
		v.w.do(func() {
			v.choices = c
			for _, p := range v.pickers {
				v.offer(p)
			}
		})
	})
}

// offer sets a picker's options to its kind's.
func (v *CoverageView) offer(p *seriesPicker) {
	k := seriesKinds[max(0, p.kind.SelectedIndex())].kind
	p.value.SetOptions(v.choices[k])
	if k == "" {
		p.value.Disable()
	} else {
		p.value.Enable()
	}
}

// specs returns the series the pickers name.
func (v *CoverageView) pickedSpecs() []search.SeriesSpec {
	var out []search.SeriesSpec
	for _, p := range v.pickers {
		k := seriesKinds[max(0, p.kind.SelectedIndex())].kind
		if k != "" && strings.TrimSpace(p.value.Text) != "" {
			out = append(out, search.SeriesSpec{Kind: k, Value: p.value.Text})
		}
	}
	return out
}

// draw counts the series off the UI goroutine and shows the chart.
func (v *CoverageView) draw() {
	specs := v.pickedSpecs()
	if len(specs) == 0 {
		v.note.SetText("Choose a query, entity, source or tag to chart.")
		return
	}
	by, _ := chart.ParseBucket(v.by.Selected)
	opt := search.CoverageOptions{By: by, Share: v.share.Checked, From: v.from.Text, To: v.to.Text}
	v.gen++
	gen := v.gen
	v.note.SetText("Counting…")
	ctx, a := v.w.ctx, v.w.app
	v.w.run(func() {
		tab, err := a.Search.Coverage(ctx, specs, opt)
		v.w.do(func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.note.SetText(errorText(err))
				return
			}
			v.show(specs, tab)
		})
	})
}

// show puts a counted table on screen.
func (v *CoverageView) show(specs []search.SeriesSpec, tab *chart.Table) {
	v.specs = specs
	v.chart.SetTable(tab, chart.Style{})
	v.note.SetText(coverageNote(tab))
	for _, b := range v.exports {
		b.Enable()
	}
}

// coverageNote sums up a table: what is drawn and what is not.
func coverageNote(tab *chart.Table) string {
	var parts []string
	for _, c := range tab.Series {
		parts = append(parts, fmt.Sprintf("%s: %s", c.Name, articlesText(c.Total())))
	}
	s := strings.Join(parts, " · ")
	if n := tab.UndatedNote(); n != "" {
		s += " — " + n
	}
	if len(tab.Periods) > 0 {
		s += " — click a bar to list its articles"
	}
	return s
}

// openPeriod lists the articles of a clicked bar (of the first series
// when the click fell between bars).
func (v *CoverageView) openPeriod(period, series int) {
	tab := v.chart.Table()
	if tab == nil || period < 0 || period >= len(tab.Periods) || len(v.specs) == 0 {
		return
	}
	showPeriod(v.w, v.specs[max(series, 0)], tab, period, max(series, 0))
}

// showPeriod opens the articles of one series in one period of tab.
func showPeriod(w viewHost, spec search.SeriesSpec, tab *chart.Table, period, series int) {
	p := tab.Periods[period]
	n := tab.Series[series].Counts[period]
	fetch := func(ctx context.Context, limit, offset int) ([]store.ArticleListing, error) {
		res, err := w.archive().Search.PeriodArticles(ctx, spec, p.Start, p.End, limit, offset)
		out := make([]store.ArticleListing, len(res.Hits))
		for i, h := range res.Hits {
			out[i] = store.ArticleListing{ID: h.ID, Title: h.Title, Source: h.Source, Published: h.Published}
		}
		return out, err
	}
	w.showPage(newFilteredArticles(w, spec.Name()+", "+tab.PeriodLabel(period), n, fetch).content())
}

// export saves the chart shown as a PNG, SVG or CSV file.
func (v *CoverageView) export(format string) {
	tab := v.chart.Table()
	if tab == nil {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			v.w.showError(err)
			return
		}
		if wc == nil {
			return
		}
		v.w.run(func() {
			var werr error
			switch format {
			case "png":
				werr = tab.WritePNG(wc, chart.Style{})
			case "svg":
				werr = tab.WriteSVG(wc, chart.Style{})
			default:
				werr = tab.WriteCSV(wc)
			}
			if cerr := wc.Close(); werr == nil {
				werr = cerr
			}
			v.w.do(func() {
				if werr != nil {
					v.w.showError(fmt.Errorf("export chart: %w", werr))
					return
				}
				v.w.setStatus("chart saved to " + wc.URI().Path())
			})
		})
	}, v.w.win)
	d.SetFileName("coverage." + format)
	d.Show()
}
