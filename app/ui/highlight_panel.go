package ui

import (
	"fmt"
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// HighlightPanel is the reader's part of the workbench: the article's
// highlights, the text to select a passage in and mark it with a colour,
// a note and tags, and the article's collections.
type HighlightPanel struct {
	w    workbenchHost
	id   int64
	body string // the part of the body shown
	base int    // where it starts in the whole body

	list   *fyne.Container // the article's highlights
	text   *widgets.Entry  // the body, to select a passage in (edits are undone)
	color  *widgets.Select
	note   *widgets.Entry
	tags   *widgets.Entry
	mark   *widgets.Button
	state  *widget.Label
	picker *fyne.Container // text, colour, note, tags and the button; shown on demand
	toggle *widgets.Button
	shown  []store.HighlightRow
}

func newHighlightPanel(w workbenchHost) *HighlightPanel {
	p := &HighlightPanel{w: w, list: container.NewVBox(), state: widget.NewLabel("")}
	p.text = widgets.NewMultiLineEntry()
	p.text.Wrapping = fyne.TextWrapWord
	p.text.SetMinRowsVisible(8)
	p.text.OnChanged = func(s string) {
		if s != p.body {
			p.text.SetText(p.body) // the text is for selecting, not editing
		}
	}
	var labels []string
	for _, c := range workbench.Colors {
		labels = append(labels, colorLabel(c))
	}
	p.color = widgets.NewSelect(labels, nil)
	p.color.SetSelectedIndex(0)
	p.note = widgets.NewMultiLineEntry()
	p.note.SetPlaceHolder("A note on the passage…")
	p.note.SetMinRowsVisible(2)
	p.tags = widgets.NewEntry()
	p.tags.SetPlaceHolder("Tags, separated by commas")
	p.mark = widgets.NewButtonWithIcon("Highlight the selection", theme.ColorPaletteIcon(), p.highlight)
	p.mark.Importance = widget.HighImportance
	p.state.Importance = widget.LowImportance
	p.picker = container.NewVBox(
		widget.NewLabel("Select a passage below, then pick a colour and highlight it."),
		p.text, container.NewBorder(nil, nil, widget.NewLabel("Colour"), nil, p.color),
		p.note, p.tags, container.NewHBox(p.mark, p.state))
	p.picker.Hide()
	p.toggle = widgets.NewButtonWithIcon("Highlight…", theme.ColorPaletteIcon(), func() {
		if p.picker.Visible() {
			p.picker.Hide()
		} else {
			p.picker.Show()
		}
	})
	return p
}

func colorLabel(c workbench.Color) string { return c.Name + " — " + c.Label }

func (p *HighlightPanel) content() fyne.CanvasObject {
	add := widgets.NewButtonWithIcon("Add to collection…", theme.FolderNewIcon(), func() {
		if p.id != 0 {
			p.w.addToCollection([]int64{p.id})
		}
	})
	return container.NewVBox(
		container.NewHBox(widget.NewLabelWithStyle("Highlights", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			p.toggle, add),
		p.list, p.picker)
}

// setArticle shows an article's highlights; setText gives it the text.
func (p *HighlightPanel) setArticle(id int64) {
	p.id = id
	p.note.SetText("")
	p.tags.SetText("")
	p.state.SetText("")
	p.picker.Hide()
	p.reload()
}

// setText shows the part of the body the reader shows, which starts at
// byte base of the whole body, to select passages in.
func (p *HighlightPanel) setText(part string, base int) {
	p.body, p.base = part, base
	p.text.SetText(part)
}

// reload reads the article's highlights again.
func (p *HighlightPanel) reload() {
	id, ctx, a := p.id, p.w.archiveContext(), p.w.archive()
	p.w.run(func() {
		hs, err := a.Workbench.ArticleHighlights(ctx, id)
		p.w.do(func() {
			if err != nil {
				p.w.showError(err)
				return
			}
			if id == p.id {
				p.showList(hs)
			}
		})
	})
}

func (p *HighlightPanel) showList(hs []store.HighlightRow) {
	p.shown = hs
	p.list.Objects = nil
	if len(hs) == 0 {
		none := widget.NewLabel("None yet.")
		none.Importance = widget.LowImportance
		p.list.Add(none)
	}
	for _, h := range hs {
		h := h
		rm := widgets.NewIconButton(theme.DeleteIcon(), "Delete the highlight", func() { p.remove(h.ID) })
		rm.Importance = widget.LowImportance
		p.list.Add(container.NewBorder(nil, nil, colorSwatch(h.Color), rm, highlightLabel(h)))
	}
	p.list.Refresh()
}

// selection returns the passage selected in the text and the byte offset
// it starts at (-1 when unknown).
func (p *HighlightPanel) selection() (string, int) {
	sel := p.text.SelectedText()
	if sel == "" {
		return "", -1
	}
	runes := p.text.CursorTextOffset()
	at := len(string([]rune(p.body)[:min(runes, utf8.RuneCountInString(p.body))]))
	switch {
	case at >= len(sel) && p.body[at-len(sel):at] == sel:
		return sel, p.base + at - len(sel)
	case at+len(sel) <= len(p.body) && p.body[at:at+len(sel)] == sel:
		return sel, p.base + at
	}
	return sel, -1
}

// highlight marks the selected passage.
func (p *HighlightPanel) highlight() {
	quote, near := p.selection()
	if strings.TrimSpace(quote) == "" {
		p.state.SetText("select a passage first")
		return
	}
	c := workbench.Colors[max(p.color.SelectedIndex(), 0)]
	var tags []string
	for _, t := range strings.Split(p.tags.Text, ",") {
		if strings.TrimSpace(t) != "" {
			tags = append(tags, t)
		}
	}
	n := workbench.NewHighlight{ArticleID: p.id, Quote: quote, Near: near, Color: c.Name, Note: p.note.Text, Tags: tags}
	ctx, a := p.w.archiveContext(), p.w.archive()
	p.w.run(func() {
		_, err := a.Workbench.AddHighlight(ctx, n)
		p.w.do(func() {
			if err != nil {
				p.w.showError(err)
				return
			}
			p.note.SetText("")
			p.tags.SetText("")
			p.state.SetText("highlighted")
			p.reload()
			p.w.countsChanged()
		})
	})
}

func (p *HighlightPanel) remove(hid int64) {
	ctx, a := p.w.archiveContext(), p.w.archive()
	p.w.run(func() {
		err := a.Workbench.RemoveHighlight(ctx, hid)
		p.w.do(func() {
			if err != nil {
				p.w.showError(err)
				return
			}
			p.reload()
			p.w.countsChanged()
		})
	})
}

// colorSwatch is a small square of a highlight colour.
func colorSwatch(name string) fyne.CanvasObject {
	c, _ := workbench.ColorByName(name)
	r := canvas.NewRectangle(color.NRGBA{uint8(c.RGB >> 16), uint8(c.RGB >> 8), uint8(c.RGB), 0xff})
	r.CornerRadius = 3
	r.SetMinSize(fyne.NewSize(14, 14))
	return container.NewCenter(r)
}

// highlightLabel is a highlight's quote with its note, tags and author.
func highlightLabel(h store.HighlightRow) fyne.CanvasObject {
	text := "“" + strings.Join(strings.Fields(h.Quote), " ") + "”"
	if h.Orphaned {
		text += "  (orphaned: no longer found in the article's text)"
	}
	var more []string
	if h.Note != "" {
		more = append(more, h.Note)
	}
	if len(h.Tags) > 0 {
		more = append(more, "#"+strings.Join(h.Tags, " #"))
	}
	if h.Author != "" {
		more = append(more, "by "+h.Author)
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	if len(more) == 0 {
		return l
	}
	m := widget.NewLabel(strings.Join(more, "  ·  "))
	m.Wrapping = fyne.TextWrapWord
	m.Importance = widget.LowImportance
	return container.NewVBox(l, m)
}

// addToCollection asks which collection (or a new one) to add articles to.
func (w *Window) addToCollection(ids []int64) {
	ctx, a := w.ctx, w.app
	w.run(func() {
		cs, err := a.Workbench.Collections(ctx)
		w.do(func() {
			if err != nil {
				w.showError(err)
				return
			}
			var names []string
			for _, c := range cs {
				names = append(names, c.Name)
			}
			pick := widgets.NewSelectEntry(names)
			pick.SetPlaceHolder("A collection, or a new name")
			if len(names) > 0 {
				pick.SetText(names[0])
			}
			what := fmt.Sprintf("Add %d articles to", len(ids))
			if len(ids) == 1 {
				what = "Add the article to"
			}
			dialog.ShowCustomConfirm(what, "Add", "Cancel", pick, func(ok bool) {
				if ok && strings.TrimSpace(pick.Text) != "" {
					w.addToNamedCollection(pick.Text, ids)
				}
			}, w.win)
		})
	})
}

// addToNamedCollection adds articles to a collection, making it when
// there is none of that name.
func (w *Window) addToNamedCollection(name string, ids []int64) {
	ctx, a := w.ctx, w.app
	w.run(func() {
		if _, err := a.Workbench.Collection(ctx, name); err != nil {
			_, err = a.Workbench.CreateCollection(ctx, workbench.NewCollection{Name: name})
			if err != nil {
				w.do(func() { w.showError(err) })
				return
			}
		}
		n, err := a.Workbench.AddToCollection(ctx, name, ids...)
		w.do(func() {
			if err != nil {
				w.showError(err)
				return
			}
			w.setStatus(fmt.Sprintf("added %d articles to %q", n, name))
			w.countsChanged()
		})
	})
}
