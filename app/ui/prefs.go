package ui

import (
	"slices"

	"fyne.io/fyne/v2"
)

// Preference keys.
const (
	prefWidth       = "window.width"
	prefHeight      = "window.height"
	prefLastSection = "view.last"
	prefRecent      = "archives.recent"
)

// maxRecent is how many archives File → Open Recent lists.
const maxRecent = 8

// defaultSize is the window's size on first start.
var defaultSize = fyne.NewSize(1280, 800)

// restoreSize gives the window the size it had when last closed.
func (w *Window) restoreSize() {
	p := w.fa.Preferences()
	width := p.FloatWithFallback(prefWidth, float64(defaultSize.Width))
	height := p.FloatWithFallback(prefHeight, float64(defaultSize.Height))
	w.win.Resize(fyne.NewSize(float32(max(width, 640)), float32(max(height, 400))))
}

// saveSize remembers the window's size.
func (w *Window) saveSize() {
	s := w.win.Canvas().Size()
	if s.Width > 0 && s.Height > 0 {
		w.fa.Preferences().SetFloat(prefWidth, float64(s.Width))
		w.fa.Preferences().SetFloat(prefHeight, float64(s.Height))
	}
}

// lastSection returns the section shown when the app was last used.
func lastSection(p fyne.Preferences) string {
	return p.StringWithFallback(prefLastSection, sectionArticles)
}

// recentArchives returns the archives opened most recently, newest first.
func recentArchives(p fyne.Preferences) []string {
	return p.StringList(prefRecent)
}

// rememberRecent puts path first in the recent archives.
func rememberRecent(p fyne.Preferences, path string) {
	list := slices.DeleteFunc(recentArchives(p), func(s string) bool { return s == path })
	list = append([]string{path}, list...)
	p.SetStringList(prefRecent, list[:min(len(list), maxRecent)])
}

// Preference keys of the settings (settings.go).
const (
	prefThemeMode = "view.theme"    // themeSystem, themeLight or themeDark
	prefTextSize  = "view.textsize" // percent of Fyne's text size
)

// themeMode returns the theme mode chosen (themeSystem when none or an
// unknown one is stored).
func themeMode(p fyne.Preferences) string {
	switch m := p.StringWithFallback(prefThemeMode, themeSystem); m {
	case themeLight, themeDark:
		return m
	}
	return themeSystem
}

// textSize returns the text size chosen, in percent, within the settings'
// range.
func textSize(p fyne.Preferences) int {
	return min(max(p.IntWithFallback(prefTextSize, 100), minTextSize), maxTextSize)
}
