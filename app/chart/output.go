package chart

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// WritePNG draws the chart as a PNG of Style.Width x Style.Height inches at
// Style.DPI (300 by default: 1890 x 1063 pixels).
func (t *Table) WritePNG(w io.Writer, s Style) error {
	s = s.withDefaults(t)
	wpx, hpx := pixels(s.Width, s.DPI), pixels(s.Height, s.DPI)
	if err := checkSize(wpx, hpx); err != nil {
		return fmt.Errorf("write png: %w", err)
	}
	c := vgimg.NewWith(vgimg.UseImage(image.NewRGBA(image.Rect(0, 0, wpx, hpx))), vgimg.UseDPI(s.DPI))
	t.layout(draw.New(c), s, true)
	// Fastest deflate: charts are flat colour, so the file is barely larger
	// and encoding takes a third of the time.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(w, c.Image()); err != nil {
		return fmt.Errorf("write png: %w", err)
	}
	return nil
}

// WriteSVG draws the chart as SVG, Style.Width x Style.Height inches.
func (t *Table) WriteSVG(w io.Writer, s Style) error {
	s = s.withDefaults(t)
	if s.Width > 1000 || s.Height > 1000 {
		return fmt.Errorf("write svg of %gx%g inches: too large", s.Width, s.Height)
	}
	c := vgsvg.New(vg.Length(s.Width)*vg.Inch, vg.Length(s.Height)*vg.Inch)
	t.layout(draw.New(c), s, true)
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("write svg: %w", err)
	}
	return nil
}

// ErrFormat is returned by WriteFile for a file name it cannot write.
var ErrFormat = errors.New("unknown chart format (want .png, .svg or .csv)")

// WriteFile writes the chart to path in the format its extension names:
// .png, .svg or .csv.
func (t *Table) WriteFile(path string, s Style) (err error) {
	var write func(io.Writer) error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		write = func(w io.Writer) error { return t.WritePNG(w, s) }
	case ".svg":
		write = func(w io.Writer) error { return t.WriteSVG(w, s) }
	case ".csv":
		write = t.WriteCSV
	default:
		return fmt.Errorf("write %s: %w", path, ErrFormat)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write chart: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("write %s: %w", path, cerr)
		}
	}()
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func pixels(inches float64, dpi int) int { return int(inches*float64(dpi) + 0.5) }

// Image draws the chart into a new width x height pixel image at dpi (96 on
// most screens; 0 means 96) for a GUI to show, and returns with it the
// geometry of what is drawn, to map the pointer to a period and value.
// Style.Width, Height and DPI are ignored.
func (t *Table) Image(width, height, dpi int, s Style) (*image.RGBA, *Geometry, error) {
	if dpi <= 0 {
		dpi = 96
	}
	if err := checkSize(width, height); err != nil {
		return nil, nil, fmt.Errorf("draw chart: %w", err)
	}
	s.Width, s.Height, s.DPI = float64(width)/float64(dpi), float64(height)/float64(dpi), dpi
	s = s.withDefaults(t)
	c := vgimg.NewWith(vgimg.UseImage(image.NewRGBA(image.Rect(0, 0, width, height))), vgimg.UseDPI(dpi))
	f := t.layout(draw.New(c), s, true)
	img, ok := c.Image().(*image.RGBA) // the canvas draws on its own copy
	if !ok {
		return nil, nil, fmt.Errorf("draw chart: canvas image is %T", c.Image())
	}
	return img, t.geometry(f, width, height, dpi), nil
}

// Layout returns the geometry of the chart Image would draw, without drawing.
func (t *Table) Layout(width, height, dpi int, s Style) (*Geometry, error) {
	if dpi <= 0 {
		dpi = 96
	}
	if err := checkSize(width, height); err != nil {
		return nil, fmt.Errorf("lay out chart: %w", err)
	}
	s.Width, s.Height, s.DPI = float64(width)/float64(dpi), float64(height)/float64(dpi), dpi
	s = s.withDefaults(t)
	// Nothing is drawn when not painting: the canvas needs only its bounds.
	c := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: vg.Length(s.Width) * vg.Inch, Y: vg.Length(s.Height) * vg.Inch}}}
	f := t.layout(c, s, false)
	return t.geometry(f, width, height, dpi), nil
}
