package chart_test

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"time"

	"github.com/newsarchive/newsarchive/app/chart"
)

// Example shows the CLI's path: parse the flags, count what the store
// returned, write the file the --out extension names.
func Example() {
	by, _ := chart.ParseBucket("week")
	from, _ := chart.ParseFrom("2024-12", nil) // 1 December
	to, _ := chart.ParseTo("2025-01", nil)     // 31 January
	smith := chart.Series{
		Name: "entity: Smith",
		// One date per matching article (or Counts from a GROUP BY day);
		// a zero time.Time is an undated article.
		Dates: []time.Time{
			time.Date(2024, 12, 30, 9, 0, 0, 0, time.UTC),
			time.Date(2025, 1, 2, 18, 0, 0, 0, time.UTC),
			{},
		},
	}
	tab, err := chart.Count([]chart.Series{smith}, chart.Options{By: by, From: from, To: to})
	if err != nil {
		fmt.Println(err)
		return
	}
	out := filepath.Join(os.TempDir(), "smith.csv") // or .png, .svg
	if err := tab.WriteFile(out, chart.Style{Title: "Smith"}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(tab.Periods), "weeks;", tab.Series[0].Total(), "articles drawn;", tab.UndatedNote())
	fmt.Println(tab.Describe(5, -1)) // period 0 is Sunday 1 December alone
	// Output:
	// 10 weeks; 2 articles drawn; 1 undated, not drawn
	// 30 Dec 2024–5 Jan 2025: entity: Smith 2
}

// ExampleTable_Image shows the GUI's path: draw at the widget's size, then map
// the pointer to a period for the hover text and the click.
func ExampleTable_Image() {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	tab, _ := chart.Count([]chart.Series{
		{Name: "Smith", Counts: []chart.DateCount{{Date: d("2024-03-01"), Count: 5}, {Date: d("2024-03-02"), Count: 9}}},
		{Name: "Jones", Counts: []chart.DateCount{{Date: d("2024-03-02"), Count: 4}}},
	}, chart.Options{})
	img, geo, err := tab.Image(600, 300, 96, chart.Style{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = img               // canvas.NewImageFromImage(img) in Fyne
	bar := geo.Bars[0][1] // Smith on 2 March
	period, series, ok := geo.At(image.Pt((bar.Min.X+bar.Max.X)/2, (bar.Min.Y+bar.Max.Y)/2))
	if ok {
		p := tab.Periods[period] // on click: list the articles of [p.Start, p.End)
		fmt.Println(tab.Describe(period, series), "|", p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly))
	}
	// Output:
	// 2 Mar 2024: Smith 9 | 2024-03-02 2024-03-03
}
