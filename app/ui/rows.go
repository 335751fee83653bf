package ui

import (
	"image/color"

	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newMuted makes a one-line text in the theme's secondary (placeholder)
// colour, cut with an ellipsis when too long if truncate; caption makes it
// smaller.
func newMuted(text string, caption, truncate bool) *widget.RichText {
	st := widget.RichTextStyleInline
	st.ColorName = theme.ColorNamePlaceHolder
	if caption {
		st.SizeName = theme.SizeNameCaptionText
	}
	rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: st})
	if truncate {
		rt.Truncation = fyne.TextTruncateEllipsis
	}
	return rt
}

// setMuted changes the text of a newMuted text.
func setMuted(rt *widget.RichText, text string) {
	seg := rt.Segments[0].(*widget.TextSegment)
	if seg.Text != text {
		seg.Text = text
		rt.Refresh()
	}
}

// scrollGutter is an empty space as wide as a list's scroll bar, to keep
// what ends a row out from under it.
func scrollGutter() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(theme.Size(theme.SizeNameScrollBar), 1))
	return r
}

// countRow makes a list row of a name and, at its end, a count.
func countRow() fyne.CanvasObject {
	name := widget.NewLabel("name")
	name.Truncation = fyne.TextTruncateEllipsis
	n := newMuted("0 articles", false, false)
	return container.NewBorder(nil, nil, nil, container.NewHBox(n, scrollGutter()), name)
}

// setCountRow shows a name and a count of articles (see articlesText).
func setCountRow(o fyne.CanvasObject, name string, n int) {
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(name)
	end := c.Objects[1].(*fyne.Container)
	setMuted(end.Objects[0].(*widget.RichText), articlesText(n))
	end.Resize(end.MinSize()) // the count's width changed: place it again
	c.Layout.Layout(c.Objects, c.Size())
}

// articlesText counts articles in words; a negative n is shown as a bare
// number, for narrow lists.
func articlesText(n int) string {
	if n < 0 {
		return fmt.Sprint(-n)
	}
	return plural(n, "article", "articles")
}

// plural counts things in words.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// twoLines stacks a row's lines, each a label or a rich text with its own
// padding, overlapping the padding between them so the lines sit close.
type twoLines struct{}

// overlap is how much of each line's padding is shared with the next.
func (twoLines) overlap() float32 {
	return theme.Size(theme.SizeNameInnerPadding) - theme.Size(theme.SizeNameLineSpacing)
}

// MinSize is the widest line's width and the lines' summed height, less
// the overlaps.
func (l twoLines) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		n++
	}
	if n > 1 {
		s.Height -= float32(n-1) * l.overlap()
	}
	return s
}

// Layout places the lines one under the other at their minimum height.
func (l twoLines) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - l.overlap()
	}
}
