package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// HighlightsView lists the highlights across the archive, filtered by
// colour, tag, source, date and entity; a highlight opens its article.
type HighlightsView struct {
	w                *Window
	color            *widgets.Select
	tag, source      *widgets.Entry
	from, to, entity *widgets.Entry
	count            *widget.Label
	list             *widgets.KeyList
	rows             []store.HighlightRow
	root             fyne.CanvasObject
}

const anyColor = "any colour"

func newHighlightsView(w *Window) *HighlightsView {
	v := &HighlightsView{w: w, count: widget.NewLabel("")}
	opts := []string{anyColor}
	for _, c := range workbench.Colors {
		opts = append(opts, colorLabel(c))
	}
	v.color = widgets.NewSelect(opts, nil)
	v.color.SetSelectedIndex(0)
	v.color.OnChanged = func(string) { v.reload() }
	entry := func(hint string) *widgets.Entry {
		e := widgets.NewEntry()
		e.SetPlaceHolder(hint)
		e.OnSubmitted = func(string) { v.reload() }
		return e
	}
	v.tag, v.source, v.entity = entry("Tag"), entry("Source"), entry("Entity")
	v.from, v.to = entry("From (YYYY-MM-DD)"), entry("To")
	v.list = widgets.NewKeyList(func() int { return len(v.rows) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			quote := widget.NewLabel("")
			quote.Truncation = fyne.TextTruncateEllipsis
			more := widget.NewLabel("")
			more.Truncation = fyne.TextTruncateEllipsis
			more.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, container.NewStack(), nil, container.NewVBox(title, quote, more))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			h := v.rows[id]
			box := o.(*fyne.Container)
			box.Objects[1].(*fyne.Container).Objects = []fyne.CanvasObject{colorSwatch(h.Color)}
			lines := box.Objects[0].(*fyne.Container).Objects
			lines[0].(*widget.Label).SetText(joinNonEmpty("  ·  ", h.Title, h.Source, displayDate(h.Published, "")))
			q := "“" + h.Quote + "”"
			if h.Orphaned {
				q = "(orphaned) " + q
			}
			lines[1].(*widget.Label).SetText(q)
			tags, by := "", ""
			if len(h.Tags) > 0 {
				tags = "#" + strings.Join(h.Tags, " #")
			}
			if h.Author != "" {
				by = "by " + h.Author
			}
			lines[2].(*widget.Label).SetText(joinNonEmpty("  ·  ", h.Note, tags, by))
		})
	v.list.OnSelected = func(id widget.ListItemID) {
		v.list.UnselectAll()
		v.w.openArticle(v.rows[id].ArticleID)
	}
	filters := container.NewGridWithColumns(6, v.color, v.tag, v.source, v.from, v.to, v.entity)
	v.root = container.NewBorder(container.NewVBox(filters, v.count), nil, nil, nil, v.list)
	return v
}

func (v *HighlightsView) filter() workbench.Filter {
	f := workbench.Filter{Tag: v.tag.Text, Source: v.source.Text, From: v.from.Text, To: v.to.Text, Entity: v.entity.Text}
	if i := v.color.SelectedIndex(); i > 0 {
		f.Color = workbench.Colors[i-1].Name
	}
	return f
}

// reload runs the filter again.
func (v *HighlightsView) reload() {
	f, ctx, a := v.filter(), v.w.ctx, v.w.app
	v.w.run(func() {
		rows, err := a.Workbench.Highlights(ctx, f)
		v.w.do(func() {
			if err != nil {
				v.count.SetText(errorText(err))
				return
			}
			v.rows = rows
			v.count.SetText(fmt.Sprintf("%d highlights", len(rows)))
			v.list.Refresh()
		})
	})
}

func (v *HighlightsView) content() fyne.CanvasObject {
	v.reload()
	return v.root
}
