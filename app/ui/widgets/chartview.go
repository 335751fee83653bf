package widgets

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/chart"
)

// ChartView shows a chart.Table drawn by app/chart at the widget's size in
// screen pixels, tells OnHover what is under the pointer and OnTap which
// bar was clicked. Drawing takes a few milliseconds; the counting that
// makes the table belongs off the UI goroutine.
type ChartView struct {
	widget.BaseWidget
	// OnHover receives the description of the bar or period under the
	// pointer ("3 Mar 2025: Smith 9"), "" when it leaves them.
	OnHover func(text string)
	// OnTap receives the period and series (-1 when between bars) clicked.
	OnTap func(period, series int)

	tab   *chart.Table
	style chart.Style
	geo   *chart.Geometry
	scale float32
}

// NewChartView returns an empty chart view.
func NewChartView() *ChartView {
	c := &ChartView{}
	c.ExtendBaseWidget(c)
	return c
}

// SetTable shows t (nil: nothing) drawn in style s; call on the UI goroutine.
func (c *ChartView) SetTable(t *chart.Table, s chart.Style) {
	c.tab, c.style, c.geo = t, s, nil
	c.Refresh()
}

// Table returns the table shown.
func (c *ChartView) Table() *chart.Table { return c.tab }

// MinSize keeps the chart legible.
func (c *ChartView) MinSize() fyne.Size { return fyne.NewSize(320, 200) }

// at maps a position in the widget to a period and series.
func (c *ChartView) at(pos fyne.Position) (period, series int, ok bool) {
	if c.geo == nil || c.tab == nil {
		return -1, -1, false
	}
	return c.geo.At(image.Pt(int(pos.X*c.scale), int(pos.Y*c.scale)))
}

// MouseIn is part of desktop.Hoverable.
func (c *ChartView) MouseIn(ev *desktop.MouseEvent) { c.MouseMoved(ev) }

// MouseMoved reports the bar under the pointer.
func (c *ChartView) MouseMoved(ev *desktop.MouseEvent) {
	if c.OnHover == nil {
		return
	}
	p, s, ok := c.at(ev.Position)
	if !ok {
		c.OnHover("")
		return
	}
	c.OnHover(c.tab.Describe(p, s))
}

// MouseOut is part of desktop.Hoverable.
func (c *ChartView) MouseOut() {
	if c.OnHover != nil {
		c.OnHover("")
	}
}

// Tapped reports the bar clicked.
func (c *ChartView) Tapped(ev *fyne.PointEvent) {
	if p, s, ok := c.at(ev.Position); ok && c.OnTap != nil {
		c.OnTap(p, s)
	}
}

// CreateRenderer draws the chart into an image.
func (c *ChartView) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c, img: canvas.NewImageFromImage(nil)}
	r.img.FillMode = canvas.ImageFillStretch
	r.img.ScaleMode = canvas.ImageScalePixels
	r.empty = canvas.NewText("", color.Gray{Y: 128})
	return r
}

type chartRenderer struct {
	c     *ChartView
	img   *canvas.Image
	empty *canvas.Text
	drawn fyne.Size
	tab   *chart.Table
}

func (r *chartRenderer) Layout(size fyne.Size) {
	r.img.Resize(size)
	r.empty.Move(fyne.NewPos(8, 8))
	if size != r.drawn || r.tab != r.c.tab {
		r.draw(size)
	}
}

// draw renders the table at size in the canvas' pixels.
func (r *chartRenderer) draw(size fyne.Size) {
	r.drawn, r.tab = size, r.c.tab
	scale := float32(1)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(r.c); cv != nil {
		scale = cv.Scale()
	}
	r.c.scale = scale
	w, h := int(size.Width*scale), int(size.Height*scale)
	if r.c.tab == nil || w < 50 || h < 50 || len(r.c.tab.Periods) == 0 {
		r.img.Image, r.c.geo = nil, nil
		if r.c.tab != nil {
			r.empty.Text = "Nothing dated to draw."
		}
		r.img.Refresh()
		r.empty.Refresh()
		return
	}
	img, geo, err := r.c.tab.Image(w, h, int(96*scale), r.c.style)
	if err != nil {
		r.img.Image, r.c.geo = nil, nil
		r.empty.Text = err.Error()
	} else {
		r.img.Image, r.c.geo = img, geo
		r.empty.Text = ""
	}
	r.img.Refresh()
	r.empty.Refresh()
}

func (r *chartRenderer) MinSize() fyne.Size { return r.c.MinSize() }

func (r *chartRenderer) Refresh() {
	if r.tab != r.c.tab {
		r.draw(r.c.Size())
	}
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.img, r.empty} }

func (r *chartRenderer) Destroy() {}

// BarCenter returns the centre of the bar of series s in period p as last
// drawn, in the widget's coordinates; ok is false when none is drawn.
func (c *ChartView) BarCenter(s, p int) (pos fyne.Position, ok bool) {
	if c.geo == nil || s < 0 || s >= len(c.geo.Bars) || p < 0 || p >= len(c.geo.Bars[s]) || c.geo.Bars[s][p].Empty() {
		return fyne.Position{}, false
	}
	b := c.geo.Bars[s][p]
	return fyne.NewPos(float32(b.Min.X+b.Max.X)/2/c.scale, float32(b.Min.Y+b.Max.Y)/2/c.scale), true
}
