package ingest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestRunFeatureIndexes(t *testing.T) {
	for i, want := range map[int]string{featStop: "stop density", featEnds: "ends sentence", featFurniture: "furniture share", featCookie: "copyright/cookie", featHeading: "heading", LexFeature: "lexical logit"} {
		if FeatureNames[i] != want {
			t.Errorf("FeatureNames[%d] = %q, want %q", i, FeatureNames[i], want)
		}
	}
}

// runsDump is a dump of n lines of ten units each.
func runsDump(n int) *DumpAnalysis {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "Line %d of the page says what the reporter saw there today.\n", i)
	}
	a := NewDumpAnalysis(sb.String())
	a.P2 = make([]float64, len(a.Lines))
	for i := range a.P2 {
		a.P2[i] = 0.2
	}
	return a
}

// keepLines marks the lines of the given spans [lo, hi).
func keepLines(n int, spans ...[2]int) []bool {
	keep := make([]bool, n)
	for _, s := range spans {
		for i := s[0]; i < s[1]; i++ {
			keep[i] = true
		}
	}
	return keep
}

func TestRunRows(t *testing.T) {
	a := runsDump(20)
	keep := keepLines(20, [2]int{1, 3}, [2]int{5, 12}, [2]int{14, 15}, [2]int{17, 20})
	runs, feats, largest := a.RunRows(keep)
	var spans [][2]int
	for _, r := range runs {
		spans = append(spans, [2]int{r.first, r.last})
	}
	if want := [][2]int{{1, 2}, {5, 11}, {14, 14}, {17, 19}}; !reflect.DeepEqual(spans, want) {
		t.Fatalf("runs %v, want %v", spans, want)
	}
	if largest != 1 {
		t.Errorf("largest run %d, want 1", largest)
	}
	side := func(j int) float64 { return feats[j][12] }
	if side(0) != -1 || side(1) != 0 || side(2) != 1 || side(3) != 1 {
		t.Errorf("sides %v %v %v %v, want -1 0 1 1", side(0), side(1), side(2), side(3))
	}
	// Run 3 lies two runs' gaps (lines 12-13 and 15-16) and one run from the largest.
	if got, want := feats[3][13], feats[2][13]; got <= want {
		t.Errorf("runs to the largest: run 3 %v, run 2 %v", got, want)
	}
	for j, f := range feats {
		if len(f) != len(RunFeatureNames) {
			t.Fatalf("run %d: %d features, want %d", j, len(f), len(RunFeatureNames))
		}
	}
	if r, _, _ := a.RunRows(keepLines(20, [2]int{3, 9})); r != nil {
		t.Errorf("one run: got %d runs, want none", len(r))
	}
}

// afterLargest is a runs pass that keeps the runs before the largest and
// drops those after it (it splits on "side of the largest run").
var afterLargest = &Boosted{Base: -3, Trees: []Tree{{
	Feat: []int{12, -1, -1}, Thresh: []float64{0.5, 0, 0}, Left: []int{1, 0, 0}, Right: []int{2, 0, 0}, Value: []float64{0, 6, 0},
}}}

func TestDropRuns(t *testing.T) {
	for _, tc := range []struct {
		name       string
		runs       *Boosted
		keep, want []bool
	}{
		{"no pass", nil, keepLines(20, [2]int{0, 2}, [2]int{4, 12}, [2]int{15, 18}), keepLines(20, [2]int{0, 2}, [2]int{4, 12}, [2]int{15, 18})},
		{"runs after the largest go", afterLargest, keepLines(20, [2]int{0, 2}, [2]int{4, 12}, [2]int{15, 18}), keepLines(20, [2]int{0, 2}, [2]int{4, 12})},
		{"one run", afterLargest, keepLines(20, [2]int{4, 12}), keepLines(20, [2]int{4, 12})},
		{"never near-empty", afterLargest, keepLines(20, [2]int{4, 7}, [2]int{10, 12}), keepLines(20, [2]int{4, 7}, [2]int{10, 12})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := runsDump(20)
			if tc.runs != nil {
				if err := tc.runs.Check(len(RunFeatureNames)); err != nil {
					t.Fatalf("test pass: %v", err)
				}
			}
			keep := append([]bool(nil), tc.keep...)
			a.dropRuns(keep, &DumpModel{Runs: tc.runs})
			if !reflect.DeepEqual(keep, tc.want) {
				t.Errorf("kept %v\nwant %v", keep, tc.want)
			}
		})
	}
}

func TestRunLabels(t *testing.T) {
	a := runsDump(10)
	runs, _, _ := a.RunRows(keepLines(10, [2]int{0, 3}, [2]int{5, 9}))
	labels := keepLines(10, [2]int{0, 1}, [2]int{5, 9}) // one line of three in the first run
	y, w := RunLabels(a, runs, labels)
	if !reflect.DeepEqual(y, []bool{false, true}) {
		t.Errorf("labels %v, want [false true]", y)
	}
	if w[0] >= w[1] || w[0] <= 0 {
		t.Errorf("weights %v: want the runs' units, the first smaller", w)
	}
}
