package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// NoteEditor edits the note on the article shown.
type NoteEditor struct {
	w     archiveHost
	id    int64
	saved string
	entry *widgets.Entry
	state *widget.Label
	save  *widgets.Button
}

func newNoteEditor(w archiveHost) *NoteEditor {
	n := &NoteEditor{w: w, state: widget.NewLabel("")}
	n.entry = widgets.NewMultiLineEntry()
	n.entry.SetPlaceHolder("Your note on this article…")
	n.entry.Wrapping = fyne.TextWrapWord
	n.entry.SetMinRowsVisible(3)
	n.entry.OnChanged = n.onChanged
	n.save = widgets.NewButtonWithIcon("Save note", theme.DocumentSaveIcon(), n.store)
	n.save.Disable()
	n.state.Importance = widget.LowImportance
	return n
}

func (n *NoteEditor) content() fyne.CanvasObject {
	return container.NewVBox(widget.NewLabelWithStyle("Note", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		n.entry, container.NewHBox(n.save, n.state))
}

// setArticle shows an article's note.
func (n *NoteEditor) setArticle(id int64, text string) {
	n.id, n.saved = id, text
	n.entry.SetText(text)
	n.state.SetText("")
	n.save.Disable()
}

func (n *NoteEditor) onChanged(text string) {
	if text == n.saved {
		n.save.Disable()
		return
	}
	n.save.Enable()
	n.state.SetText("not saved")
}

// store saves the note.
func (n *NoteEditor) store() {
	id, text, ctx := n.id, n.entry.Text, n.w.archiveContext()
	n.w.run(func() {
		err := n.w.archive().Annotate.SetNote(ctx, id, text)
		n.w.do(func() {
			if err != nil {
				n.w.showError(err)
				return
			}
			if id == n.id {
				n.saved = text
				n.save.Disable()
				n.state.SetText("saved")
			}
		})
	})
}
