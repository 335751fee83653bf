// Package widgets holds the GUI's custom Fyne widgets: FlowText (word-wrapped
// paragraphs with tappable entity mentions), FitText (rich text cut to one
// line), ChartView (coverage bars), KeyList (a list Enter opens and Esc
// leaves), IconButton (an icon button with a tooltip), Entry, SelectEntry,
// Button, Select and Check (which let go of Esc and F1, so the window gets
// them), and the entity type colours they draw with, made readable on a
// theme's background (contrast.go).
package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"github.com/newsarchive/newsarchive/store"
)

// typeColors are the entity type colours: readable as a translucent
// background under both the light and the dark theme's text colour.
var typeColors = map[string]color.NRGBA{
	store.TypePerson: {R: 0x3b, G: 0x82, B: 0xf6, A: 0xff}, // blue
	store.TypeOrg:    {R: 0xf5, G: 0x9e, B: 0x0b, A: 0xff}, // amber
	store.TypePlace:  {R: 0x10, G: 0xb9, B: 0x81, A: 0xff}, // green
}

// otherColor is the colour of any other entity type.
var otherColor = color.NRGBA{R: 0xa8, G: 0x55, B: 0xf7, A: 0xff}

// TypeColor returns an entity type's colour.
func TypeColor(typ string) color.NRGBA {
	if c, ok := typeColors[typ]; ok {
		return c
	}
	return otherColor
}

// HoverAlpha is the opacity of the type colour under a hovered mention.
const HoverAlpha = 0x38

// WithAlpha returns c with the given opacity.
func WithAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}

// EntityColorPrefix starts the theme colour names of entity types:
// "entity.PERSON" and so on.
const EntityColorPrefix = "entity."

// EntityColorName names the text colour of an entity type's mentions.
func EntityColorName(typ string) fyne.ThemeColorName {
	return fyne.ThemeColorName(EntityColorPrefix + typ)
}
