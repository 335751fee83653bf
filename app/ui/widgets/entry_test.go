package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestEntryEsc: in each kind of entry, typing and Tab work as in
// widget.Entry, the first Esc leaves the field without reaching the
// window, and the second reaches the window's key handler.
func TestEntryEsc(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name  string
		entry fyne.Focusable
	}{
		{"entry", NewEntry()},
		{"multi-line", NewMultiLineEntry()},
		{"password", NewPasswordEntry()},
		{"select", NewSelectEntry([]string{"bbc", "guardian"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := widget.NewEntry()
			w := test.NewTempWindow(t, container.NewVBox(tt.entry.(fyne.CanvasObject), next))
			w.Resize(fyne.NewSize(400, 300))
			var windowKeys []fyne.KeyName
			w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { windowKeys = append(windowKeys, ev.Name) })
			c := w.Canvas()

			c.Focus(tt.entry)
			test.Type(tt.entry, "bbc")
			if got := text(tt.entry); got != "bbc" {
				t.Fatalf("typed %q, the field holds %q", "bbc", got)
			}
			c.FocusNext()
			if tt.name != "multi-line" && (c.Focused() == tt.entry || c.Focused() == nil) {
				t.Errorf("Tab left the focus on %T, want it moved on", c.Focused())
			}

			c.Focus(tt.entry)
			pressOn(c, fyne.KeyEscape)
			if c.Focused() != nil {
				t.Fatalf("the first Esc left %T focused", c.Focused())
			}
			if len(windowKeys) != 0 {
				t.Fatalf("the first Esc reached the window: %v", windowKeys)
			}
			pressOn(c, fyne.KeyEscape)
			if len(windowKeys) != 1 || windowKeys[0] != fyne.KeyEscape {
				t.Errorf("the second Esc gave the window %v, want [Escape]", windowKeys)
			}
			c.Focus(tt.entry)
			pressOn(c, fyne.KeyF1)
			if len(windowKeys) != 2 || windowKeys[1] != fyne.KeyF1 || c.Focused() != tt.entry {
				t.Errorf("F1 in the field gave the window %v (focus %T), want F1 passed on", windowKeys, c.Focused())
			}
			if got := text(tt.entry); got != "bbc" {
				t.Errorf("Esc changed the text to %q", got)
			}
		})
	}
}

// pressOn types a key as the driver does: to the focused widget, else to
// the canvas's handler.
func pressOn(c fyne.Canvas, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

func text(f fyne.Focusable) string {
	switch e := f.(type) {
	case *Entry:
		return e.Text
	case *SelectEntry:
		return e.Text
	}
	return ""
}
