package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// flowLines returns the text of each laid-out line of f, spans joined by
// spaces when apart, with its width.
func flowLines(f *FlowText) (texts []string, widths []float32) {
	lastY := float32(-1)
	var end float32
	for _, s := range f.spans {
		if s.y != lastY {
			texts, widths = append(texts, ""), append(widths, 0)
			lastY, end = s.y, s.x
		}
		i := len(texts) - 1
		if s.x > end+0.01 && texts[i] != "" {
			texts[i] += " "
		}
		texts[i] += s.text
		widths[i] = s.x + s.w
		end = s.x + s.w
	}
	return texts, widths
}

// TestFlowTextWraps lays paragraphs out at several widths: every word
// appears once, in order; no line is wider than the widget; a long text
// after a link fills whole lines (Fyne's RichText put one character on
// each line there).
func TestFlowTextWraps(t *testing.T) {
	long := strings.Repeat("lorem ipsum dolor sit amet consectetur ", 40)
	tests := []struct {
		name  string
		runs  []Run
		width float32
	}{
		{"plain", []Run{{Text: long, Link: -1}}, 300},
		{"after a link at a line end", []Run{{Text: "The chair, ", Link: -1}, {Text: "Martin Okafor", Link: 0}, {Text: "\n" + long, Link: -1}}, 200},
		{"word glued to a link", []Run{{Text: "We met ", Link: -1}, {Text: "Britain", Link: 0}, {Text: "'s envoy. " + long, Link: -1}}, 250},
		{"hard line breaks", []Run{{Text: "one\ntwo\nthree", Link: -1}}, 400},
		{"word wider than a line", []Run{{Text: "see " + strings.Repeat("x", 120) + " end", Link: -1}}, 150},
		{"narrow", []Run{{Text: long, Link: -1}}, 60},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links := []Link{{Type: "PERSON", Name: "Someone"}}
			f := newTestFlow(t, [][]Run{tt.runs}, links, tt.width)
			texts, widths := flowLines(f)
			var want strings.Builder
			for _, r := range tt.runs {
				want.WriteString(r.Text)
			}
			// Compared without spaces: words wider than a line are split.
			got := strings.Join(strings.Fields(strings.Join(texts, "")), "")
			wantText := strings.Join(strings.Fields(want.String()), "")
			if got != wantText {
				t.Fatalf("lines hold %q,\nwant %q", got, wantText)
			}
			avail := tt.width - 2*f.inset()
			for i, w := range widths {
				if w-f.inset() > avail+0.5 {
					t.Errorf("line %d %q is %.1f wide, more than %.1f", i, texts[i], w-f.inset(), avail)
				}
			}
			// No line but the last is less than half full when the next
			// line's first word would have fit: the RichText regression.
			for i := 0; i+1 < len(texts); i++ {
				next := strings.Fields(texts[i+1])
				if len(next) == 0 || strings.Contains(texts[i+1], "xxxx") || tt.name == "hard line breaks" {
					continue
				}
				nw := fyne.MeasureText(next[0], f.textSize, fyne.TextStyle{}).Width
				if widths[i]-f.inset()+f.spaceW+nw < avail-1 && !strings.HasSuffix(texts[i], "Okafor") {
					t.Errorf("line %d %q (%.0f wide) left room for %q of line %d", i, texts[i], widths[i], next[0], i+1)
				}
			}
			if tt.name == "hard line breaks" && len(texts) != 3 {
				t.Errorf("hard line breaks gave lines %q", texts)
			}
		})
	}
}

// TestFlowTextRelayout checks that lines are laid out again only when the
// width changes, and that the height follows.
func TestFlowTextRelayout(t *testing.T) {
	runs := []Run{{Text: strings.Repeat("word ", 300), Link: -1}}
	f := newTestFlow(t, [][]Run{runs}, nil, 400)
	n, h := f.layouts, f.MinSize().Height
	f.Resize(fyne.NewSize(400, 900))
	if f.layouts != n {
		t.Errorf("a change of height laid the lines out again")
	}
	f.Resize(fyne.NewSize(200, 900))
	if f.layouts != n+1 {
		t.Errorf("a change of width laid the lines out %d times, want 1", f.layouts-n)
	}
	if h2 := f.MinSize().Height; h2 <= h*1.5 {
		t.Errorf("halving the width took the height from %.0f to %.0f", h, h2)
	}
}

// TestFlowTextTap taps each link where it is drawn, and plain text.
func TestFlowTextTap(t *testing.T) {
	var opened []string
	link := func(name, typ string) Link {
		return Link{Name: name, Type: typ, OnTap: func() { opened = append(opened, name) }}
	}
	links := []Link{link("Ann Lee", "PERSON"), link("Acme", "ORG")}
	paras := [][]Run{
		{{Text: "Yesterday ", Link: -1}, {Text: "Ann Lee", Link: 0}, {Text: " said a lot of things about many other things, at length.", Link: -1}},
		{{Text: "Then ", Link: -1}, {Text: "Acme Corporation", Link: 1}, {Text: " answered.", Link: -1}},
	}
	f := newTestFlow(t, paras, links, 220)
	for _, name := range []string{"Acme", "Ann Lee"} {
		pos, ok := f.LinkPos(name)
		if !ok {
			t.Fatalf("%s is not drawn", name)
		}
		test.TapAt(f, pos)
	}
	test.TapAt(f, fyne.NewPos(f.inset()+2, f.inset()/2+2)) // "Yesterday"
	if strings.Join(opened, ",") != "Acme,Ann Lee" {
		t.Errorf("taps opened %q, want Acme then Ann Lee", opened)
	}
	if p := f.paraAt(f.height - 2); p != 1 {
		t.Errorf("the last line is in paragraph %d, want 1", p)
	}
}

// BenchmarkFlowTextLayout lays out a 5,000-word article: SetContent
// (measuring) and a relayout at a new width.
func BenchmarkFlowTextLayout(b *testing.B) {
	test.NewTempApp(b)
	words := strings.Fields(strings.Repeat("The quick brown fox jumps over the lazy dog while Parliament debates the budget. ", 313))
	var paras [][]Run
	for i := 0; i < len(words); i += 100 {
		paras = append(paras, []Run{{Text: strings.Join(words[i:min(i+100, len(words))], " "), Link: -1}})
	}
	f := NewFlowText()
	b.Run("measure", func(b *testing.B) {
		for b.Loop() {
			f.SetContent(paras, nil)
			f.relayout(600)
		}
	})
	b.Run("relayout", func(b *testing.B) {
		w := float32(500)
		for b.Loop() {
			w = 1100 - w
			f.relayout(w)
		}
	})
}

// newTestFlow makes a flow text in a test window, laid out at width.
func newTestFlow(t *testing.T, paras [][]Run, links []Link, width float32) *FlowText {
	t.Helper()
	test.NewTempApp(t)
	f := NewFlowText()
	test.NewTempWindow(t, widget.NewLabel("")) // a canvas for the theme
	f.SetContent(paras, links)
	f.Resize(fyne.NewSize(width, 100))
	return f
}

var _ fyne.Tappable = (*FlowText)(nil)
