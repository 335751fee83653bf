package ingest

import (
	"errors"
	"math"
)

// Logistic is a logistic-regression classifier over standardised features.
// Its weights are learned by cmd/texttrain and embedded in dumpmodel.json.
type Logistic struct {
	Mean []float64 `json:"mean"`
	Std  []float64 `json:"std"`
	W    []float64 `json:"w"`
}

// Prob returns the probability of the positive class for feature vector x.
func (m *Logistic) Prob(x []float64) float64 {
	z := 0.0
	for j, w := range m.W {
		if j >= len(x) {
			break
		}
		z += w * (x[j] - m.Mean[j]) / m.Std[j]
	}
	return 1 / (1 + math.Exp(-z))
}

// FitLogistic learns a logistic regression by Newton's method (iteratively
// reweighted least squares) with an L2 penalty of l2 on every weight but the
// first (feature 0 must be the constant 1). Rows may carry weights (nil: 1).
func FitLogistic(X [][]float64, y []bool, rowW []float64, l2 float64) (*Logistic, error) {
	if len(X) == 0 || len(X) != len(y) {
		return nil, errors.New("fit logistic: no rows, or labels and rows differ in number")
	}
	d := len(X[0])
	m := &Logistic{Mean: make([]float64, d), Std: make([]float64, d), W: make([]float64, d)}
	tw := 0.0
	rw := func(i int) float64 {
		if rowW == nil {
			return 1
		}
		return rowW[i]
	}
	for i, x := range X {
		for j := range d {
			m.Mean[j] += rw(i) * x[j]
		}
		tw += rw(i)
	}
	for j := range d {
		m.Mean[j] /= tw
	}
	for i, x := range X {
		for j := range d {
			v := x[j] - m.Mean[j]
			m.Std[j] += rw(i) * v * v
		}
	}
	for j := range d {
		m.Std[j] = math.Sqrt(m.Std[j] / tw)
		if m.Std[j] < 1e-9 {
			m.Std[j] = 1
		}
	}
	m.Mean[0], m.Std[0] = 0, 1
	z := make([]float64, d)
	for iter := 0; iter < 25; iter++ {
		g := make([]float64, d)
		h := make([][]float64, d)
		for j := range h {
			h[j] = make([]float64, d)
		}
		for i, x := range X {
			for j := range d {
				z[j] = (x[j] - m.Mean[j]) / m.Std[j]
			}
			s := 0.0
			for j := range d {
				s += m.W[j] * z[j]
			}
			p := 1 / (1 + math.Exp(-s))
			t := 0.0
			if y[i] {
				t = 1
			}
			w := rw(i)
			r := w * (p - t)
			q := w * math.Max(p*(1-p), 1e-6)
			for j := range d {
				g[j] += r * z[j]
				zq := q * z[j]
				for k := 0; k <= j; k++ {
					h[j][k] += zq * z[k]
				}
			}
		}
		for j := range d {
			for k := 0; k < j; k++ {
				h[k][j] = h[j][k]
			}
			if j > 0 {
				g[j] += l2 * m.W[j]
				h[j][j] += l2
			}
			h[j][j] += 1e-8
		}
		step, err := solve(h, g)
		if err != nil {
			return nil, err
		}
		change := 0.0
		for j := range d {
			m.W[j] -= step[j]
			change = math.Max(change, math.Abs(step[j]))
		}
		if change < 1e-6 {
			break
		}
	}
	return m, nil
}

// solve solves a x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	m := make([][]float64, n)
	for i := range m {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return nil, errors.New("fit logistic: singular system")
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x, nil
}
