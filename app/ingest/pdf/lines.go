package pdf

import (
	"math"
	"sort"
	"strings"
)

// glyph is one piece of text drawn on a page (usually one character).
type glyph struct {
	x, y, w, size float64
	s             string
}

// row is the glyphs on one baseline, left to right.
type row struct {
	y, size float64 // baseline and the largest font size
	glyphs  []glyph
}

// line is a piece of a row inside one column (or spanning several).
type line struct {
	page     int
	col      int  // column index, left to right
	spanning bool // crosses a column gutter (headline, full-width text)
	x0, x1   float64
	y, size  float64
	text     string
}

// page is one page's rows, top to bottom.
type page struct {
	rows []row
}

var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl",
	"\ufb05", "st", "\ufb06", "st", "\u00ad", "-", "\u2010", "-", "\u2011", "-")

// newPage groups a page's glyphs into rows by baseline.
func newPage(all []glyph) page {
	gs := make([]glyph, 0, len(all))
	for _, t := range all {
		// Spaces are read from the gaps: some producers draw space glyphs
		// where no space is (over the next letter).
		if strings.TrimSpace(t.s) == "" || t.size <= 0 || math.IsNaN(t.x+t.y+t.w+t.size) || math.IsInf(t.x+t.y+t.w+t.size, 0) {
			continue
		}
		gs = append(gs, t)
	}
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].y > gs[j].y })
	var p page
	for _, g := range gs {
		if n := len(p.rows); n > 0 && math.Abs(p.rows[n-1].y-g.y) < 0.2*math.Max(g.size, p.rows[n-1].size) {
			r := &p.rows[n-1]
			r.glyphs = append(r.glyphs, g)
			r.size = math.Max(r.size, g.size)
			continue
		}
		p.rows = append(p.rows, row{y: g.y, size: g.size, glyphs: []glyph{g}})
	}
	for i := range p.rows {
		r := &p.rows[i]
		sort.SliceStable(r.glyphs, func(a, b int) bool { return r.glyphs[a].x < r.glyphs[b].x })
	}
	p.rows = dropBlank(p.rows)
	return p
}

func dropBlank(rows []row) []row {
	out := rows[:0]
	for _, r := range rows {
		for _, g := range r.glyphs {
			if strings.TrimSpace(g.s) != "" {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// text is a run of glyphs as a string, with a space wherever the gap
// between two glyphs is wider than 0.15 of the font size (many PDFs draw
// no space characters, only gaps).
func text(gs []glyph) string {
	var b strings.Builder
	for i, g := range gs {
		if i > 0 {
			prev := gs[i-1]
			gap := g.x - (prev.x + prev.w)
			if gap > 0.15*math.Max(prev.size, g.size) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.s)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// gutters finds the vertical strips of white between columns: x ranges
// inside the text area, at least half a body size wide, that no more than
// a tenth of the body rows beside them cross. Headline rows (larger type)
// are left out: they may span the columns.
func gutters(all []row, bodySize float64) [][2]float64 {
	var rows []row
	for _, r := range all {
		if r.size <= 1.1*bodySize {
			rows = append(rows, r)
		}
	}
	if len(rows) < 4 {
		return nil
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, r := range rows {
		x0, x1 := extent(r)
		minX, maxX = math.Min(minX, x0), math.Max(maxX, x1)
	}
	if maxX-minX < 4*bodySize || maxX-minX > 5000 {
		return nil
	}
	bins := make([]int, int(maxX-minX)+2)
	for _, r := range rows {
		for _, sp := range covered(r, bodySize) {
			for b := int(sp[0] - minX); b <= int(sp[1]-minX) && b < len(bins); b++ {
				bins[b]++
			}
		}
	}
	limit := len(rows) / 10
	var out [][2]float64
	start := -1
	for b, c := range bins {
		if c <= limit && start < 0 {
			start = b
		}
		if (c > limit || b == len(bins)-1) && start >= 0 {
			g := [2]float64{minX + float64(start), minX + float64(b)}
			if float64(b-start) >= bodySize/2 && start > 0 && c > limit && separates(rows, g, bodySize) {
				out = append(out, g)
			}
			start = -1
		}
	}
	return out
}

// covered is the x spans a row's text covers, word spaces included.
func covered(r row, bodySize float64) [][2]float64 {
	var out [][2]float64
	for i, g := range r.glyphs {
		x1 := g.x + g.w
		if i+1 < len(r.glyphs) && r.glyphs[i+1].x-x1 < bodySize {
			x1 = r.glyphs[i+1].x
		}
		if n := len(out); n > 0 && g.x <= out[n-1][1]+0.01 {
			out[n-1][1] = math.Max(out[n-1][1], x1)
			continue
		}
		out = append(out, [2]float64{g.x, x1})
	}
	return out
}

// separates checks a gutter candidate against the rows that have text
// right beside it: at most a tenth of them may run through it (a word gap
// that happens to line up in a few rows fails).
func separates(rows []row, g [2]float64, bodySize float64) bool {
	beside, crossing := 0, 0
	for _, r := range rows {
		near, through := false, false
		for _, sp := range covered(r, bodySize) {
			if sp[0] < g[1] && sp[1] > g[0] {
				through = true
			}
			if sp[1] > g[0]-2*bodySize && sp[0] < g[1]+2*bodySize {
				near = true
			}
		}
		if near {
			beside++
		}
		if through {
			crossing++
		}
	}
	return crossing*10 <= beside
}

// split cuts a row at the gutters into lines.
func split(r row, pageNo int, gut [][2]float64) []line {
	var out []line
	cur := []glyph{}
	col := 0
	flush := func(spanning bool) {
		if t := text(cur); t != "" {
			last := cur[len(cur)-1]
			out = append(out, line{page: pageNo, col: col, spanning: spanning, x0: cur[0].x, x1: last.x + last.w,
				y: r.y, size: r.size, text: t})
		}
		cur = cur[:0]
	}
	gi := 0
	for _, g := range r.glyphs {
		for gi < len(gut) && g.x >= gut[gi][1]-1 {
			if len(cur) > 0 && cur[len(cur)-1].x+cur[len(cur)-1].w <= gut[gi][0]+1 {
				flush(false)
			}
			gi++
			col = gi
		}
		cur = append(cur, g)
	}
	flush(false)
	// A row whose text runs through a gutter is one spanning line.
	for _, l := range out {
		for _, gt := range gut {
			if l.x0 < gt[0] && l.x1 > gt[1] {
				return []line{{page: pageNo, spanning: true, x0: r.glyphs[0].x, x1: l.x1, y: r.y, size: r.size, text: text(r.glyphs)}}
			}
		}
	}
	return out
}
