package pdf

import "strings"

// Widths (1/1000 em) of ASCII 32..126 in the standard Type 1 fonts, from
// Adobe's AFM files. A PDF may use these fonts without a /Widths array
// (PDFKit, many report generators); readers must supply the metrics. Fonts
// without widths that are not standard are measured as Helvetica.
var (
	helvetica = [95]int16{
		278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
		1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
		222, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
		556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584}
	helveticaBold = [95]int16{
		278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
		975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
		278, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
		611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584}
	timesRoman = [95]int16{
		250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
		921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
		556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
		333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
		500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541}
)

// stdWidth is the width of code in a font that has no /Widths.
func stdWidth(baseFont string, code int) float64 {
	name := strings.ToLower(baseFont)
	if strings.Contains(name, "courier") || strings.Contains(name, "mono") {
		return 600
	}
	if code < 32 || code > 126 {
		return 500 // an average letter: Latin-1 and WinAnsi extras
	}
	table := &helvetica
	switch {
	case strings.Contains(name, "times") || strings.Contains(name, "serif") && !strings.Contains(name, "sans"):
		table = &timesRoman
	case strings.Contains(name, "bold") || strings.Contains(name, "black") || strings.Contains(name, "heavy"):
		table = &helveticaBold
	}
	return float64(table[code-32])
}
