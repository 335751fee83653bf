package ui

import (
	"log"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/newsarchive/newsarchive/assets"
)

// archiveIcons are the embedded icons (assets/icons) that Fyne's theme
// lacks, as theme-coloured resources, made on first use.
var archiveIcons = struct {
	once sync.Once
	res  map[string]fyne.Resource
}{}

// archiveIcon returns the embedded icon assets/icons/name.svg, coloured by
// the theme like Fyne's own icons.
func archiveIcon(name string) fyne.Resource {
	archiveIcons.once.Do(func() {
		archiveIcons.res = map[string]fyne.Resource{}
		entries, err := assets.Icons.ReadDir("icons")
		if err != nil {
			log.Printf("icons: %v", err)
			return
		}
		for _, e := range entries {
			data, err := assets.Icons.ReadFile("icons/" + e.Name())
			if err != nil {
				log.Printf("icons: %v", err)
				continue
			}
			archiveIcons.res[e.Name()] = theme.NewThemedResource(fyne.NewStaticResource(e.Name(), data))
		}
	})
	if r, ok := archiveIcons.res[name+".svg"]; ok {
		return r
	}
	return theme.QuestionIcon()
}

// assetIcon returns a func giving the embedded icon name, for a table
// built before Fyne runs.
func assetIcon(name string) func() fyne.Resource {
	return func() fyne.Resource { return archiveIcon(name) }
}
