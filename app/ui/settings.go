package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// themeModes are the theme settings offered, in order.
var themeModes = []struct{ mode, label string }{
	{themeSystem, "System"}, {themeLight, "Light"}, {themeDark, "Dark"},
}

// viewMenu is the View menu: the theme, then the table's View commands
// (text size, settings).
func (w *Window) viewMenu() *fyne.Menu {
	cur := themeMode(w.fa.Preferences())
	themes := fyne.NewMenuItem("Theme", nil)
	themes.ChildMenu = fyne.NewMenu("")
	for _, m := range themeModes {
		it := fyne.NewMenuItem(m.label, func() { w.setThemeMode(m.mode) })
		it.Checked = m.mode == cur
		themes.ChildMenu.Items = append(themes.ChildMenu.Items, it)
	}
	return fyne.NewMenu("View", append([]*fyne.MenuItem{themes, fyne.NewMenuItemSeparator()}, w.menuItems("View")...)...)
}

// setThemeMode follows the system's variant (themeSystem) or holds the
// light or dark one, at once and from now on.
func (w *Window) setThemeMode(mode string) {
	p := w.fa.Preferences()
	p.SetString(prefThemeMode, mode)
	applyTheme(w.fa, themeMode(p), textSize(p))
	w.win.SetMainMenu(w.mainMenu()) // the menu's check mark
}

// setTextSize sets the text size (percent of Fyne's, kept within the
// settings' range), at once and from now on.
func (w *Window) setTextSize(pct int) {
	p := w.fa.Preferences()
	p.SetInt(prefTextSize, min(max(pct, minTextSize), maxTextSize))
	applyTheme(w.fa, themeMode(p), textSize(p))
	w.setStatus(fmt.Sprintf("text size %d %%", textSize(p)))
}

// stepTextSize makes the text steps larger (or smaller, negative).
func (w *Window) stepTextSize(steps int) {
	w.setTextSize(textSize(w.fa.Preferences()) + steps*textSizeStep)
}

// showSettings opens the settings: theme and text size, applied as they
// are changed.
func (w *Window) showSettings() {
	p := w.fa.Preferences()
	var labels []string
	for _, m := range themeModes {
		labels = append(labels, m.label)
	}
	modes := widget.NewRadioGroup(labels, nil)
	modes.Horizontal = true
	modes.Required = true
	for _, m := range themeModes {
		if m.mode == themeMode(p) {
			modes.Selected = m.label
		}
	}
	modes.OnChanged = func(label string) {
		for _, m := range themeModes {
			if m.label == label {
				w.setThemeMode(m.mode)
			}
		}
	}
	shown := widget.NewLabel("")
	size := widget.NewSlider(minTextSize, maxTextSize)
	size.Step = textSizeStep
	size.SetValue(float64(textSize(p)))
	shown.SetText(fmt.Sprintf("%d %%", textSize(p)))
	size.OnChanged = func(v float64) {
		shown.SetText(fmt.Sprintf("%d %%", int(v)))
		if int(v) != textSize(p) {
			w.setTextSize(int(v))
		}
	}
	form := widget.NewForm(
		widget.NewFormItem("Theme", modes),
		widget.NewFormItem("Text size", container.NewBorder(nil, nil, nil, shown, size)),
	)
	hint := widget.NewLabel("System follows your desktop's light or dark setting. Ctrl+= and Ctrl+- change the text size too.")
	hint.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Settings", "Close", container.NewVBox(form, hint), w.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// showShortcuts opens the sheet of every keyboard shortcut (F1, Ctrl+/).
func (w *Window) showShortcuts() {
	sheet := container.NewVScroll(shortcutsSheet())
	sheet.SetMinSize(fyne.NewSize(860, 560))
	dialog.NewCustom("Keyboard shortcuts", "Close", sheet, w.win).Show()
}

// sheetColumns are the sheet's columns of headings, by menu.
var sheetColumns = [][]struct{ menu, heading string }{
	{{"File", "File"}, {"Go", "Go to"}},
	{{"", "In lists and pages"}, {"View", "View"}, {"Help", "Help"}},
}

// shortcutsSheet lists the commands of the table with their keys, under a
// heading per menu, in two columns.
func shortcutsSheet() fyne.CanvasObject {
	cmds := commands()
	cols := container.NewGridWithColumns(len(sheetColumns))
	for _, groups := range sheetColumns {
		grid := container.New(layout.NewFormLayout())
		for _, g := range groups {
			heading := false
			for _, c := range cmds {
				if c.menu != g.menu || c.keyText() == "" {
					continue
				}
				if !heading {
					grid.Add(layout.NewSpacer())
					grid.Add(widget.NewLabelWithStyle(g.heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Italic: true}))
					heading = true
				}
				grid.Add(widget.NewLabelWithStyle(c.keyText(), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
				grid.Add(widget.NewLabel(c.label))
			}
		}
		cols.Add(container.NewVBox(grid))
	}
	return cols
}
