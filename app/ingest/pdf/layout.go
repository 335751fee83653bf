package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// doc is the laid-out text of a PDF: lines in reading order.
type doc struct {
	lines    []line
	headline string
	bodySize float64
	pitch    float64 // usual distance between two body lines
}

func (d doc) empty() bool { return len(d.lines) == 0 && d.headline == "" }

// layout removes page furniture, finds the columns of every page and puts
// the lines in reading order.
func layout(pages []page) doc {
	d := doc{}
	d.bodySize = bodySize(pages)
	d.pitch = linePitch(pages, d.bodySize)
	removeFurniture(pages, d.pitch)
	for i, p := range pages {
		gut := gutters(p.rows, d.bodySize)
		var band []line
		flush := func() {
			sort.SliceStable(band, func(a, b int) bool { return band[a].col < band[b].col })
			d.lines = append(d.lines, band...)
			band = band[:0]
		}
		for _, r := range p.rows {
			for _, l := range split(r, i, gut) {
				if l.spanning {
					flush()
					d.lines = append(d.lines, l)
				} else {
					band = append(band, l)
				}
			}
		}
		flush()
	}
	d.takeHeadline()
	return d
}

// bodySize is the font size of most characters.
func bodySize(pages []page) float64 {
	count := map[float64]int{}
	for _, p := range pages {
		for _, r := range p.rows {
			for _, g := range r.glyphs {
				count[math.Round(g.size*2)/2] += len(g.s)
			}
		}
	}
	best, n := 10.0, -1
	for s, c := range count {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}

// linePitch is the median baseline distance between a body row and the
// next row below it that overlaps it horizontally (the next line of the
// same column: columns need not share baselines).
func linePitch(pages []page, size float64) float64 {
	var ds []float64
	for _, p := range pages {
		for i, r := range p.rows {
			if r.size > size*1.1 {
				continue
			}
			x0, x1 := extent(r)
			for j := i + 1; j < len(p.rows) && j <= i+4; j++ {
				if y0, y1 := extent(p.rows[j]); y0 < x1 && y1 > x0 {
					if d := r.y - p.rows[j].y; d > 0.5*size && d < 3*size {
						ds = append(ds, d)
					}
					break
				}
			}
		}
	}
	if len(ds) == 0 {
		return 1.2 * size
	}
	sort.Float64s(ds)
	return ds[len(ds)/2]
}

func extent(r row) (float64, float64) {
	last := r.glyphs[len(r.glyphs)-1]
	return r.glyphs[0].x, last.x + last.w
}

var (
	pageNumberRE = regexp.MustCompile(`(?i)^(page|p\.|seite|pagina|página)?\s*[-–—|]*\s*[0-9ivxlc]{1,5}\s*[-–—|]*\s*((of|/|von|de)\s*[0-9]+)?$`)
	digitsRE     = regexp.MustCompile(`[0-9]+`)
)

// removeFurniture drops running headers and footers: rows in the top or
// bottom two of a page that are a page number, that repeat (digits
// ignored) on another page, or that stand apart from the text by a wide
// gap and carry a number or are in capitals.
func removeFurniture(pages []page, pitch float64) {
	key := func(r row) string {
		return digitsRE.ReplaceAllString(strings.ToLower(text(r.glyphs)), "#")
	}
	seen := map[string]int{}
	for _, p := range pages {
		own := map[string]bool{}
		for _, i := range zone(len(p.rows)) {
			own[key(p.rows[i])] = true
		}
		for k := range own {
			seen[k]++
		}
	}
	for pi := range pages {
		p := &pages[pi]
		drop := map[int]bool{}
		for _, i := range zone(len(p.rows)) {
			t := text(p.rows[i].glyphs)
			if pageNumberRE.MatchString(t) || (len(pages) > 1 && seen[key(p.rows[i])] > 1) || isolated(p.rows, i, pitch) && looksLikeFurniture(t) {
				drop[i] = true
			}
		}
		kept := p.rows[:0]
		for i, r := range p.rows {
			if !drop[i] {
				kept = append(kept, r)
			}
		}
		p.rows = kept
	}
}

// zone is the indexes of the two top and two bottom rows.
func zone(n int) []int {
	var z []int
	for _, i := range []int{0, 1, n - 2, n - 1} {
		if i >= 0 && i < n && (len(z) == 0 || z[len(z)-1] < i) {
			z = append(z, i)
		}
	}
	return z
}

// isolated: the row is the first or last of its page and a gap of more
// than two line pitches separates it from the rest.
func isolated(rows []row, i int, pitch float64) bool {
	switch {
	case len(rows) < 3:
		return false
	case i == 0:
		return rows[0].y-rows[1].y > 2*pitch
	case i == len(rows)-1:
		return rows[i-1].y-rows[i].y > 2*pitch
	}
	return false
}

func looksLikeFurniture(t string) bool {
	if strings.ContainsAny(t, "0123456789") {
		return true
	}
	up, letters := 0, 0
	for _, c := range t {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				up++
			}
		}
	}
	return letters > 0 && up*10 >= letters*8
}

// takeHeadline moves the large lines at the top of the first page out of
// the body into the headline.
func (d *doc) takeHeadline() {
	n := 0
	var parts []string
	for n < len(d.lines) && d.lines[n].page == 0 && d.lines[n].size >= 1.25*d.bodySize {
		parts = append(parts, d.lines[n].text)
		n++
	}
	if n == 0 {
		return
	}
	d.headline = joinLines(parts, newLexicon(d.lines))
	d.lines = d.lines[n:]
}
