// Command screenshots renders each main view of News Archive to a PNG with
// Fyne's software renderer (no display needed): by default over a new
// archive holding the BBC corpus, in the light and the dark theme.
//
//	go run ./cmd/screenshots -corpus /work/shared/corpus/bbc -out screenshots
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/newsarchive/newsarchive/app/ui"
)

// variantTheme is the default theme held to one variant.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

func main() {
	db := flag.String("db", "", "archive to show (default: a new one in a temporary folder)")
	corpus := flag.String("corpus", "/work/shared/corpus/bbc", "folder to import first (\"\" for none)")
	out := flag.String("out", "screenshots", "folder for the PNG files")
	width := flag.Int("width", 1280, "window width")
	height := flag.Int("height", 800, "window height")
	flag.Parse()
	// Off the main goroutine, Fyne's test app applies a theme at once, not on
	// a goroutine of its own racing the views being drawn.
	done := make(chan error)
	go func() { done <- run(*db, *corpus, *out, fyne.NewSize(float32(*width), float32(*height))) }()
	if err := <-done; err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(db, corpus, out string, size fyne.Size) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "newsarchive-screenshots")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if db == "" {
		db = filepath.Join(tmp, "archive.db")
	}
	var imports []string
	if corpus != "" {
		imports = []string{corpus}
	}
	fa := test.NewApp()
	variants := []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}}
	for i, v := range variants {
		fa.Settings().SetTheme(variantTheme{Theme: theme.DefaultTheme(), variant: v.variant})
		if i > 0 {
			imports = nil // already imported
		}
		save := func(name string, img image.Image) error {
			p := filepath.Join(out, name+"-"+v.name+".png")
			f, err := os.Create(p)
			if err != nil {
				return err
			}
			defer f.Close()
			fmt.Println(p)
			return png.Encode(f, img)
		}
		if err := ui.RenderViews(fa, db, imports, size, save); err != nil {
			return err
		}
	}
	empty := filepath.Join(tmp, "empty.db")
	return ui.RenderViews(fa, empty, nil, size, func(name string, img image.Image) error {
		f, err := os.Create(filepath.Join(out, name+".png"))
		if err != nil {
			return err
		}
		defer f.Close()
		return png.Encode(f, img)
	})
}
