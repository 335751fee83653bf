package widgets

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FitText is one line of rich text segments cut with an ellipsis to fit
// its width (Fyne's RichText truncates only a line of one segment). It is
// not tappable, so a tap on it selects the list row it is in.
type FitText struct {
	widget.BaseWidget
	rt    *widget.RichText
	full  []*widget.TextSegment
	width float32 // the width fitted to, 0 for none
}

func NewFitText() *FitText {
	f := &FitText{rt: widget.NewRichText()}
	f.ExtendBaseWidget(f)
	return f
}

// SetSegments shows new segments, cut to the current width.
func (f *FitText) SetSegments(segs []*widget.TextSegment) {
	f.full = segs
	f.fit(f.width)
}

// Resize fits the text to a new width.
func (f *FitText) Resize(s fyne.Size) {
	f.BaseWidget.Resize(s)
	if s.Width != f.width {
		f.fit(s.Width)
	}
}

// fit cuts the segments to width (all of them when width is 0).
func (f *FitText) fit(width float32) {
	f.width = width
	th := f.Theme()
	avail := width - 2*th.Size(theme.SizeNameInnerPadding)
	out := make([]widget.RichTextSegment, 0, len(f.full))
	x := float32(0)
	for i, s := range f.full {
		size := th.Size(theme.SizeNameText)
		if s.Style.SizeName != "" {
			size = th.Size(s.Style.SizeName)
		}
		w := fyne.MeasureText(s.Text, size, s.Style.TextStyle).Width
		if width == 0 || x+w <= avail && (i == len(f.full)-1 || x+w+fyne.MeasureText("…", size, fyne.TextStyle{}).Width <= avail) {
			out = append(out, s)
			x += w
			continue
		}
		room := avail - x - fyne.MeasureText("…", size, fyne.TextStyle{}).Width
		n := fitPrefix(s.Text, func(p string) bool { return fyne.MeasureText(p, size, s.Style.TextStyle).Width <= room })
		cut := *s
		cut.Text = s.Text[:n] + "…"
		out = append(out, &cut)
		break
	}
	f.rt.Segments = out
	f.rt.Refresh()
}

// fitPrefix returns the length in bytes of the longest prefix of s (cut
// at a rune boundary) that fits.
func fitPrefix(s string, fits func(string) bool) int {
	lo, hi := 0, len(s)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		for mid > lo && mid < len(s) && !utf8.RuneStart(s[mid]) {
			mid--
		}
		if mid == lo {
			break
		}
		if fits(s[:mid]) {
			lo = mid
		} else {
			hi = mid - 1
			for hi > lo && hi < len(s) && !utf8.RuneStart(s[hi]) {
				hi--
			}
		}
	}
	return lo
}

// CreateRenderer shows the rich text; its minimum width is an ellipsis.
func (f *FitText) CreateRenderer() fyne.WidgetRenderer {
	return &fitRenderer{f: f}
}

type fitRenderer struct{ f *FitText }

func (r *fitRenderer) Destroy()                     {}
func (r *fitRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.f.rt} }
func (r *fitRenderer) Layout(s fyne.Size)           { r.f.rt.Resize(s) }
func (r *fitRenderer) Refresh()                     { r.f.rt.Refresh() }

func (r *fitRenderer) MinSize() fyne.Size {
	th := r.f.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	h := fyne.MeasureText("Mg", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height
	return fyne.NewSize(2*pad+h, h+2*pad)
}
