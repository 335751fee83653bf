package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// KeyList is a widget.List driven from the keyboard as the window's other
// lists are: Tab focuses it, the arrows move, Enter (as Space does) opens
// the focused row, and Esc leaves it, passing the key to the window (which
// goes back to the page shown before); F1 … F12 go to the window too.
type KeyList struct {
	widget.List
}

// NewKeyList makes a KeyList as widget.NewList makes a list.
func NewKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *KeyList {
	l := &KeyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens the focused row on Enter, leaves the list on Esc, passes
// the function keys (F1) to the window, and moves as a list does on other
// keys.
func (l *KeyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	case fyne.KeyEscape:
		unfocus(l)
		toWindow(l, ev)
	default:
		if functionKey(ev.Name) {
			toWindow(l, ev)
			return
		}
		l.List.TypedKey(ev)
	}
}
