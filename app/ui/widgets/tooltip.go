package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// TipDelay is how long the mouse rests on an IconButton before its tip
// shows.
const TipDelay = 500 * time.Millisecond

// IconButton is a button showing only an icon, with a tooltip naming what
// it does: shown below it when the mouse rests on it (Fyne 2.7 has no
// tooltips of its own), hidden when the mouse leaves or it is tapped.
type IconButton struct {
	widget.Button
	Tip string

	timer *time.Timer
	popup *widget.PopUp
	gen   int // bumped when the mouse leaves: a timer of an older visit shows nothing
}

// NewIconButton makes an icon button with a tooltip.
func NewIconButton(icon fyne.Resource, tip string, tapped func()) *IconButton {
	b := &IconButton{Tip: tip}
	b.Icon, b.OnTapped = icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn starts the wait before the tip shows.
func (b *IconButton) MouseIn(ev *desktop.MouseEvent) {
	b.Button.MouseIn(ev)
	b.gen++
	gen := b.gen
	b.timer = time.AfterFunc(TipDelay, func() {
		fyne.Do(func() {
			if gen == b.gen {
				b.ShowTip()
			}
		})
	})
}

// MouseOut hides the tip.
func (b *IconButton) MouseOut() {
	b.Button.MouseOut()
	b.HideTip()
}

// Tapped hides the tip and acts.
func (b *IconButton) Tapped(ev *fyne.PointEvent) {
	b.HideTip()
	b.Button.Tapped(ev)
}

// ShowTip shows the tooltip below the button (at once).
func (b *IconButton) ShowTip() {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil || b.Tip == "" || b.popup != nil {
		return
	}
	label := widget.NewLabel(b.Tip)
	b.popup = widget.NewPopUp(label, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	size := label.MinSize()
	x := min(pos.X, c.Size().Width-size.Width)
	y := pos.Y + b.Size().Height
	if y+size.Height > c.Size().Height {
		y = pos.Y - size.Height
	}
	b.popup.ShowAtPosition(fyne.NewPos(max(x, 0), y))
}

// HideTip hides the tooltip and stops a wait for it.
func (b *IconButton) HideTip() {
	b.gen++
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	if b.popup != nil {
		b.popup.Hide()
		b.popup = nil
	}
}

// TipShown tells whether the tooltip is on screen.
func (b *IconButton) TipShown() bool { return b.popup != nil }

// TypedKey presses the button on Space and Enter and passes Esc and the
// function keys to the window, as Button does.
func (b *IconButton) TypedKey(ev *fyne.KeyEvent) {
	buttonKey(b, &b.Button, ev)
}
