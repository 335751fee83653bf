package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Select is a widget.Select for the keyboard: Enter opens it as Space
// does, and Esc (after leaving it) and F1 … F12 reach the window.
type Select struct {
	widget.Select
}

// NewSelect makes a Select of options, calling changed on a choice.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s) // the renderer sets Fyne's placeholder
	return s
}

// TypedKey opens the choices on Enter, passes Esc and the function keys to
// the window, and leaves the rest to widget.Select.
func (s *Select) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		s.Select.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	case passKey(s, ev):
	default:
		s.Select.TypedKey(ev)
	}
}

// Check is a widget.Check whose Esc (after leaving it) and F1 … F12
// reach the window; Space ticks it.
type Check struct {
	widget.Check
}

// NewCheck makes a Check labelled text, calling changed when ticked.
func NewCheck(text string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = text, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey passes Esc and the function keys to the window.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	if !passKey(c, ev) {
		c.Check.TypedKey(ev)
	}
}

// passKey handles the keys every keyboard widget gives the window: Esc,
// after taking the focus from o, and the function keys. It tells whether
// ev was one of them.
func passKey(o fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	switch {
	case ev.Name == fyne.KeyEscape:
		unfocus(o)
		toWindow(o, ev)
	case functionKey(ev.Name):
		toWindow(o, ev)
	default:
		return false
	}
	return true
}
