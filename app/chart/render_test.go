package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/png"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot/font"
)

// randomTable counts n random dates between from and to, split over k series.
func randomTable(tb testing.TB, n, k int, from, to string, opt Options) *Table {
	tb.Helper()
	r := rand.New(rand.NewSource(int64(n)))
	f, l := day(from), day(to)
	span := int(l.Sub(f).Hours()/24) + 1
	series := make([]Series, k)
	for i := range n {
		s := &series[i%k]
		s.Name = []string{"Smith", "Jones", "Acme Corp", "Lagos", "UN"}[i%k]
		s.Dates = append(s.Dates, f.AddDate(0, 0, r.Intn(span)).Add(time.Duration(r.Intn(86400))*time.Second))
	}
	series[0].Undated = 312
	if opt.From.IsZero() {
		opt.From, opt.To = f, l
	}
	tab, err := Count(series, opt)
	if err != nil {
		tb.Fatal(err)
	}
	return tab
}

func TestSVGParses(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		kind     Kind
		share    bool
	}{
		{"a month by day", "2024-03-01", "2024-03-31", AutoKind, false},
		{"a year by week, lines", "2024-01-01", "2024-12-31", Lines, false},
		{"ten years by month, share", "2015-01-01", "2024-12-31", AutoKind, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := Options{}
			if tc.share {
				opt.Share = true
				opt.Totals = &Series{Counts: []DateCount{{day(tc.from), 1000}}}
			}
			tab := randomTable(t, 3000, 3, tc.from, tc.to, opt)
			var b bytes.Buffer
			if err := tab.WriteSVG(&b, Style{Title: "Coverage <&> " + tc.name, Kind: tc.kind}); err != nil {
				t.Fatal(err)
			}
			root, all := svgTexts(t, &b)
			if root != "svg" {
				t.Errorf("root element %q", root)
			}
			for _, want := range []string{"Smith", "Acme Corp", "312 undated, not drawn", "Coverage <&>"} {
				if !strings.Contains(all, want) {
					t.Errorf("svg text lacks %q", want)
				}
			}
		})
	}
}

// svgTexts parses an SVG with encoding/xml and returns its root element and
// its text, joined by "|".
func svgTexts(t *testing.T, r io.Reader) (root, text string) {
	t.Helper()
	d := xml.NewDecoder(r)
	var texts []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("svg does not parse: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = v.Name.Local
			}
		case xml.CharData:
			texts = append(texts, string(v))
		}
	}
	return root, strings.Join(texts, "|")
}

func TestPNGSize(t *testing.T) {
	tab := randomTable(t, 500, 2, "2024-01-01", "2024-02-15", Options{})
	tests := []struct {
		style Style
		w, h  int
	}{
		{Style{Width: 2, Height: 1, DPI: 600, FontSize: 6}, 1200, 600},
		{Style{Width: 3, Height: 2, DPI: 300}, 900, 600},
		{Style{Width: 3, Height: 2, DPI: 72, Kind: Lines}, 216, 144},
	}
	for _, tc := range tests {
		var b bytes.Buffer
		if err := tab.WritePNG(&b, tc.style); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Size(); got != image.Pt(tc.w, tc.h) {
			t.Errorf("%+v: png of %v, want %dx%d", tc.style, got, tc.w, tc.h)
		}
	}
	if err := tab.WritePNG(io.Discard, Style{Width: 100, Height: 100, DPI: 1200}); err == nil {
		t.Error("a 120000-pixel-wide png was not refused")
	}
}

func TestWriteFile(t *testing.T) {
	tab := randomTable(t, 100, 1, "2024-01-01", "2024-01-10", Options{})
	dir := t.TempDir()
	for _, name := range []string{"c.png", "c.SVG", "c.csv"} {
		path := filepath.Join(dir, name)
		if err := tab.WriteFile(path, Style{DPI: 50}); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v, %v", name, st, err)
		}
	}
	if err := tab.WriteFile(filepath.Join(dir, "c.pdf"), Style{}); !errors.Is(err, ErrFormat) {
		t.Errorf("pdf: %v, want ErrFormat", err)
	}
}

// TestTicksDoNotOverlap lays out the time axis for spans from a day to fifty
// years at several widths and checks, with the real font, that labels keep
// apart, and that there are at least two when there is room.
func TestTicksDoNotOverlap(t *testing.T) {
	sty := textStyle(9)
	sty.Font = font.From(sans, 9)
	measure := func(s string) float64 { return float64(sty.Width(s)) }
	spans := []struct{ from, to string }{
		{"2024-03-05", "2024-03-05"},
		{"2024-02-01", "2024-02-29"},
		{"2024-01-01", "2024-03-31"},
		{"2024-01-01", "2024-12-31"},
		{"2022-06-15", "2025-06-14"},
		{"2015-01-01", "2024-12-31"},
		{"1975-01-01", "2024-12-31"},
	}
	for _, sp := range spans {
		for _, by := range []Bucket{Auto, Day, Week, Month} {
			tab, err := Count([]Series{{}}, Options{By: by, From: day(sp.from), To: day(sp.to)})
			if err != nil {
				continue // too many days
			}
			for _, width := range []float64{150, 400, 1200} { // points
				ts := tab.Ticks(width, measure)
				per := width / float64(len(tab.Periods))
				for i := 1; i < len(ts); i++ {
					a, b := ts[i-1], ts[i]
					if float64(b.Index-a.Index)*per < (measure(a.Label)+measure(b.Label))/2 {
						t.Errorf("%s..%s by %s at %gpt: %q and %q overlap", sp.from, sp.to, tab.By, width, a.Label, b.Label)
					}
				}
				if width >= 400 && len(tab.Periods) > 20 && len(ts) < 2 {
					t.Errorf("%s..%s by %s at %gpt: only %v", sp.from, sp.to, tab.By, width, ts)
				}
				if len(tab.Periods) == 1 && len(ts) != 1 {
					t.Errorf("one day at %gpt: ticks %v", width, ts)
				}
			}
		}
	}
}

func TestTickLabels(t *testing.T) {
	wide := func(s string) float64 { return 1 }
	tests := []struct {
		from, to string
		by       Bucket
		want     string
	}{
		{"2024-12-30", "2025-01-02", Day, "30 Dec 2024|31 Dec|1 Jan 2025|2 Jan"},
		{"2024-11-01", "2025-02-28", Month, "Nov 2024|Dec|Jan 2025|Feb"},
		{"2024-12-01", "2025-01-31", Week, "2 Dec 2024|9 Dec|16 Dec|23 Dec|30 Dec|6 Jan 2025|13 Jan|20 Jan|27 Jan"},
	}
	for _, tc := range tests {
		tab, err := Count([]Series{{}}, Options{By: tc.by, From: day(tc.from), To: day(tc.to)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tk := range tab.Ticks(1000, wide) {
			got = append(got, tk.Label)
		}
		if s := strings.Join(got, "|"); s != tc.want {
			t.Errorf("%s..%s by %s: %s, want %s", tc.from, tc.to, tc.by, s, tc.want)
		}
	}
}

func TestShorten(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Smith", "Smith"},
		{"a\nb\tc", "a b c"},
		{strings.Repeat("é", 60), strings.Repeat("é", 47) + "…"},
	}
	for _, tc := range tests {
		if got := shorten(tc.in, legendRunes); got != tc.want {
			t.Errorf("shorten(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
