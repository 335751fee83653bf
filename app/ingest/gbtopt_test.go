package ingest

import (
	"math/rand"
	"reflect"
	"testing"
)

// xorRows is a problem only features 0 and 1 decide; feature 2 is noise
// that a tree may still pick when nothing better is allowed.
func xorRows(n int) ([][]float64, []bool) {
	rng := rand.New(rand.NewSource(7))
	var X [][]float64
	var y []bool
	for range n {
		x := []float64{rng.Float64(), rng.Float64(), rng.Float64()}
		X, y = append(X, x), append(y, (x[0] > 0.5) != (x[1] > 0.5))
	}
	return X, y
}

// TestBoostFeatures checks that the trees split only on the allowed
// features, and that forbidding a feature the problem needs costs accuracy
// (so the restriction is real, not ignored).
func TestBoostFeatures(t *testing.T) {
	X, y := xorRows(3000)
	accuracy := func(m *Boosted) int {
		right := 0
		for i, x := range X {
			if (m.Prob(x) >= 0.5) == y[i] {
				right++
			}
		}
		return right
	}
	for _, tc := range []struct {
		name     string
		feats    []int
		min, max int
	}{
		{"all", nil, 2800, 3000},
		{"without feature 1", []int{0, 2}, 0, 2000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := FitBoosted(X, y, nil, BoostOptions{Trees: 40, Depth: 2, Bins: 16, Rate: 0.3, Lambda: 1, MinHess: 1, Features: tc.feats})
			if err != nil {
				t.Fatal(err)
			}
			if tc.feats != nil {
				ok := map[int]bool{}
				for _, j := range tc.feats {
					ok[j] = true
				}
				for _, tr := range m.Trees {
					for _, f := range tr.Feat {
						if f >= 0 && !ok[f] {
							t.Fatalf("a tree splits on forbidden feature %d", f)
						}
					}
				}
			}
			if r := accuracy(m); r < tc.min || r > tc.max {
				t.Errorf("%d of %d right, want %d-%d", r, len(X), tc.min, tc.max)
			}
		})
	}
}

// TestBoostFeaturesOutOfRange checks that a feature the rows do not have
// (a texttrain -sweep configuration's typo) is an error, not a panic, for
// both learners.
func TestBoostFeaturesOutOfRange(t *testing.T) {
	X, y := xorRows(200)
	group := make([]int, len(X))
	for i := range group {
		group[i] = i / 10
	}
	for _, feats := range [][]int{{0, 3}, {-1}} {
		o := BoostOptions{Trees: 2, Depth: 2, Bins: 8, Rate: 0.3, Lambda: 1, MinHess: 1, Features: feats}
		if _, err := FitBoosted(X, y, nil, o); err == nil {
			t.Errorf("FitBoosted with features %v: no error", feats)
		}
		if _, err := FitRanker(X, y, group, o); err == nil {
			t.Errorf("FitRanker with features %v: no error", feats)
		}
	}
}

// TestBoostColSample checks that column sampling is deterministic (the
// same model from the same rows) and changes the model against using every
// feature for every tree.
func TestBoostColSample(t *testing.T) {
	X, y := xorRows(2000)
	o := BoostOptions{Trees: 30, Depth: 2, Bins: 16, Rate: 0.3, Lambda: 1, MinHess: 1, ColSample: 0.5}
	a, err := FitBoosted(X, y, nil, o)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := FitBoosted(X, y, nil, o)
	if !reflect.DeepEqual(a, b) {
		t.Error("two fits with column sampling differ")
	}
	o.ColSample = 0
	c, _ := FitBoosted(X, y, nil, o)
	if reflect.DeepEqual(a, c) {
		t.Error("column sampling left the model unchanged")
	}
}
