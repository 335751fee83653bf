package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestButtonKeys: a focused Button or IconButton is pressed by Space and
// Enter (not when disabled), Esc leaves it and reaches the window, and F1
// reaches the window with the focus kept.
func TestButtonKeys(t *testing.T) {
	test.NewTempApp(t)
	taps := 0
	tap := func() { taps++ }
	tests := []struct {
		name string
		b    interface {
			fyne.Focusable
			fyne.Disableable
		}
	}{
		{"button", NewButton("Rename…", tap)},
		{"icon button", NewIconButton(theme.NavigateBackIcon(), "Back", tap)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			taps = 0
			w := test.NewTempWindow(t, container.NewHBox(tt.b.(fyne.CanvasObject)))
			var windowKeys []fyne.KeyName
			w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { windowKeys = append(windowKeys, ev.Name) })
			c := w.Canvas()
			c.Focus(tt.b)
			for _, k := range []fyne.KeyName{fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter} {
				pressOn(c, k)
			}
			if taps != 3 {
				t.Errorf("Space, Return and Enter pressed it %d times, want 3", taps)
			}
			tt.b.Disable()
			pressOn(c, fyne.KeyReturn)
			if taps != 3 {
				t.Error("Enter pressed a disabled button")
			}
			tt.b.Enable()
			pressOn(c, fyne.KeyF1)
			if c.Focused() != tt.b || len(windowKeys) != 1 || windowKeys[0] != fyne.KeyF1 {
				t.Errorf("F1: focus %T, window got %v", c.Focused(), windowKeys)
			}
			pressOn(c, fyne.KeyEscape)
			if c.Focused() != nil || len(windowKeys) != 2 || windowKeys[1] != fyne.KeyEscape {
				t.Errorf("Esc: focus %T, window got %v", c.Focused(), windowKeys)
			}
		})
	}
}
