package pdf

import lpdf "github.com/ledongthuc/pdf"

// The library's Page.Content ignores the word spacing operator Tw (PDF
// 32000-1 §9.3.3), which ghostscript, groff and most justifying tools use:
// words after a space come out at wrong places. pageGlyphs walks the
// content stream with the library's interpreter and fonts and places each
// glyph itself, Tw included. Broken operands are skipped, not fatal.

type matrix [3][3]float64

var ident = matrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func (x matrix) mul(y matrix) matrix {
	var z matrix
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				z[i][j] += x[i][k] * y[k][j]
			}
		}
	}
	return z
}

func translate(tx, ty float64) matrix { return matrix{{1, 0, 0}, {0, 1, 0}, {tx, ty, 1}} }

type gstate struct {
	Tc, Tw, Th, Tl, Tfs, Trise float64
	Tf                         lpdf.Font
	enc                        lpdf.TextEncoding
	m                          *metrics
	Tm, Tlm, CTM               matrix
}

type nopEncoding struct{}

func (nopEncoding) Decode(raw string) string { return raw }

// pageGlyphs returns the text drawn on a page, one entry per character,
// stopping after limit entries.
func pageGlyphs(p lpdf.Page, limit int) []glyph {
	strm := p.V.Key("Contents")
	if p.V.IsNull() || strm.IsNull() {
		return nil
	}
	g := gstate{Th: 1, CTM: ident, Tm: ident, Tlm: ident, enc: nopEncoding{}}
	var out []glyph
	var stack []gstate
	fonts := map[string]*metrics{}
	show := func(raw string) {
		m := g.m
		if m == nil {
			return // text before any Tf
		}
		step := 1
		if m.composite {
			step = 2
		}
		for i := 0; i+step <= len(raw); i += step {
			c := raw[i : i+step]
			code := int(c[0])
			if step == 2 {
				code = code<<8 | int(c[1])
			}
			w0 := m.width(code)
			trm := matrix{{g.Tfs * g.Th, 0, 0}, {0, g.Tfs, 0}, {0, g.Trise, 1}}.mul(g.Tm).mul(g.CTM)
			if s := g.enc.Decode(c); s != "" && len(out) < limit {
				out = append(out, glyph{x: trm[2][0], y: trm[2][1], w: w0 / 1000 * trm[0][0], size: trm[0][0],
					s: ligatures.Replace(s)})
			}
			tx := w0/1000*g.Tfs + g.Tc
			if step == 1 && code == ' ' {
				tx += g.Tw
			}
			g.Tm = translate(tx*g.Th, 0).mul(g.Tm)
		}
	}
	lpdf.Interpret(strm, func(stk *lpdf.Stack, op string) {
		args := make([]lpdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 { return args[i].Float64() }
		switch op {
		case "cm":
			if len(args) == 6 {
				g.CTM = matrixOf(args).mul(g.CTM)
			}
		case "q":
			if len(stack) < 1000 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g, stack = stack[n-1], stack[:n-1]
			}
		case "BT":
			g.Tm, g.Tlm = ident, ident
		case "Tc", "Tw", "Tz", "TL", "Ts":
			if len(args) != 1 {
				return
			}
			switch op {
			case "Tc":
				g.Tc = num(0)
			case "Tw":
				g.Tw = num(0)
			case "Tz":
				g.Th = num(0) / 100
			case "TL":
				g.Tl = num(0)
			case "Ts":
				g.Trise = num(0)
			}
		case "Td", "TD":
			if len(args) != 2 {
				return
			}
			if op == "TD" {
				g.Tl = -num(1)
			}
			g.Tlm = translate(num(0), num(1)).mul(g.Tlm)
			g.Tm = g.Tlm
		case "Tm":
			if len(args) == 6 {
				g.Tm = matrixOf(args)
				g.Tlm = g.Tm
			}
		case "T*":
			g.Tlm = translate(0, -g.Tl).mul(g.Tlm)
			g.Tm = g.Tlm
		case "Tf":
			if len(args) != 2 {
				return
			}
			name := args[0].Name()
			g.Tf = p.Font(name)
			if g.m = fonts[name]; g.m == nil {
				g.m = newMetrics(g.Tf)
				fonts[name] = g.m
			}
			g.enc = g.Tf.Encoder()
			if g.enc == nil {
				g.enc = nopEncoding{}
			}
			g.Tfs = num(1)
		case "Tj", "'", "\"":
			if len(args) == 0 {
				return
			}
			if op == "\"" && len(args) == 3 {
				g.Tw, g.Tc = num(0), num(1)
			}
			if op != "Tj" {
				g.Tlm = translate(0, -g.Tl).mul(g.Tlm)
				g.Tm = g.Tlm
			}
			show(args[len(args)-1].RawString())
		case "TJ":
			if len(args) != 1 {
				return
			}
			v := args[0]
			for i := 0; i < v.Len(); i++ {
				if x := v.Index(i); x.Kind() == lpdf.String {
					show(x.RawString())
				} else {
					g.Tm = translate(-x.Float64()/1000*g.Tfs*g.Th, 0).mul(g.Tm)
				}
			}
		}
	})
	return out
}

func matrixOf(args []lpdf.Value) matrix {
	var m matrix
	for i := 0; i < 6; i++ {
		m[i/2][i%2] = args[i].Float64()
	}
	m[2][2] = 1
	return m
}
