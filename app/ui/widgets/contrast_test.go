package widgets

import (
	"image/color"
	"math"
	"testing"

	"github.com/newsarchive/newsarchive/store"
)

// TestContrast checks the WCAG formulas on known pairs.
func TestContrast(t *testing.T) {
	tests := []struct {
		a, b color.Color
		want float64
	}{
		{color.Black, color.White, 21},
		{color.White, color.White, 1},
		{color.NRGBA{R: 0x77, G: 0x77, B: 0x77, A: 0xff}, color.White, 4.48}, // the grey just short of AA
		{color.NRGBA{R: 0x3b, G: 0x82, B: 0xf6, A: 0xff}, color.White, 3.68}, // Tailwind blue-500
	}
	for _, tt := range tests {
		if got := Contrast(tt.a, tt.b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Contrast(%v, %v) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestReadable: every type colour made readable on a light and a dark
// background (and that background under the hover tint) reaches the
// contrast, keeps its hue's order of channels, is left alone when already
// readable, and is no further from the type colour than needed.
func TestReadable(t *testing.T) {
	light := color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	dark := color.NRGBA{R: 0x17, G: 0x17, B: 0x18, A: 0xff}
	types := []string{store.TypePerson, store.TypeOrg, store.TypePlace, "MISC"}
	for _, bg := range []color.NRGBA{light, dark} {
		for _, typ := range types {
			base := TypeColor(typ)
			tint := Over(WithAlpha(base, HoverAlpha), bg)
			got := Readable(base, MinTextContrast, bg, tint)
			if c := min(Contrast(got, bg), Contrast(got, tint)); c < MinTextContrast {
				t.Errorf("%s on %v: %v has contrast %.2f", typ, bg, got, c)
			}
			if order(got) != order(base) {
				t.Errorf("%s on %v: %v lost the hue of %v", typ, bg, got, base)
			}
			if min(Contrast(base, bg), Contrast(base, tint)) >= MinTextContrast && got != base {
				t.Errorf("%s on %v: readable %v changed to %v", typ, bg, base, got)
			}
			if c := min(Contrast(got, bg), Contrast(got, tint)); c > MinTextContrast+0.2 && got != base {
				t.Errorf("%s on %v: %v is further than needed (contrast %.2f)", typ, bg, got, c)
			}
		}
	}
}

// order names which channel of c is largest and which smallest.
func order(c color.NRGBA) [2]int {
	v := []uint8{c.R, c.G, c.B}
	hi, lo := 0, 0
	for i := range v {
		if v[i] > v[hi] {
			hi = i
		}
		if v[i] < v[lo] {
			lo = i
		}
	}
	return [2]int{hi, lo}
}
