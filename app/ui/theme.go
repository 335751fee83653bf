package ui

import (
	"image/color"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// Theme modes: follow the system's light or dark variant, or hold one.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// Text sizes, in percent of Fyne's: the settings' range and step.
const (
	minTextSize  = 90
	maxTextSize  = 150
	textSizeStep = 10
)

// archiveTheme adds the entity type colours to a theme, holds it to a
// light or dark variant when the person chose one (else the system's
// variant, as Fyne reports it, is used), and scales its text.
type archiveTheme struct {
	fyne.Theme
	mode  string  // themeSystem, themeLight or themeDark
	scale float32 // text size, 1 for Fyne's
}

// Color returns an entity type's colour (darker on light backgrounds) or
// the wrapped theme's colour, in the chosen variant.
func (t archiveTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.mode {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	if typ, ok := strings.CutPrefix(string(n), widgets.EntityColorPrefix); ok {
		return mentionColor(typ, t.Theme.Color(theme.ColorNameBackground, v))
	}
	return t.Theme.Color(n, v)
}

// Size scales the text sizes (and the icons set in text) by the chosen
// text size.
func (t archiveTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		if t.scale > 0 {
			return s * t.scale
		}
	}
	return s
}

// mentionColor is the text colour of an entity type's mentions on the
// background bg: the type's colour, darkened (light themes) or lightened
// (dark ones) only as far as needed for a contrast of
// widgets.MinTextContrast with bg and with bg under the tint a hovered
// mention gets. Computed once per type and background.
func mentionColor(typ string, bg color.Color) color.NRGBA {
	key := mentionKey{typ, color.NRGBAModel.Convert(bg).(color.NRGBA)}
	if c, ok := mentionColors.Load(key); ok {
		return c.(color.NRGBA)
	}
	base := widgets.TypeColor(typ)
	c := widgets.Readable(base, widgets.MinTextContrast, bg, widgets.Over(widgets.WithAlpha(base, widgets.HoverAlpha), bg))
	mentionColors.Store(key, c)
	return c
}

type mentionKey struct {
	typ string
	bg  color.NRGBA
}

// mentionColors caches mentionColor: Color is asked on every redraw.
var mentionColors sync.Map

// useArchiveTheme wraps the app's theme so entity colours are known, in
// the theme mode and text size of the preferences.
func useArchiveTheme(fa fyne.App) {
	applyTheme(fa, themeMode(fa.Preferences()), textSize(fa.Preferences()))
}

// applyTheme sets the app's theme to mode and text size (percent), live:
// Fyne redraws every window.
func applyTheme(fa fyne.App, mode string, size int) {
	base := fa.Settings().Theme()
	next := archiveTheme{Theme: base, mode: mode, scale: float32(size) / 100}
	if at, ok := base.(archiveTheme); ok {
		if at.mode == next.mode && at.scale == next.scale {
			return // unchanged: setting it would redraw every window
		}
		next.Theme = at.Theme
	}
	fa.Settings().SetTheme(next)
}
