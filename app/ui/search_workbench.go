package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/app/workbench"
)

// The search view's part of the workbench: keep the search's results as a
// collection (the search recorded with it), or watch the search.

func (v *SearchView) workbenchButtons() fyne.CanvasObject {
	save := widgets.NewButtonWithIcon("Save as collection…", theme.FolderNewIcon(), func() {
		v.askName("Save the results as a collection", "Save", v.saveCollection)
	})
	watch := widgets.NewButtonWithIcon("Watch this search…", theme.VisibilityIcon(), func() {
		v.askName("Watch this search for new articles", "Watch", v.addWatch)
	})
	save.Importance, watch.Importance = widget.LowImportance, widget.LowImportance
	return container.NewHBox(save, watch)
}

// filters are the search's filters as the workbench records them.
func (v *SearchView) filters() workbench.SearchFilters {
	return workbench.SearchFilters{From: v.opt.From, To: v.opt.To, Source: v.opt.Source, Entity: v.opt.Entity, Type: v.opt.Type}
}

func (v *SearchView) askName(title, action string, then func(name string)) {
	if strings.TrimSpace(v.text) == "" {
		v.info.SetText("Search first: the results are what is kept or watched.")
		return
	}
	e := widgets.NewEntry()
	e.SetText(v.text)
	dialog.ShowCustomConfirm(title, action, "Cancel", e, func(ok bool) {
		if ok {
			then(e.Text)
		}
	}, v.w.window())
}

func (v *SearchView) saveCollection(name string) {
	n := workbench.NewCollection{Name: name, Query: v.text, Filters: v.filters()}
	ctx, a := v.w.archiveContext(), v.w.archive()
	v.w.run(func() {
		c, err := a.Workbench.CreateCollection(ctx, n)
		v.w.do(func() {
			if err != nil {
				v.w.showError(err)
				return
			}
			v.w.setStatus(fmt.Sprintf("collection %q: %d articles", c.Name, len(c.Articles)))
			v.w.countsChanged()
		})
	})
}

func (v *SearchView) addWatch(name string) {
	q, f, ctx, a := v.text, v.filters(), v.w.archiveContext(), v.w.archive()
	v.w.run(func() {
		_, err := a.Workbench.AddWatch(ctx, name, q, f)
		v.w.do(func() {
			if err != nil {
				v.w.showError(err)
				return
			}
			v.w.setStatus(fmt.Sprintf("watching %q", name))
			v.w.refreshWatchBadge()
		})
	})
}
