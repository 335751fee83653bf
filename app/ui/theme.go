package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// archiveTheme adds the entity type colours to a theme; everything else,
// including the system's light or dark variant, is the wrapped theme's.
type archiveTheme struct {
	fyne.Theme
}

// Color returns an entity type's colour (darker on light backgrounds) or
// the wrapped theme's colour.
func (t archiveTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if typ, ok := strings.CutPrefix(string(n), widgets.EntityColorPrefix); ok {
		return mentionColor(typ, v)
	}
	return t.Theme.Color(n, v)
}

// mentionColor is the text colour of an entity type for a theme variant.
func mentionColor(typ string, v fyne.ThemeVariant) color.NRGBA {
	c := widgets.TypeColor(typ)
	if v == theme.VariantLight {
		c.R, c.G, c.B = c.R*2/3, c.G*2/3, c.B*2/3
	}
	return c
}

// useArchiveTheme wraps the app's theme so entity colours are known.
func useArchiveTheme(fa fyne.App) {
	cur := fa.Settings().Theme()
	if _, ok := cur.(archiveTheme); ok {
		return
	}
	fa.Settings().SetTheme(archiveTheme{Theme: cur})
}
