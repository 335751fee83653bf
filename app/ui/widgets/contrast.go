package widgets

import (
	"image/color"
	"math"
)

// MinTextContrast is the least contrast ratio of coloured text with its
// background: WCAG 2's level AA for body text.
const MinTextContrast = 4.5

// Luminance is the WCAG 2 relative luminance of c, from 0 (black) to 1
// (white); c is taken as opaque.
func Luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func Contrast(a, b color.Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Over is c, with its opacity, painted over the opaque colour bg.
func Over(c color.NRGBA, bg color.Color) color.NRGBA {
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(c.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(c.R, b.R), G: mix(c.G, b.G), B: mix(c.B, b.B), A: 0xff}
}

// Readable returns c, opaque, if its contrast with each of the
// backgrounds is at least min; else the shade of c nearest to it (mixed
// towards black on a light first background, towards white on a dark
// one) that has that contrast. The hue is kept, so types stay told apart.
func Readable(c color.NRGBA, min float64, bgs ...color.Color) color.NRGBA {
	c.A = 0xff
	if len(bgs) == 0 {
		return c
	}
	to := color.NRGBA{A: 0xff} // black
	if Contrast(bgs[0], color.White) > Contrast(bgs[0], color.Black) {
		to = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
	const steps = 200
	for i := 0; i <= steps; i++ {
		m := Over(color.NRGBA{R: to.R, G: to.G, B: to.B, A: uint8(math.Round(255 * float64(i) / steps))}, c)
		if readableOn(m, min, bgs) {
			return m
		}
	}
	return to
}

func readableOn(c color.Color, min float64, bgs []color.Color) bool {
	for _, bg := range bgs {
		if Contrast(c, bg) < min {
			return false
		}
	}
	return true
}
