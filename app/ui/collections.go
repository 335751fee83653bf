package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// CollectionsView browses the collections: their names on the left, the
// chosen one's articles on the right, each removable; a collection can be
// renamed or deleted.
type CollectionsView struct {
	w       *Window
	names   *widgets.KeyList
	all     []store.Collection
	cur     workbench.CollectionView
	header  *widget.Label
	members *widgets.KeyList
	rename  *widgets.Button
	del     *widgets.Button
	root    fyne.CanvasObject
}

func newCollectionsView(w *Window) *CollectionsView {
	v := &CollectionsView{w: w, header: widget.NewLabel("Choose a collection.")}
	v.header.Wrapping = fyne.TextWrapWord
	v.names = widgets.NewKeyList(func() int { return len(v.all) },
		func() fyne.CanvasObject { return widget.NewLabel("collection name") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("%s (%d)", v.all[id].Name, v.all[id].Articles))
		})
	v.names.OnSelected = func(id widget.ListItemID) { v.open(v.all[id].Name) }
	v.members = widgets.NewKeyList(func() int { return len(v.cur.Articles) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			rm := widgets.NewIconButton(theme.DeleteIcon(), "Remove from the collection", nil)
			rm.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, rm, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			m := v.cur.Articles[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(joinNonEmpty("  ·  ", m.Title, m.Source, displayDate(m.Published, "")))
			box.Objects[1].(*widgets.IconButton).OnTapped = func() { v.remove(m.ID) }
		})
	v.members.OnSelected = func(id widget.ListItemID) {
		v.members.UnselectAll()
		v.w.openArticle(v.cur.Articles[id].ID)
	}
	v.rename = widgets.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), v.askRename)
	v.del = widgets.NewButtonWithIcon("Delete", theme.DeleteIcon(), v.askDelete)
	v.rename.Disable()
	v.del.Disable()
	right := container.NewBorder(container.NewVBox(v.header, container.NewHBox(v.rename, v.del)), nil, nil, nil, v.members)
	split := container.NewHSplit(v.names, right)
	split.Offset = 0.3
	v.root = split
	return v
}

func (v *CollectionsView) content() fyne.CanvasObject {
	v.reload("")
	return v.root
}

// reload lists the collections again and opens the one named (if any).
func (v *CollectionsView) reload(open string) {
	ctx, a := v.w.ctx, v.w.app
	v.w.run(func() {
		cs, err := a.Workbench.Collections(ctx)
		v.w.do(func() {
			if err != nil {
				v.w.showError(err)
				return
			}
			v.all = cs
			v.names.Refresh()
			if open != "" {
				v.open(open)
			}
		})
	})
}

// open shows a collection's articles.
func (v *CollectionsView) open(name string) {
	ctx, a := v.w.ctx, v.w.app
	v.w.run(func() {
		c, err := a.Workbench.Collection(ctx, name)
		v.w.do(func() {
			if err != nil {
				v.w.showError(err)
				return
			}
			v.cur = c
			text := fmt.Sprintf("%s: %d articles", c.Name, len(c.Articles))
			if c.Description != "" {
				text += "\n" + c.Description
			}
			if c.SearchQuery != "" {
				text += fmt.Sprintf("\nMade from the search “%s” on %s", c.SearchQuery, c.SearchAt.Format("2 January 2006"))
			}
			v.header.SetText(text)
			v.rename.Enable()
			v.del.Enable()
			v.members.Refresh()
		})
	})
}

func (v *CollectionsView) remove(id int64) {
	name, ctx, a := v.cur.Name, v.w.ctx, v.w.app
	v.w.run(func() {
		_, err := a.Workbench.RemoveFromCollection(ctx, name, id)
		v.w.do(func() {
			if err != nil {
				v.w.showError(err)
				return
			}
			v.reload(name)
		})
	})
}

func (v *CollectionsView) askRename() {
	e := widgets.NewEntry()
	e.SetText(v.cur.Name)
	old := v.cur.Name
	dialog.ShowCustomConfirm("Rename the collection", "Rename", "Cancel", e, func(ok bool) {
		if !ok {
			return
		}
		name, ctx, a := e.Text, v.w.ctx, v.w.app
		v.w.run(func() {
			err := a.Workbench.RenameCollection(ctx, old, name)
			v.w.do(func() {
				if err != nil {
					v.w.showError(err)
					return
				}
				v.reload(name)
			})
		})
	}, v.w.win)
}

func (v *CollectionsView) askDelete() {
	name := v.cur.Name
	dialog.ShowConfirm("Delete the collection", fmt.Sprintf("Delete %q? Its articles stay in the archive.", name), func(ok bool) {
		if !ok {
			return
		}
		ctx, a := v.w.ctx, v.w.app
		v.w.run(func() {
			err := a.Workbench.DeleteCollection(ctx, name)
			v.w.do(func() {
				if err != nil {
					v.w.showError(err)
					return
				}
				v.cur = workbench.CollectionView{}
				v.header.SetText("Choose a collection.")
				v.rename.Disable()
				v.del.Disable()
				v.members.Refresh()
				v.reload("")
				v.w.countsChanged()
			})
		})
	}, v.w.win)
}
