package ui

import (
	"slices"
	"testing"
)

// TestHistory drives a history through visits, backs and forwards and
// checks where it stands after each step.
func TestHistory(t *testing.T) {
	type step struct {
		op   string // visit, back, forward, replace, drop
		arg  string
		want string // the current place after the step ("" for none)
		ok   bool   // what back or forward reported
	}
	tests := []struct {
		name  string
		limit int
		steps []step
		items []string // remembered at the end
		back  bool     // CanBack at the end
		fwd   bool     // CanForward at the end
	}{
		{"empty", 5, []step{{"back", "", "", false}, {"forward", "", "", false}}, nil, false, false},
		{"one place", 5, []step{{"visit", "a", "a", true}, {"back", "", "a", false}}, []string{"a"}, false, false},
		{"back and forward", 5, []step{
			{"visit", "article", "article", true}, {"visit", "entity", "entity", true},
			{"visit", "article2", "article2", true},
			{"back", "", "entity", true}, {"back", "", "article", true}, {"back", "", "article", false},
			{"forward", "", "entity", true}, {"forward", "", "article2", true}, {"forward", "", "article2", false},
		}, []string{"article", "entity", "article2"}, true, false},
		{"new visit drops forward", 5, []step{
			{"visit", "a", "a", true}, {"visit", "b", "b", true}, {"visit", "c", "c", true},
			{"back", "", "b", true}, {"back", "", "a", true}, {"visit", "d", "d", true},
			{"forward", "", "d", false}, {"back", "", "a", true},
		}, []string{"a", "d"}, false, true},
		{"cap forgets the oldest", 3, []step{
			{"visit", "a", "a", true}, {"visit", "b", "b", true}, {"visit", "c", "c", true},
			{"visit", "d", "d", true}, {"visit", "e", "e", true},
			{"back", "", "d", true}, {"back", "", "c", true}, {"back", "", "c", false},
		}, []string{"c", "d", "e"}, false, true},
		{"replace keeps the length", 5, []step{
			{"replace", "a", "a", true}, {"visit", "b", "b", true}, {"replace", "b2", "b2", true},
			{"back", "", "a", true}, {"forward", "", "b2", true},
		}, []string{"a", "b2"}, true, false},
		{"drop forward", 5, []step{
			{"drop", "", "", true}, {"visit", "a", "a", true}, {"visit", "b", "b", true}, {"visit", "c", "c", true},
			{"back", "", "b", true}, {"drop", "", "b", true}, {"forward", "", "b", false},
		}, []string{"a", "b"}, true, false},
		{"zero cap keeps one", 0, []step{{"visit", "a", "a", true}, {"visit", "b", "b", true}, {"back", "", "b", false}},
			[]string{"b"}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewHistory[string](tt.limit)
			for i, s := range tt.steps {
				ok := true
				switch s.op {
				case "visit":
					h.Visit(s.arg)
				case "replace":
					h.Replace(s.arg)
				case "back":
					_, ok = h.Back()
				case "forward":
					_, ok = h.Forward()
				case "drop":
					h.DropForward()
				}
				cur, _ := h.Current()
				if cur != s.want || ok != s.ok {
					t.Fatalf("step %d (%s %s): at %q ok %v, want %q ok %v", i, s.op, s.arg, cur, ok, s.want, s.ok)
				}
			}
			if !slices.Equal(h.items, tt.items) || h.Len() != len(tt.items) {
				t.Errorf("remembered %q, want %q", h.items, tt.items)
			}
			if h.CanBack() != tt.back || h.CanForward() != tt.fwd {
				t.Errorf("CanBack %v CanForward %v, want %v %v", h.CanBack(), h.CanForward(), tt.back, tt.fwd)
			}
		})
	}
}
