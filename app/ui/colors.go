package ui

import (
	"image/color"

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

// typeColor returns an entity type's colour.
func typeColor(typ string) color.NRGBA {
	if c, ok := typeColors[typ]; ok {
		return c
	}
	return otherColor
}

// withAlpha returns c with the given opacity.
func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}

// typeLabel is how an entity type is named to people.
func typeLabel(typ string) string {
	switch typ {
	case store.TypePerson:
		return "Person"
	case store.TypeOrg:
		return "Organisation"
	case store.TypePlace:
		return "Place"
	}
	return "Other"
}

// entityTypes are the types a person can give an entity, in menu order.
var entityTypes = []string{store.TypePerson, store.TypeOrg, store.TypePlace}

// typeByLabel is the inverse of typeLabel over entityTypes.
func typeByLabel(label string) string {
	for _, t := range entityTypes {
		if typeLabel(t) == label {
			return t
		}
	}
	return ""
}

// typeLabels returns the labels of entityTypes.
func typeLabels() []string {
	out := make([]string, len(entityTypes))
	for i, t := range entityTypes {
		out[i] = typeLabel(t)
	}
	return out
}
