package widgets

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/store"
)

// Timeline is a bar chart of articles per month, drawn with canvas
// rectangles; months without articles between the first and last appear as
// gaps.
type Timeline struct {
	widget.BaseWidget
	months []store.MonthCount // contiguous, oldest first
	typ    string
}

// NewTimeline charts counts (months as YYYY-MM, any order, gaps allowed) in
// the colour of an entity type.
func NewTimeline(counts []store.MonthCount, typ string) *Timeline {
	t := &Timeline{months: fillMonths(counts), typ: typ}
	t.ExtendBaseWidget(t)
	return t
}

// fillMonths sorts monthly counts and adds the missing months as zeros.
// Months that do not parse are dropped.
func fillMonths(counts []store.MonthCount) []store.MonthCount {
	byMonth := map[string]int{}
	var first, last time.Time
	for _, c := range counts {
		m, err := time.Parse("2006-01", c.Month)
		if err != nil {
			continue
		}
		byMonth[c.Month] += c.Articles
		if first.IsZero() || m.Before(first) {
			first = m
		}
		if m.After(last) {
			last = m
		}
	}
	if first.IsZero() {
		return nil
	}
	var out []store.MonthCount
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		k := m.Format("2006-01")
		out = append(out, store.MonthCount{Month: k, Articles: byMonth[k]})
	}
	return out
}

// CreateRenderer draws the bars and their labels.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{t: t}
	r.build()
	return r
}

type timelineRenderer struct {
	t                 *Timeline
	bars              []*canvas.Rectangle
	axis              *canvas.Line
	first, last, peak *canvas.Text
	empty             *canvas.Text
	objects           []fyne.CanvasObject
}

const labelSize = 11

func (r *timelineRenderer) build() {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	muted := th.Color(theme.ColorNamePlaceHolder, v)
	r.axis = canvas.NewLine(muted)
	r.first, r.last, r.peak = canvas.NewText("", muted), canvas.NewText("", muted), canvas.NewText("", fg)
	r.empty = canvas.NewText("No dated articles", muted)
	for _, txt := range []*canvas.Text{r.first, r.last, r.peak, r.empty} {
		txt.TextSize = labelSize
	}
	r.bars = r.bars[:0]
	c := TypeColor(r.t.typ)
	r.objects = []fyne.CanvasObject{r.axis, r.first, r.last, r.peak, r.empty}
	for range r.t.months {
		b := canvas.NewRectangle(c)
		r.bars = append(r.bars, b)
		r.objects = append(r.objects, b)
	}
	ms := r.t.months
	r.empty.Hidden = len(ms) > 0
	if len(ms) > 0 {
		r.first.Text, r.last.Text = ms[0].Month, ms[len(ms)-1].Month
		r.peak.Text = fmt.Sprintf("max %d / month", peak(ms))
	}
}

func peak(ms []store.MonthCount) int {
	p := 0
	for _, m := range ms {
		p = max(p, m.Articles)
	}
	return p
}

func (r *timelineRenderer) Layout(s fyne.Size) {
	labelH := fyne.MeasureText("2020-01", labelSize, fyne.TextStyle{}).Height
	chartH := s.Height - labelH - 4
	r.axis.Position1 = fyne.NewPos(0, chartH)
	r.axis.Position2 = fyne.NewPos(s.Width, chartH)
	r.first.Move(fyne.NewPos(0, chartH+2))
	lastW := fyne.MeasureText(r.last.Text, labelSize, fyne.TextStyle{}).Width
	r.last.Move(fyne.NewPos(s.Width-lastW, chartH+2))
	r.peak.Move(fyne.NewPos(0, 0))
	r.empty.Move(fyne.NewPos(0, chartH/2))
	ms := r.t.months
	if len(ms) == 0 {
		return
	}
	top := labelH + 2 // below the peak label
	p := float32(max(peak(ms), 1))
	slot := s.Width / float32(len(ms))
	gap := min(slot*0.2, 2)
	for i, b := range r.bars {
		h := (chartH - top) * float32(ms[i].Articles) / p
		b.Move(fyne.NewPos(float32(i)*slot+gap/2, chartH-h))
		b.Resize(fyne.NewSize(max(slot-gap, 1), h))
	}
}

func (r *timelineRenderer) MinSize() fyne.Size { return fyne.NewSize(160, 110) }

func (r *timelineRenderer) Refresh() {
	r.build()
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *timelineRenderer) Destroy()                     {}
