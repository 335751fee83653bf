package chart

import (
	"image"
	"image/color"
	"testing"
)

// TestGeometryMatchesImage checks that each bar the geometry reports is drawn
// in its series' colour in the image, and that At maps its centre back to it.
func TestGeometryMatchesImage(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		by       Bucket
		series   int
		w, h     int
		dpi      int
	}{
		{"a month by day, two series", "2024-03-01", "2024-03-31", Auto, 2, 800, 400, 96},
		{"a year by month, five series, hi-dpi", "2024-01-01", "2024-12-31", Month, 5, 1600, 800, 192},
		{"a year by week, one series", "2023-06-01", "2024-05-31", Auto, 1, 640, 360, 96},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab := randomTable(t, 4000, tc.series, tc.from, tc.to, Options{By: tc.by})
			img, g, err := tab.Image(tc.w, tc.h, tc.dpi, Style{Title: "t", Kind: Bars})
			if err != nil {
				t.Fatal(err)
			}
			if img.Bounds().Size() != image.Pt(tc.w, tc.h) {
				t.Fatalf("image %v", img.Bounds())
			}
			if !g.Data.In(img.Bounds()) || g.Data.Dx() < tc.w/2 {
				t.Fatalf("data area %v in %v", g.Data, img.Bounds())
			}
			checked := 0
			for k := range g.Bars {
				for i, r := range g.Bars[k] {
					if r.Dx() < 3 || r.Dy() < 3 {
						continue
					}
					c := r.Min.Add(r.Size().Div(2))
					if got := color.RGBAModel.Convert(img.At(c.X, c.Y)); got != Palette[k] {
						t.Errorf("bar %d/%d at %v is %v, want %v", k, i, c, got, Palette[k])
					}
					if p, s, ok := g.At(c); !ok || p != i || s != k {
						t.Errorf("At(%v) = %d, %d, %v; want %d, %d", c, p, s, ok, i, k)
					}
					checked++
				}
			}
			if checked < len(tab.Periods) {
				t.Errorf("only %d bars checked of %d periods", checked, len(tab.Periods))
			}
			// Above the tallest bar: the period, but no series.
			col := g.Columns[len(g.Columns)/2]
			if p, s, ok := g.At(image.Pt((col.Min.X+col.Max.X)/2, g.Data.Min.Y+1)); !ok || p != len(g.Columns)/2 || s != -1 {
				t.Errorf("top of column: %d, %d, %v", p, s, ok)
			}
			if _, _, ok := g.At(image.Pt(0, 0)); ok {
				t.Error("the corner maps to a period")
			}
			lg, err := tab.Layout(tc.w, tc.h, tc.dpi, Style{Title: "t", Kind: Bars})
			if err != nil {
				t.Fatal(err)
			}
			if lg.Data != g.Data || lg.Bars[0][0] != g.Bars[0][0] {
				t.Errorf("Layout %v differs from Image %v", lg.Data, g.Data)
			}
		})
	}
}

func TestGeometryLines(t *testing.T) {
	tab := randomTable(t, 5000, 2, "2020-01-01", "2024-12-31", Options{By: Week})
	_, g, err := tab.Image(900, 400, 96, Style{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(tab.Periods); i += 17 {
		r := g.Bars[1][i]
		c := r.Min.Add(r.Size().Div(2))
		if p, _, ok := g.At(c); !ok || p != i {
			t.Errorf("point of period %d at %v maps to %d, %v", i, c, p, ok)
		}
	}
}

func TestDescribe(t *testing.T) {
	tab, err := Count([]Series{{Name: "Smith", Dates: days("2024-12-30", "2025-01-02")}, {Name: "Jones", Dates: days("2025-01-03")}},
		Options{By: Week, From: day("2024-12-30"), To: day("2025-01-12"), Share: true,
			Totals: &Series{Counts: []DateCount{{day("2024-12-31"), 8}}}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		period, series int
		want           string
	}{
		{0, -1, "30 Dec 2024–5 Jan 2025: Smith 2 (25.0%), Jones 1 (12.5%) of 8"},
		{1, 0, "6–12 Jan 2025: Smith 0 of 0"},
		{2, 0, ""},
	}
	for _, tc := range tests {
		if got := tab.Describe(tc.period, tc.series); got != tc.want {
			t.Errorf("Describe(%d, %d) = %q, want %q", tc.period, tc.series, got, tc.want)
		}
	}
	m, _ := Count([]Series{{Dates: days("2024-02-10", "2024-03-05")}}, Options{By: Month})
	if a, b := m.PeriodLabel(0), m.PeriodLabel(1); a != "10–29 Feb 2024" || b != "1–5 Mar 2024" {
		t.Errorf("cut months %q %q", a, b)
	}
	full, _ := Count([]Series{{}}, Options{By: Month, From: day("2024-02-01"), To: day("2024-02-29")})
	if s := full.PeriodLabel(0); s != "Feb 2024" {
		t.Errorf("full month %q", s)
	}
}

// TestConcurrentDraws draws from several goroutines at once, as a GUI does
// off its UI goroutine while an export runs; -race checks the shared fonts.
func TestConcurrentDraws(t *testing.T) {
	tab := randomTable(t, 2000, 3, "2024-01-01", "2024-06-30", Options{})
	errs := make(chan error, 4)
	for i := range 4 {
		go func() {
			_, _, err := tab.Image(300+10*i, 200, 96, Style{Title: "concurrent"})
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
