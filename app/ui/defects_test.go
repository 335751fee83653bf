package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/internal/apptest"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// visibleTexts returns the texts drawn under o, hidden objects skipped.
func visibleTexts(o fyne.CanvasObject) []string {
	if !o.Visible() {
		return nil
	}
	var out []string
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case *canvas.Text:
		return []string{c.Text}
	case *fyne.Container:
		children = c.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(c).Objects()
	}
	for _, ch := range children {
		out = append(out, visibleTexts(ch)...)
	}
	return out
}

// TestImportReportSaysSummaryOnce imports two files in the window and
// counts the summaries drawn on the job's card.
func TestImportReportSaysSummaryOnce(t *testing.T) {
	w, _ := openWindow(t)
	dir := t.TempDir()
	a := apptest.WriteFile(t, dir, "a.txt", []byte("Harbour storm closes port\n\nA storm closed the harbour for two days, officials said.\n"))
	b := apptest.WriteFile(t, dir, "b.txt", []byte("Bridge vote delayed\n\nThe council delayed its vote on the bridge, members said.\n"))
	w.startImport([]string{a, b}, nil)
	n := 0
	var all []string
	for _, s := range visibleTexts(w.jobs.box) {
		all = append(all, s)
		if strings.Contains(s, "Imported 2, duplicates 0, failed 0") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the summary is drawn %d times; want once. Texts: %q", n, all)
	}
}

// TestTagsRowHasOnePlus counts the "+" icons of the reader's tag editor.
func TestTagsRowHasOnePlus(t *testing.T) {
	w, _ := openWindow(t)
	e := newTagEditor(w)
	n := 0
	var count func(o fyne.CanvasObject)
	count = func(o fyne.CanvasObject) {
		switch c := o.(type) {
		case *widget.Icon:
			if c.Resource != nil && c.Resource.Name() == theme.ContentAddIcon().Name() {
				n++
			}
			return
		case *widget.Button:
			if c.Icon != nil && c.Icon.Name() == theme.ContentAddIcon().Name() {
				n++
			}
			return
		case *widgets.Button:
			if c.Icon != nil && c.Icon.Name() == theme.ContentAddIcon().Name() {
				n++
			}
			return
		case *fyne.Container:
			for _, ch := range c.Objects {
				count(ch)
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(c).Objects() {
				count(ch)
			}
		}
	}
	count(e.content())
	if n != 1 {
		t.Errorf("the tags row shows %d \"+\"; want one, the button that adds", n)
	}
}
