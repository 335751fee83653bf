package ingest

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestDumpModelCheck: the embedded model passes; a model whose trees would
// loop, read past a row or hold no number is refused with the reason.
func TestDumpModelCheck(t *testing.T) {
	if err := DefaultDumpModel().Check(); err != nil {
		t.Fatalf("embedded model: %v", err)
	}
	// A fresh copy to break, one way per case.
	fresh := func() *DumpModel {
		b, err := json.Marshal(DefaultDumpModel())
		if err != nil {
			t.Fatal(err)
		}
		m := &DumpModel{}
		if err := json.Unmarshal(b, m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	split := func(tr *Tree) int { // the first inner node
		for k, f := range tr.Feat {
			if f >= 0 {
				return k
			}
		}
		t.Fatal("a tree without a split")
		return 0
	}
	for _, c := range []struct {
		name   string
		mutate func(m *DumpModel)
		want   string
	}{
		{"child loops back", func(m *DumpModel) { tr := &m.Stage1.Trees[3]; k := split(tr); tr.Left[k] = k }, "stage 1: tree 3 node 0: a child out of order"},
		{"child out of range", func(m *DumpModel) { tr := &m.Title.Trees[0]; tr.Right[split(tr)] = 1 << 20 }, "title: tree 0 node 0: a child out of order or out of range"},
		{"feature past the row", func(m *DumpModel) { tr := &m.Stage2.Trees[1]; tr.Feat[split(tr)] = len(Stage2Names) }, "stage 2: tree 1 node 0: splits on feature"},
		{"not a number", func(m *DumpModel) { m.Stage1.Trees[0].Value[len(m.Stage1.Trees[0].Value)-1] = math.NaN() }, "not a finite number"},
		{"arrays differ", func(m *DumpModel) { m.Title.Trees[5].Value = m.Title.Trees[5].Value[:1] }, "title: tree 5: node arrays"},
		{"no first pass", func(m *DumpModel) { m.Stage1 = nil }, "stage 1: no model"},
		{"threshold", func(m *DumpModel) { m.Threshold = 0 }, "threshold 0"},
		{"plain model broken", func(m *DumpModel) { m.Plain.Title = nil }, "plain model: title: no model"},
		{"plain in plain", func(m *DumpModel) { m.Plain.Plain = &DumpModel{} }, "plain model: has a plain model"},
	} {
		m := fresh()
		if m.Plain == nil {
			t.Fatal("the embedded model has no plain model")
		}
		c.mutate(m)
		if err := m.Check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}
