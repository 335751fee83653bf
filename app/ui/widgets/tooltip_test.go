package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestIconButtonTip shows an icon button's tip below it, hides it when
// the mouse leaves or the button is tapped, and shows none when the mouse
// leaves before the delay.
func TestIconButtonTip(t *testing.T) {
	test.NewTempApp(t)
	tapped := 0
	b := NewIconButton(theme.DeleteIcon(), "Delete the highlight", func() { tapped++ })
	w := test.NewTempWindow(t, container.NewVBox(widget.NewLabel("above"), container.NewHBox(b)))
	w.Resize(fyne.NewSize(400, 300))

	b.ShowTip()
	top := w.Canvas().Overlays().Top()
	if !b.TipShown() || top == nil {
		t.Fatal("ShowTip showed nothing")
	}
	label, ok := top.(*widget.PopUp).Content.(*widget.Label)
	if !ok || label.Text != "Delete the highlight" {
		t.Fatalf("the tip shows %#v", top.(*widget.PopUp).Content)
	}
	below := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Y + b.Size().Height
	if got := top.(*widget.PopUp).Content.Position().Y; got < below {
		t.Errorf("the tip is at y=%v, over the button (which ends at %v)", got, below)
	}
	b.MouseOut()
	if b.TipShown() || w.Canvas().Overlays().Top() != nil {
		t.Error("the tip stayed after the mouse left")
	}

	b.ShowTip()
	test.Tap(b)
	if b.TipShown() || tapped != 1 {
		t.Errorf("after a tap: tip shown %v, tapped %d times", b.TipShown(), tapped)
	}

	b.MouseIn(&desktop.MouseEvent{})
	b.MouseOut()
	time.Sleep(2 * TipDelay)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("a tip showed after the mouse left before the delay")
	}
}
