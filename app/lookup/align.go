package lookup

// alignPositions returns the indexes in w of the runes that query word q
// matched, given the match code found by the trie search: all of w for a whole
// word, its first len(q) runes for an exact prefix, else the runes kept by an
// optimal string alignment of q with w (or with w's best prefix).
func alignPositions(q, w []rune, code uint8) []int {
	switch code {
	case 0:
		return seq(len(w))
	case 1:
		return seq(min(len(q), len(w)))
	}
	n, m := len(q), len(w)
	cols := m + 1
	d := make([]int, (n+1)*cols)
	at := func(i, j int) int { return d[i*cols+j] }
	for j := 0; j <= m; j++ {
		d[j] = j
	}
	for i := 1; i <= n; i++ {
		d[i*cols] = i
		for j := 1; j <= m; j++ {
			cost := 1
			if q[i-1] == w[j-1] {
				cost = 0
			}
			v := min(at(i-1, j)+1, at(i, j-1)+1, at(i-1, j-1)+cost)
			if i > 1 && j > 1 && q[i-1] == w[j-2] && q[i-2] == w[j-1] {
				v = min(v, at(i-2, j-2)+1)
			}
			d[i*cols+j] = v
		}
	}
	end := m
	if code&1 == 1 { // matched a prefix: end where q is closest
		for j := 0; j <= m; j++ {
			if at(n, j) < at(n, end) {
				end = j
			}
		}
	}
	var pos []int
	for i, j := n, end; i > 0 && j > 0; {
		v := at(i, j)
		switch {
		case q[i-1] == w[j-1] && v == at(i-1, j-1):
			pos = append(pos, j-1)
			i, j = i-1, j-1
		case i > 1 && j > 1 && q[i-1] == w[j-2] && q[i-2] == w[j-1] && v == at(i-2, j-2)+1:
			pos = append(pos, j-1, j-2)
			i, j = i-2, j-2
		case v == at(i-1, j-1)+1:
			i, j = i-1, j-1
		case v == at(i-1, j)+1:
			i--
		default:
			j--
		}
	}
	return pos
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}
