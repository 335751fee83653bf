package chart

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Kind is how series are drawn.
type Kind int

// The kinds. AutoKind draws bars up to LinesAbove periods, lines beyond.
const (
	AutoKind Kind = iota
	Bars
	Lines
)

// AutoKind draws lines above LinesAbove periods, or above BarsMax bars in
// all, where bars would be thinner than a hairline on paper.
const (
	LinesAbove = 160
	BarsMax    = 200
)

// sans is the font of every text of a chart.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// Palette holds the series colours: the Okabe-Ito colour-blind-safe palette
// (blue, orange, bluish green, vermillion, reddish purple). Lines also differ
// by dash, so the chart reads in grey print.
var Palette = [MaxSeries]color.RGBA{
	{0, 114, 178, 255},
	{230, 159, 0, 255},
	{0, 158, 115, 255},
	{213, 94, 0, 255},
	{204, 121, 167, 255},
}

var dashes = [MaxSeries][]vg.Length{
	nil,
	{vg.Points(6), vg.Points(3)},
	{vg.Points(2), vg.Points(2)},
	{vg.Points(8), vg.Points(2), vg.Points(2), vg.Points(2)},
	{vg.Points(4), vg.Points(4)},
}

// Style says how to draw a table. Zero fields take defaults.
type Style struct {
	Title  string
	XLabel string // default: "Day", "Week (Monday to Sunday)" or "Month"
	YLabel string // default: "Articles", or "% of all articles" in share mode
	// Width and Height in inches, default 6.3 x 3.54 (16 x 9 cm).
	Width, Height float64
	// DPI of PNG output, default 300.
	DPI  int
	Kind Kind
	// FontSize of tick labels, legend and note in points, default 9; titles
	// are larger.
	FontSize float64
}

func (s Style) withDefaults(t *Table) Style {
	if s.Width <= 0 {
		s.Width = 16 / 2.54
	}
	if s.Height <= 0 {
		s.Height = 9 / 2.54
	}
	if s.DPI <= 0 {
		s.DPI = 300
	}
	if s.FontSize <= 0 {
		s.FontSize = 9
	}
	if s.XLabel == "" {
		s.XLabel = map[Bucket]string{Day: "Day", Week: "Week (Monday to Sunday)", Month: "Month"}[t.By]
	}
	if s.YLabel == "" {
		s.YLabel = "Articles"
		if t.Share() {
			s.YLabel = "% of all articles"
		}
	}
	if s.Kind == AutoKind {
		s.Kind = Bars
		if n := len(t.Periods); n > LinesAbove || n*len(t.Series) > BarsMax {
			s.Kind = Lines
		}
	}
	return s
}

// frame is a laid-out chart: the plot and the canvas it is drawn in.
type frame struct {
	p     *plot.Plot
	data  draw.Canvas // the data area, inside the axes
	style Style
}

func textStyle(size float64) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.From(sans, font.Length(size)),
		Handler: plot.DefaultTextHandler,
	}
}

// layout places the title, legend, note and plot in c; paint draws them.
func (t *Table) layout(c draw.Canvas, s Style, paint bool) frame {
	if paint {
		c.SetColor(color.White)
		c.Fill(c.Rectangle.Path())
	}
	pad := vg.Points(s.FontSize * 0.6)
	c = draw.Crop(c, pad, -pad, pad, -pad)
	if s.Title != "" {
		ts := textStyle(s.FontSize * 1.35)
		ts.XAlign, ts.YAlign = draw.XCenter, draw.YTop
		if paint {
			c.FillText(ts, vg.Point{X: c.Center().X, Y: c.Max.Y}, s.Title)
		}
		c.Max.Y -= ts.Height(s.Title) + pad
	}
	c.Max.Y -= t.legend(c, s, paint) + pad
	if note := t.UndatedNote(); note != "" {
		ts := textStyle(s.FontSize)
		ts.YAlign = draw.YBottom
		if paint {
			c.FillText(ts, c.Min, note)
		}
		c.Min.Y += ts.Height(note) + pad
	}
	f := frame{p: t.newPlot(s), style: s}
	tick := &axisTicks{}
	f.p.X.Tick.Marker = tick
	measure := func(l string) float64 { return float64(f.p.X.Tick.Label.Width(l)) }
	for range 2 { // the labels change the data area a little: settle it
		f.data = f.p.DataCanvas(c)
		tick.set(t, float64(f.data.Max.X-f.data.Min.X), measure, s.Kind)
	}
	f.data = f.p.DataCanvas(c)
	if s.Kind == Lines {
		f.p.Add(linesPlotter{t})
	} else {
		f.p.Add(barsPlotter{t})
	}
	if paint {
		f.p.Draw(c)
	}
	return f
}

// newPlot makes the axes: X spans the periods, Y starts at 0.
func (t *Table) newPlot(s Style) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil
	p.X.Label.Text, p.Y.Label.Text = s.XLabel, s.YLabel
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, font.Length(s.FontSize*1.1))
		a.Tick.Label.Font = font.From(sans, font.Length(s.FontSize))
		a.Padding = 0
	}
	p.X.Min, p.X.Max = -0.5, math.Max(float64(len(t.Periods))-0.5, 0.5)
	hi := 0.0
	for k := range t.Series {
		for i := range t.Periods {
			hi = math.Max(hi, t.Value(k, i))
		}
	}
	p.Y.Min, p.Y.Max = 0, niceMax(hi, !t.Share())
	p.Y.Tick.Marker = plot.TickerFunc(func(lo, hi float64) []plot.Tick { return valueTicks(hi, !t.Share()) })
	return p
}

// niceMax returns the top of the value axis: a round step above hi.
func niceMax(hi float64, integer bool) float64 {
	if hi <= 0 {
		return 1
	}
	step := niceStep(hi, integer)
	return math.Ceil(hi/step) * step
}

// niceStep returns 1, 2 or 5 times a power of ten giving 3 to 6 steps up to hi.
func niceStep(hi float64, integer bool) float64 {
	mag := math.Pow(10, math.Floor(math.Log10(hi/5)))
	for _, m := range []float64{1, 2, 5, 10} {
		if hi/(m*mag) <= 6 {
			mag *= m
			break
		}
	}
	if integer && mag < 1 {
		mag = 1
	}
	return mag
}

func valueTicks(hi float64, integer bool) []plot.Tick {
	if hi <= 0 {
		return nil
	}
	step := niceStep(hi, integer)
	var ts []plot.Tick
	for i := 0; float64(i)*step <= hi*(1+1e-9) && i <= 100; i++ {
		v := float64(i) * step
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	return ts
}

// legend draws one swatch and name per series along the top of c, wrapping
// when needed, and returns the height it takes.
func (t *Table) legend(c draw.Canvas, s Style, paint bool) vg.Length {
	if len(t.Series) == 0 {
		return 0
	}
	ts := textStyle(s.FontSize)
	ts.YAlign = draw.YTop
	row := ts.Height("Mg") * 1.3
	sw := vg.Points(s.FontSize)
	x, y := c.Min.X, c.Max.Y
	for k, col := range t.Series {
		name := shorten(col.Name, legendRunes)
		w := sw*1.7 + ts.Width(name) + sw
		if x > c.Min.X && x+w > c.Max.X {
			x, y = c.Min.X, y-row
		}
		if paint {
			top := y - (row-sw)/3
			if s.Kind == Lines {
				sty := draw.LineStyle{Color: Palette[k], Width: vg.Points(1.2), Dashes: dashes[k]}
				c.StrokeLine2(sty, x, top-sw/2, x+sw*1.2, top-sw/2)
			} else {
				c.FillPolygon(Palette[k], []vg.Point{{X: x, Y: top}, {X: x + sw, Y: top}, {X: x + sw, Y: top - sw}, {X: x, Y: top - sw}})
			}
			c.FillText(ts, vg.Point{X: x + sw*1.7, Y: y}, name)
		}
		x += w
	}
	return c.Max.Y - y + row
}

// legendRunes is the longest series name the legend shows in full.
const legendRunes = 48

// shorten cuts s to n runes, ending it with an ellipsis when cut, and puts
// line breaks as spaces.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// axisTicks marks the chosen periods on the time axis, and every period with
// a minor tick when they are far enough apart.
type axisTicks struct{ ticks []plot.Tick }

func (a *axisTicks) set(t *Table, width float64, measure func(string) float64, kind Kind) {
	a.ticks = a.ticks[:0]
	labelled := map[int]bool{}
	for _, tk := range t.Ticks(width, measure) {
		a.ticks = append(a.ticks, plot.Tick{Value: float64(tk.Index), Label: tk.Label})
		labelled[tk.Index] = true
	}
	if n := len(t.Periods); n > 0 && kind == Bars && width/float64(n) >= 4 {
		for i := range n {
			if !labelled[i] {
				a.ticks = append(a.ticks, plot.Tick{Value: float64(i)})
			}
		}
	}
}

func (a *axisTicks) Ticks(lo, hi float64) []plot.Tick { return a.ticks }

// barRect returns the bar of series k in period i in data coordinates: the
// series share 80% of the period's width side by side.
func (t *Table) barRect(k, i int) (x0, x1, y0, y1 float64) {
	w := 0.8 / float64(len(t.Series))
	x0 = float64(i) - 0.4 + float64(k)*w
	return x0, x0 + w, 0, t.Value(k, i)
}

type barsPlotter struct{ t *Table }

// Plot draws the bars; it implements plot.Plotter.
func (b barsPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for k := range b.t.Series {
		for i := range b.t.Periods {
			x0, x1, y0, y1 := b.t.barRect(k, i)
			if y1 <= y0 {
				continue
			}
			pts := []vg.Point{{X: trX(x0), Y: trY(y0)}, {X: trX(x1), Y: trY(y0)}, {X: trX(x1), Y: trY(y1)}, {X: trX(x0), Y: trY(y1)}}
			c.FillPolygon(Palette[k], c.ClipPolygonXY(pts))
		}
	}
}

type linesPlotter struct{ t *Table }

// Plot draws one line per series through the middle of each period.
func (l linesPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for k := range l.t.Series {
		// A share is undefined where the period has no article at all: the
		// line breaks there rather than drop to 0.
		var runs [][]vg.Point
		var run []vg.Point
		for i := range l.t.Periods {
			if sh := l.t.Series[k].Share; sh != nil && sh[i] != sh[i] {
				if len(run) > 0 {
					runs = append(runs, run)
				}
				run = nil
				continue
			}
			run = append(run, vg.Point{X: trX(float64(i)), Y: trY(l.t.Value(k, i))})
		}
		if len(run) > 0 {
			runs = append(runs, run)
		}
		sty := draw.LineStyle{Color: Palette[k], Width: vg.Points(1.2), Dashes: dashes[k]}
		c.StrokeLines(sty, c.ClipLinesXY(runs...)...)
		for _, r := range runs { // a lone point draws no line: mark it
			if len(r) == 1 && c.Contains(r[0]) {
				c.DrawGlyph(draw.GlyphStyle{Color: Palette[k], Radius: vg.Points(2), Shape: draw.CircleGlyph{}}, r[0])
			}
		}
	}
}

// checkSize bounds the pixels of a raster output.
func checkSize(wpx, hpx int) error {
	const maxPixels = 80_000_000
	if wpx <= 0 || hpx <= 0 || wpx > 40000 || hpx > 40000 || wpx*hpx > maxPixels {
		return fmt.Errorf("image of %dx%d pixels: out of bounds (at most %d pixels)", wpx, hpx, maxPixels)
	}
	return nil
}
