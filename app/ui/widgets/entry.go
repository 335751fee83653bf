package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is a widget.Entry that lets go of Esc. Fyne hands keys to the
// window only while nothing has the focus, so a plain entry swallows Esc;
// this one leaves the field on Esc (the focus goes nowhere), and the next
// Esc reaches the window, which closes a dialog or goes back. Tab, Enter
// and every other key behave as in widget.Entry.
type Entry struct {
	widget.Entry
}

// NewEntry makes a single-line Entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry makes an Entry of several lines, wrapping words.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// NewPasswordEntry makes an Entry that hides what is typed.
func NewPasswordEntry() *Entry {
	e := NewEntry()
	e.Password = true
	return e
}

// TypedKey leaves the field on Esc, passes the function keys (F1: the
// shortcuts sheet) to the window, and types every other key.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape:
		unfocus(e)
	case functionKey(ev.Name):
		toWindow(e, ev)
	default:
		e.Entry.TypedKey(ev)
	}
}

// SelectEntry is a widget.SelectEntry that lets go of Esc as Entry does.
type SelectEntry struct {
	widget.SelectEntry
}

// NewSelectEntry makes a SelectEntry offering options.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	return e
}

// TypedKey leaves the field on Esc, passes the function keys to the
// window, and types every other key.
func (e *SelectEntry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape:
		unfocus(e)
	case functionKey(ev.Name):
		toWindow(e, ev)
	default:
		e.SelectEntry.TypedKey(ev)
	}
}

// unfocus takes the focus from o's canvas, if o is shown on one.
func unfocus(o fyne.CanvasObject) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		c.Unfocus()
	}
}

// functionKey tells F1 … F12 apart: no field or list uses them, so the
// window's handler gets them wherever the focus is.
func functionKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6,
		fyne.KeyF7, fyne.KeyF8, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11, fyne.KeyF12:
		return true
	}
	return false
}

// toWindow gives a key to the handler of o's canvas, as if nothing had
// the focus.
func toWindow(o fyne.CanvasObject, ev *fyne.KeyEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return
	}
	if f := c.OnTypedKey(); f != nil {
		f(ev)
	}
}

// PassFunctionKey gives ev to the window's handler if it is a function
// key, for fields and lists of other types, and tells whether it did.
func PassFunctionKey(o fyne.CanvasObject, ev *fyne.KeyEvent) bool {
	if !functionKey(ev.Name) {
		return false
	}
	toWindow(o, ev)
	return true
}
