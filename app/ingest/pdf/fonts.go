package pdf

import lpdf "github.com/ledongthuc/pdf"

// metrics are the glyph widths of one font, read once per page.
type metrics struct {
	base      string
	composite bool // Type0: two-byte codes (Identity-H and most CJK/office output)
	first     int
	widths    []float64       // simple font /Widths from /FirstChar
	cid       map[int]float64 // Type0 /W of the descendant font
	dw        float64         // Type0 default width (/DW, 1000 when absent)
}

// maxWidthEntries bounds a font's /W table read from untrusted input.
const maxWidthEntries = 1 << 16

func newMetrics(f lpdf.Font) *metrics {
	m := &metrics{base: f.BaseFont()}
	if f.V.Key("Subtype").Name() == "Type0" {
		m.composite, m.dw, m.cid = true, 1000, map[int]float64{}
		d := f.V.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); !dw.IsNull() {
			m.dw = dw.Float64()
		}
		readW(d.Key("W"), m.cid)
		return m
	}
	m.first = int(f.V.Key("FirstChar").Int64())
	w := f.V.Key("Widths")
	for i := 0; i < w.Len() && i < 256; i++ {
		m.widths = append(m.widths, w.Index(i).Float64())
	}
	return m
}

// readW reads a /W array: "c [w1 w2 ...]" and "cfirst clast w" entries.
func readW(w lpdf.Value, into map[int]float64) {
	for i := 0; i < w.Len() && len(into) < maxWidthEntries; {
		c := int(w.Index(i).Int64())
		if i+1 < w.Len() && w.Index(i+1).Kind() == lpdf.Array {
			ws := w.Index(i + 1)
			for j := 0; j < ws.Len() && len(into) < maxWidthEntries; j++ {
				into[c+j] = ws.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			return
		}
		last, width := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
		for k := c; k <= last && len(into) < maxWidthEntries; k++ {
			into[k] = width
		}
		i += 3
	}
}

// width is the advance of code in 1/1000 em.
func (m *metrics) width(code int) float64 {
	if m.composite {
		if w, ok := m.cid[code]; ok {
			return w
		}
		return m.dw
	}
	if len(m.widths) == 0 {
		return stdWidth(m.base, code)
	}
	if i := code - m.first; i >= 0 && i < len(m.widths) {
		return m.widths[i]
	}
	return 0
}
