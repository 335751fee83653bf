package ingest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// restoreDump is a dump of n paragraphs of two lines (twelve units each),
// a blank line apart, and an underlined heading after paragraph 2.
func restoreDump(n int) *DumpAnalysis {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "Paragraph %d of the page says what the reporter saw there today\nand then what the people living there told him about it.\n\n", i)
		if i == 2 {
			sb.WriteString("A heading\n=========\n\n")
		}
	}
	a := NewDumpAnalysis(sb.String())
	a.P1 = make([]float64, len(a.Lines))
	a.P2 = make([]float64, len(a.Lines))
	return a
}

func TestRestoreRows(t *testing.T) {
	a := restoreDump(6) // lines: p0 0-1, p1 2-3, p2 4-5, heading 6, p3 7-8, p4 9-10, p5 11-12
	if len(a.Lines) != 13 {
		t.Fatalf("%d lines, want 13", len(a.Lines))
	}
	keep := keepLines(13, [2]int{2, 6}, [2]int{10, 11}) // p1, p2 and p4's second line
	spans, feats := a.RestoreRows(keep)
	want := []restoreSpan{{0, 1}, {7, 8}, {9, 9}, {11, 12}} // not the heading; p4's first line alone
	if !reflect.DeepEqual(spans, want) {
		t.Fatalf("spans %v, want %v", spans, want)
	}
	side := func(k int) float64 { return feats[k][11] }
	if side(0) != -1 || side(1) != 0 || side(len(spans)-1) != 1 {
		t.Errorf("sides of the kept span %v %v %v, want -1 0 1", side(0), side(1), side(len(spans)-1))
	}
	if feats[1][24] != 1 {
		t.Error("paragraph 3 follows a heading: feature 24 not set")
	}
	for k, f := range feats {
		if len(f) != len(RestoreFeatureNames) {
			t.Fatalf("span %d: %d features, want %d", k, len(f), len(RestoreFeatureNames))
		}
	}
	if s, _ := a.RestoreRows(make([]bool, 13)); s != nil {
		t.Errorf("nothing kept: %v, want no spans", s)
	}
}

// afterSpan is a restore pass that brings back what follows the kept span
// (it splits on "side of the kept span").
var afterSpan = &Boosted{Base: -3, Trees: []Tree{{
	Feat: []int{11, -1, -1}, Thresh: []float64{0.5, 0, 0}, Left: []int{1, 0, 0}, Right: []int{2, 0, 0}, Value: []float64{0, 0, 6},
}}}

func TestRestore(t *testing.T) {
	if err := afterSpan.Check(len(RestoreFeatureNames)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		pass       *Boosted
		keep, want []bool
	}{
		{"no pass", nil, keepLines(13, [2]int{2, 6}), keepLines(13, [2]int{2, 6})},
		{"what follows comes back", afterSpan, keepLines(13, [2]int{2, 6}), keepLines(13, [2]int{2, 6}, [2]int{7, 13})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := restoreDump(6)
			keep := append([]bool(nil), tc.keep...)
			a.restore(keep, &DumpModel{Restore: tc.pass})
			if !reflect.DeepEqual(keep, tc.want) {
				t.Errorf("kept %v\nwant %v", keep, tc.want)
			}
		})
	}
}

func TestRestoreLabels(t *testing.T) {
	a := restoreDump(4)
	spans, _ := a.RestoreRows(keepLines(len(a.Lines), [2]int{2, 4}))
	labels := keepLines(len(a.Lines), [2]int{1, 2}, [2]int{4, 6})
	y, w := RestoreLabels(a, spans, labels)
	if len(y) != len(spans) || len(w) != len(spans) {
		t.Fatalf("%d labels, %d weights for %d spans", len(y), len(w), len(spans))
	}
	// p0: only its shorter line is article (not most of it); p2: both lines.
	if y[0] || !y[1] {
		t.Errorf("labels %v, want [false true ...]", y)
	}
}

// TestLineKept: the copy test's share (lineKept) is the line passes', not
// what the restore pass brings back.
func TestLineKept(t *testing.T) {
	a := restoreDump(6)
	want := 0
	for i := 2; i < 6; i++ {
		a.P2[i] = 0.9
		want += len(units(a.Lines[i].Text))
	}
	_, keep, _ := a.body(&DumpModel{Threshold: 0.5, Restore: afterSpan})
	if !keep[7] || !keep[12] {
		t.Fatalf("kept %v: the restore pass brought nothing back", keep)
	}
	if a.lineKept != want {
		t.Errorf("lineKept %d, want %d (the line passes' lines 2-5)", a.lineKept, want)
	}
}
