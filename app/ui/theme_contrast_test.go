package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2/theme"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// TestMentionContrast measures the mention colours the app's theme gives
// in the light and the dark mode: each type's text has a contrast of at
// least 4.5:1 with the reader's background and with the hover tint over
// it, and the types keep colours of their own.
func TestMentionContrast(t *testing.T) {
	types := []string{store.TypePerson, store.TypeOrg, store.TypePlace, "MISC"}
	for _, mode := range []string{themeLight, themeDark} {
		th := archiveTheme{Theme: theme.DefaultTheme(), mode: mode, scale: 1}
		bg := th.Color(theme.ColorNameBackground, theme.VariantDark)
		seen := map[color.Color]string{}
		for _, typ := range types {
			c := th.Color(widgets.EntityColorName(typ), theme.VariantDark)
			tint := widgets.Over(widgets.WithAlpha(widgets.TypeColor(typ), widgets.HoverAlpha), bg)
			if got := widgets.Contrast(c, bg); got < widgets.MinTextContrast {
				t.Errorf("%s theme: %s mentions %v on %v have contrast %.2f", mode, typ, c, bg, got)
			}
			if got := widgets.Contrast(c, tint); got < widgets.MinTextContrast {
				t.Errorf("%s theme: hovered %s mentions have contrast %.2f", mode, typ, got)
			}
			if other, dup := seen[c]; dup {
				t.Errorf("%s theme: %s and %s share the colour %v", mode, typ, other, c)
			}
			seen[c] = typ
			t.Logf("%s theme: %-6s %v contrast %.2f (hovered %.2f)", mode, typ, c, widgets.Contrast(c, bg), widgets.Contrast(c, tint))
		}
	}
}
