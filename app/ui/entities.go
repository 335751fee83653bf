package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/newsarchive/newsarchive/store"
)

// EntityList is the People, Organisations or Places section: the entities
// of one type, most mentioned first, loaded a page at a time.
type EntityList struct {
	w    viewHost
	typ  string
	list *pagedList[store.Entity]
}

func newEntityList(w viewHost, typ string) *EntityList {
	v := &EntityList{w: w, typ: typ}
	v.list = newPagedList[store.Entity](w, createEntityRow)
	v.list.fetch = func(ctx context.Context, limit, offset int) ([]store.Entity, error) {
		return w.archive().Tagging.Entities(ctx, typ, limit, offset)
	}
	v.list.fill = fillEntityRow
	v.list.blank = func(o fyne.CanvasObject) { setCountRow(o.(*fyne.Container).Objects[1], "…", 0) }
	v.list.open = func(e store.Entity) { w.showEntity(e.ID) }
	v.list.reset()
	w.focusKeys(v.list)
	return v
}

func createEntityRow() fyne.CanvasObject {
	return container.NewBorder(nil, nil, newTypeDot(""), nil, countRow())
}

func fillEntityRow(e store.Entity, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	name := e.Name
	if len(e.Aliases) > 0 {
		name = fmt.Sprintf("%s  (%d aliases)", e.Name, len(e.Aliases))
	}
	setCountRow(c.Objects[0], name, e.Articles)
	c.Objects[1].(*typeDot).setType(e.Type)
}

func (v *EntityList) content() fyne.CanvasObject {
	titles := map[string]string{store.TypePerson: "People", store.TypeOrg: "Organisations", store.TypePlace: "Places"}
	return container.NewBorder(heading(titles[v.typ]), nil, nil, nil, v.list.list)
}
