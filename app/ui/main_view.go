package ui

import (
	"context"
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/store"
)

// MainView is the main window's content: the article list and the reader.
type MainView struct {
	app    *app.App
	win    fyne.Window
	list   *widget.List
	reader *Reader
	status *widget.Label
	items  []store.ArticleListing
}

// NewMainView builds the main view over an open archive.
func NewMainView(a *app.App, w fyne.Window) *MainView {
	v := &MainView{app: a, win: w, reader: NewReader(), status: widget.NewLabel("")}
	v.list = &widget.List{
		Length:     func() int { return len(v.items) },
		CreateItem: func() fyne.CanvasObject { return widget.NewLabel("") },
		UpdateItem: v.updateItem,
		OnSelected: v.onSelected,
	}
	v.list.ExtendBaseWidget(v.list)
	go v.load()
	return v
}

// Content returns the view's root object.
func (v *MainView) Content() fyne.CanvasObject {
	split := container.NewHSplit(v.list, v.reader.Content())
	split.Offset = 0.35
	return container.NewBorder(nil, v.status, nil, nil, split)
}

func (v *MainView) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id < len(v.items) {
		it := v.items[id]
		o.(*widget.Label).SetText(it.Title)
	}
}

func (v *MainView) onSelected(id widget.ListItemID) {
	if id >= len(v.items) {
		return
	}
	artID := v.items[id].ID
	go func() {
		art, err := v.app.Store.Article(context.Background(), artID)
		fyne.Do(func() {
			if err != nil {
				v.status.SetText(err.Error())
				return
			}
			v.reader.Show(art)
		})
	}()
}

// load reads the article list off the UI goroutine.
func (v *MainView) load() {
	ctx := context.Background()
	items, err := v.app.Store.Articles(ctx, store.SortDate, 0, 0)
	fyne.Do(func() {
		if err != nil {
			log.Print(err)
			v.status.SetText(err.Error())
			return
		}
		v.items = items
		v.status.SetText(fmt.Sprintf("%d articles", len(items)))
		v.list.Refresh()
	})
}
