package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// TestChoiceKeys: Enter opens a focused Select's choices, Space ticks a
// focused Check, and on both Esc leaves the widget and reaches the window
// and F1 reaches the window.
func TestChoiceKeys(t *testing.T) {
	test.NewTempApp(t)
	sel := NewSelect([]string{"day", "week"}, nil)
	check := NewCheck("newest first", nil)
	w := test.NewTempWindow(t, container.NewVBox(sel, check))
	w.Resize(fyne.NewSize(300, 200))
	c := w.Canvas()
	var windowKeys []fyne.KeyName
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { windowKeys = append(windowKeys, ev.Name) })

	c.Focus(sel)
	pressOn(c, fyne.KeyReturn)
	if c.Overlays().Top() == nil {
		t.Fatal("Enter opened no choices")
	}
	c.Overlays().Top().Hide()

	c.Focus(check)
	test.Type(check, " ")
	if !check.Checked {
		t.Error("Space did not tick the check")
	}
	for _, f := range []fyne.Focusable{sel, check} {
		windowKeys = nil
		c.Focus(f)
		pressOn(c, fyne.KeyF1)
		pressOn(c, fyne.KeyEscape)
		if len(windowKeys) != 2 || windowKeys[0] != fyne.KeyF1 || windowKeys[1] != fyne.KeyEscape || c.Focused() != nil {
			t.Errorf("%T: the window got %v, focus %T; want [F1 Escape], none", f, windowKeys, c.Focused())
		}
	}
}
