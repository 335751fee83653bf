package ingest

import (
	"strings"
	"testing"
)

// wrapAt wraps each paragraph greedily at width columns, as the renderers
// do, with indent spaces before every line.
func wrapAt(paras []string, width, indent int) string {
	var b strings.Builder
	pad := strings.Repeat(" ", indent)
	for _, p := range paras {
		line := ""
		for _, w := range strings.Fields(p) {
			if line != "" && indent+dispWidth(line)+1+dispWidth(w) > width {
				b.WriteString(pad + line + "\n")
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		b.WriteString(pad + line + "\n\n")
	}
	return b.String()
}

func TestWideWrap(t *testing.T) {
	prose := []string{
		"The council voted on Tuesday to close the old bridge to lorries after engineers found that two of its supports had cracked during the cold spell, and the mayor said the work would take at least a year.",
		"Residents on both banks of the river have long complained about the noise of heavy traffic at night, and a petition signed by more than three thousand people asked for a weight limit in the spring of last year.",
		"A spokesman for the haulage firms said the detour would add forty minutes to each journey and that the cost would be passed on to shops in the town centre, which are already struggling after a difficult winter.",
		"The county's highways department will publish the results of a full survey in March, when the council will decide whether the bridge can be repaired or must be replaced with a new crossing further downstream.",
	}
	menu := "Home\nNews\nSport\nWeather\nContact us\n\n"
	cjk := []string{strings.Repeat("東京都は火曜日、古い橋の通行を制限すると発表した。", 12)}
	tests := []struct {
		name      string
		text      string
		wide      bool
		min, max  int  // the column found, when wide
		unwrapped bool // the width feature reads the widest column
	}{
		{"prose at 132 columns", menu + wrapAt(prose, 132, 0), true, 120, 132, false},
		{"prose at 132, indented like lynx", menu + wrapAt(prose, 132, 3), true, 120, 132, false},
		{"prose at 200 columns", menu + wrapAt(append(prose, prose...), 200, 0), true, 180, 200, false},
		{"prose at 80 columns (the default rule's)", menu + wrapAt(prose, 80, 0), false, 0, 0, false},
		{"unwrapped paragraphs", menu + strings.Join(prose, "\n") + "\n", false, 0, 0, true},
		{"paragraphs a blank line apart", strings.Join(prose, "\n\n") + "\n", false, 0, 0, true},
		{"menus only", strings.Repeat(menu, 20), false, 0, 0, false},
		{"CJK text", wrapAt(cjk, 132, 0), false, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col, wide := textWrap(tt.text)
			if wide != tt.wide || wide && (col < tt.min || col > tt.max) {
				t.Errorf("textWrap = %d, %v; want wide %v in [%d, %d]", col, wide, tt.wide, tt.min, tt.max)
			}
			if tt.wide && !IsScrapedDump(tt.text) {
				t.Errorf("a dump wrapped at %d columns not taken for a dump", col)
			}
			a := NewDumpAnalysis(tt.text)
			w := wrapWidth(a.Lines)
			if tt.wide && (w < tt.min || w > tt.max) || !tt.wide && w > defaultWrap {
				t.Errorf("wrapWidth = %d", w)
			}
			if fw := featureWrap(a.Lines, w); (fw == widest) != tt.unwrapped {
				t.Errorf("featureWrap = %d, want the widest column %v", fw, tt.unwrapped)
			}
		})
	}
}
