package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Button is a widget.Button for the keyboard: Space or Enter presses it
// when it has the focus, Esc leaves it and reaches the window (which goes
// back or closes a dialog), and F1 … F12 go to the window; a plain
// widget.Button swallows every key but Space.
type Button struct {
	widget.Button
}

// NewButton makes a Button labelled text.
func NewButton(text string, tapped func()) *Button {
	return NewButtonWithIcon(text, nil, tapped)
}

// NewButtonWithIcon makes a Button with a label and an icon.
func NewButtonWithIcon(text string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Space and Enter and passes Esc and the
// function keys to the window.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	buttonKey(b, &b.Button, ev)
}

// buttonKey is the key handling of Button and IconButton.
func buttonKey(o fyne.CanvasObject, b *widget.Button, ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		if t, ok := o.(fyne.Tappable); ok && !b.Disabled() {
			t.Tapped(&fyne.PointEvent{})
		}
	case ev.Name == fyne.KeyEscape:
		unfocus(o)
		toWindow(o, ev)
	case functionKey(ev.Name):
		toWindow(o, ev)
	default:
		b.TypedKey(ev)
	}
}
