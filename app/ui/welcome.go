package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// Welcome is shown on an empty archive: it offers the sample article and a
// folder import.
type Welcome struct {
	w      welcomeHost
	sample *widgets.Button
	folder *widgets.Button
}

func newWelcome(w welcomeHost) *Welcome {
	v := &Welcome{w: w}
	v.sample = widgets.NewButtonWithIcon("Import sample article", theme.DocumentIcon(), w.importSample)
	v.sample.Importance = widget.HighImportance
	v.folder = widgets.NewButtonWithIcon("Import a folder…", theme.FolderOpenIcon(), w.chooseImportFolder)
	return v
}

func (v *Welcome) content() fyne.CanvasObject {
	title := widget.NewRichText(&widget.TextSegment{Text: "Your archive is empty", Style: widget.RichTextStyleHeading})
	text := widget.NewLabel("Import news articles saved as text files to read them here, find the people, " +
		"organisations and places they mention, and search them.\nYou can also drop files or folders on this window.")
	text.Wrapping = fyne.TextWrapWord
	text.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(container.NewCenter(title), text,
		container.NewCenter(container.NewHBox(v.sample, v.folder)),
		container.NewCenter(widget.NewLabel(v.w.shownPath())))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(560, box.MinSize().Height), box))
}
