package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func sameColor(a, b color.Color) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}

// TestThemeSwitching sets each theme mode and text size as the View menu
// and the settings do, and checks the app's theme draws with them at once
// (the variant the system reports is overridden, or followed for System),
// that text sizes stay in range, and that a new window starts with the
// choices saved.
func TestThemeSwitching(t *testing.T) {
	w, _ := openWindow(t)
	def := theme.DefaultTheme() // the test app's theme has one variant
	w.fa.Settings().SetTheme(def)
	useArchiveTheme(w.fa)
	bg := func(v fyne.ThemeVariant) color.Color {
		return w.fa.Settings().Theme().Color(theme.ColorNameBackground, v)
	}
	tests := []struct {
		mode            string
		onLight, onDark fyne.ThemeVariant // the variant drawn when the system is light, dark
	}{
		{themeDark, theme.VariantDark, theme.VariantDark},
		{themeLight, theme.VariantLight, theme.VariantLight},
		{themeSystem, theme.VariantLight, theme.VariantDark},
	}
	for _, tt := range tests {
		w.setThemeMode(tt.mode)
		if got := themeMode(w.fa.Preferences()); got != tt.mode {
			t.Errorf("saved mode %q, want %q", got, tt.mode)
		}
		if !sameColor(bg(theme.VariantLight), def.Color(theme.ColorNameBackground, tt.onLight)) ||
			!sameColor(bg(theme.VariantDark), def.Color(theme.ColorNameBackground, tt.onDark)) {
			t.Errorf("mode %s: background %v on a light system, %v on a dark one", tt.mode, bg(theme.VariantLight), bg(theme.VariantDark))
		}
	}

	label := widget.NewLabel("Organisations")
	before := label.MinSize()
	for _, tt := range []struct{ set, want int }{{130, 130}, {200, 150}, {10, 90}, {100, 100}} {
		w.setTextSize(tt.set)
		if got := textSize(w.fa.Preferences()); got != tt.want {
			t.Errorf("setTextSize(%d) saved %d, want %d", tt.set, got, tt.want)
		}
		got := w.fa.Settings().Theme().Size(theme.SizeNameText)
		if want := def.Size(theme.SizeNameText) * float32(tt.want) / 100; got < want-0.01 || got > want+0.01 {
			t.Errorf("text size %d%%: theme text size %v, want %v", tt.want, got, want)
		}
	}
	w.stepTextSize(2)
	label.Refresh()
	if got := textSize(w.fa.Preferences()); got != 120 {
		t.Errorf("two steps up from 100%% gave %d%%", got)
	}
	if after := label.MinSize(); after.Width <= before.Width || after.Height <= before.Height {
		t.Errorf("at 120%% a label is %v, at 100%% %v: the text did not grow", after, before)
	}

	w.setThemeMode(themeDark)
	w.fa.Settings().SetTheme(theme.DefaultTheme()) // as a fresh start would have it
	w2 := newWindow(w.fa, w.app, w.path, w.opt)
	defer w2.win.Close()
	at, ok := w.fa.Settings().Theme().(archiveTheme)
	if !ok || at.mode != themeDark || at.scale != 1.2 {
		t.Errorf("a new window's theme is %+v, want dark at 120%%", w.fa.Settings().Theme())
	}
}

// TestSettingsDialog changes the theme and the text size in the settings
// dialog and checks both apply at once.
func TestSettingsDialog(t *testing.T) {
	w, _ := openWindow(t)
	w.showSettings()
	top := w.Canvas().Overlays().Top()
	radio, ok := find(top, func(*widget.RadioGroup) bool { return true })
	if !ok {
		t.Fatal("no theme choice in the settings")
	}
	slider, ok := find(top, func(*widget.Slider) bool { return true })
	if !ok {
		t.Fatal("no text size in the settings")
	}
	radio.SetSelected("Dark")
	slider.SetValue(140)
	at, _ := w.fa.Settings().Theme().(archiveTheme)
	if at.mode != themeDark || at.scale != 1.4 {
		t.Errorf("after choosing Dark at 140%% the theme is %+v", w.fa.Settings().Theme())
	}
}
