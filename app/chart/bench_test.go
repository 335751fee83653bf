package chart

import (
	"bytes"
	"io"
	"math/rand"
	"testing"
	"time"
)

// weekDates returns n article dates over three years, some hours apart.
func weekDates(n int) []time.Time {
	r := rand.New(rand.NewSource(7))
	from := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	ds := make([]time.Time, n)
	for i := range ds {
		ds[i] = from.Add(time.Duration(r.Int63n(int64(3 * 365 * 24 * time.Hour))))
	}
	return ds
}

// BenchmarkCountWeek100k buckets 100,000 dates by week.
func BenchmarkCountWeek100k(b *testing.B) {
	ds := weekDates(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Count([]Series{{Name: "all", Dates: ds}}, Options{By: Week}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChartWeek100k is the target of issue 18 (< 300 ms): 100,000
// articles in five series counted by week and drawn, for each output.
func BenchmarkChartWeek100k(b *testing.B) {
	ds := weekDates(100_000)
	series := make([]Series, 5)
	for i, d := range ds {
		series[i%5].Dates = append(series[i%5].Dates, d)
	}
	draws := []struct {
		name string
		draw func(*Table) error
	}{
		{"png300dpi", func(t *Table) error { return t.WritePNG(io.Discard, Style{Title: "Coverage"}) }},
		{"svg", func(t *Table) error { return t.WriteSVG(io.Discard, Style{Title: "Coverage"}) }},
		{"image1200x600", func(t *Table) error { _, _, err := t.Image(1200, 600, 96, Style{}); return err }},
		{"csv", func(t *Table) error { var buf bytes.Buffer; return t.WriteCSV(&buf) }},
	}
	for _, d := range draws {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				tab, err := Count(series, Options{By: Week})
				if err != nil {
					b.Fatal(err)
				}
				if err := d.draw(tab); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
