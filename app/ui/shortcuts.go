package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// command is one thing the keyboard does in the main window. The one table
// of them, commands, makes the menus' items and their shortcuts, binds the
// window's keys, and writes the shortcuts sheet (F1), so none can drift
// from the others.
type command struct {
	menu  string // the menu it is an item of ("File", "Go", "View", "Help"); "" for keys alone
	label string // the menu item's and the sheet's text
	// shortcut, with Ctrl or Alt, works wherever the focus is; the menu
	// item shows it.
	shortcut *desktop.CustomShortcut
	// keys are plain keys the window handles when no widget has the focus
	// (F1, Esc, arrows); widgetKeys is how the sheet writes keys that
	// Fyne's widgets handle themselves (Tab).
	keys       []fyne.KeyName
	widgetKeys string
	do         func(w *Window, ev *fyne.KeyEvent) // nil when a widget does it
}

// ctrl is Ctrl (Cmd on macOS) with key.
func ctrl(key fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// Keyboard shortcuts other files name.
var (
	shortcutPalette = ctrl(fyne.KeyK)
	shortcutSearch  = ctrl(fyne.KeyF)
	shortcutImport  = ctrl(fyne.KeyI)
)

// sectionKeys are the keys of Ctrl+1 … Ctrl+9, the first nine sidebar
// sections.
var sectionKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}

// commands is the table of the window's commands, in the sheet's order.
func commands() []command {
	cmds := []command{
		{menu: "File", label: "New archive…", shortcut: ctrl(fyne.KeyN), do: func(w *Window, _ *fyne.KeyEvent) { w.chooseNewArchive() }},
		{menu: "File", label: "Open archive…", shortcut: ctrl(fyne.KeyO), do: func(w *Window, _ *fyne.KeyEvent) { w.chooseOpenArchive() }},
		{menu: "File", label: "Import files…", shortcut: shortcutImport, do: func(w *Window, _ *fyne.KeyEvent) { w.chooseImportFiles() }},
		{menu: "Go", label: "Find anything…", shortcut: shortcutPalette, do: func(w *Window, _ *fyne.KeyEvent) { w.showPalette() }},
		{menu: "Go", label: "Search text…", shortcut: shortcutSearch, do: func(w *Window, _ *fyne.KeyEvent) { w.focusSearch() }},
		{menu: "Go", label: "Back", shortcut: shortcutBack, do: func(w *Window, _ *fyne.KeyEvent) { w.historyBack() }},
		{menu: "Go", label: "Forward", shortcut: shortcutForward, do: func(w *Window, _ *fyne.KeyEvent) { w.historyForward() }},
	}
	for i, s := range sections {
		c := command{menu: "Go", label: s.label, do: func(w *Window, _ *fyne.KeyEvent) { w.showSection(s.name) }}
		if i < len(sectionKeys) {
			c.shortcut = ctrl(sectionKeys[i])
		}
		cmds = append(cmds, c)
	}
	return append(cmds,
		command{menu: "Go", label: "Next section", shortcut: ctrl(fyne.KeyPageDown), do: func(w *Window, _ *fyne.KeyEvent) { w.stepSection(1) }},
		command{menu: "Go", label: "Previous section", shortcut: ctrl(fyne.KeyPageUp), do: func(w *Window, _ *fyne.KeyEvent) { w.stepSection(-1) }},
		command{label: "Back to the list; close a dialog", keys: []fyne.KeyName{fyne.KeyEscape}, do: func(w *Window, _ *fyne.KeyEvent) { w.escape() }},
		command{label: "Move in the list", keys: []fyne.KeyName{fyne.KeyUp, fyne.KeyDown}, do: func(w *Window, ev *fyne.KeyEvent) {
			if w.keyFocus != nil {
				w.keyFocus.move(map[fyne.KeyName]int{fyne.KeyDown: 1, fyne.KeyUp: -1}[ev.Name])
			}
		}},
		command{label: "Open the selected row", keys: []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter}, do: func(w *Window, _ *fyne.KeyEvent) {
			if w.keyFocus != nil {
				w.keyFocus.activate()
			}
		}},
		command{label: "Next control; previous with Shift", widgetKeys: "Tab, Shift+Tab"},
		command{label: "Open the focused row of a list", widgetKeys: "Space, Enter"},
		command{menu: "View", label: "Larger text", shortcut: ctrl(fyne.KeyEqual), do: func(w *Window, _ *fyne.KeyEvent) { w.stepTextSize(1) }},
		command{menu: "View", label: "Smaller text", shortcut: ctrl(fyne.KeyMinus), do: func(w *Window, _ *fyne.KeyEvent) { w.stepTextSize(-1) }},
		command{menu: "View", label: "Normal text size", shortcut: ctrl(fyne.Key0), do: func(w *Window, _ *fyne.KeyEvent) { w.setTextSize(100) }},
		command{menu: "View", label: "Settings…", shortcut: ctrl(fyne.KeyComma), do: func(w *Window, _ *fyne.KeyEvent) { w.showSettings() }},
		command{menu: "Help", label: "Keyboard shortcuts", shortcut: ctrl(fyne.KeySlash), keys: []fyne.KeyName{fyne.KeyF1},
			do: func(w *Window, _ *fyne.KeyEvent) { w.showShortcuts() }},
	)
}

// keyText is how the sheet and tests write a command's keys.
func (c command) keyText() string {
	var parts []string
	if c.shortcut != nil {
		parts = append(parts, shortcutText(c.shortcut))
	}
	for _, k := range c.keys {
		if n := keyName(k); !slices.Contains(parts, n) {
			parts = append(parts, n)
		}
	}
	if c.widgetKeys != "" {
		parts = append(parts, c.widgetKeys)
	}
	return strings.Join(parts, ", ")
}

// shortcutText writes a shortcut as a person reads it: Ctrl+K.
func shortcutText(s *desktop.CustomShortcut) string {
	var b strings.Builder
	for _, m := range []struct {
		mod  fyne.KeyModifier
		name string
	}{{fyne.KeyModifierControl, "Ctrl+"}, {fyne.KeyModifierSuper, "Cmd+"}, {fyne.KeyModifierAlt, "Alt+"}, {fyne.KeyModifierShift, "Shift+"}} {
		if s.Modifier&m.mod != 0 {
			b.WriteString(m.name)
		}
	}
	b.WriteString(keyName(s.KeyName))
	return b.String()
}

// keyName is a key's name on the keyboard.
func keyName(k fyne.KeyName) string {
	switch k {
	case fyne.KeyEscape:
		return "Esc"
	case fyne.KeyUp:
		return "↑"
	case fyne.KeyDown:
		return "↓"
	case fyne.KeyReturn, fyne.KeyEnter: // the keypad's Enter too
		return "Enter"
	case fyne.KeyPageDown:
		return "Page Down"
	case fyne.KeyPageUp:
		return "Page Up"
	}
	return string(k)
}

// command returns the command of a label (ok false for none).
func commandByLabel(label string) (command, bool) {
	for _, c := range commands() {
		if c.label == label {
			return c, true
		}
	}
	return command{}, false
}

// menuItem is the menu item of the command labelled label, with its
// shortcut shown.
func (w *Window) menuItem(label string) *fyne.MenuItem {
	c, ok := commandByLabel(label)
	if !ok {
		return fyne.NewMenuItem(label, nil)
	}
	it := fyne.NewMenuItem(label, func() { c.do(w, nil) })
	if c.shortcut != nil {
		it.Shortcut = c.shortcut
	}
	return it
}

// menuItems are the items of every command of a menu, in table order.
func (w *Window) menuItems(menu string) []*fyne.MenuItem {
	var out []*fyne.MenuItem
	for _, c := range commands() {
		if c.menu == menu {
			out = append(out, w.menuItem(c.label))
		}
	}
	return out
}

// addShortcuts binds the table's shortcuts and plain keys to the window.
func (w *Window) addShortcuts() {
	c := w.win.Canvas()
	for _, cmd := range commands() {
		if cmd.shortcut != nil && cmd.do != nil {
			c.AddShortcut(cmd.shortcut, func(fyne.Shortcut) { cmd.do(w, nil) })
		}
	}
	c.SetOnTypedKey(w.onTypedKey)
}

// onTypedKey handles keys typed when no widget has the focus, as the
// table's plain keys say.
func (w *Window) onTypedKey(ev *fyne.KeyEvent) {
	for _, cmd := range commands() {
		for _, k := range cmd.keys {
			if k == ev.Name && cmd.do != nil {
				cmd.do(w, ev)
				return
			}
		}
	}
}

// escape closes the dialog or pop-up on top, else goes back to the page
// shown before.
func (w *Window) escape() {
	if w.palette.visible() {
		w.palette.hide()
		return
	}
	if top := w.win.Canvas().Overlays().Top(); top != nil {
		top.Hide()
		return
	}
	if w.section == "" { // a page goes back; a section stays
		w.historyBack()
	}
}

// stepSection shows the sidebar section delta places after the one shown
// (wrapping around); from a page, the first or last.
func (w *Window) stepSection(delta int) {
	at := -1
	for i, s := range sections {
		if s.name == w.section {
			at = i
		}
	}
	if at < 0 && delta < 0 {
		at = 0
	}
	w.showSection(sections[(at+delta+len(sections))%len(sections)].name)
}

// dropStaleFocus takes the focus from the view being replaced (keys would
// go to a widget no longer shown); the sidebar keeps it, for the arrows.
func (w *Window) dropStaleFocus() {
	c := w.win.Canvas()
	if f := c.Focused(); f != nil && f != fyne.Focusable(w.sidebar.list) {
		c.Unfocus()
	}
}
