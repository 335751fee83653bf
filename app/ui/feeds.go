package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// askAddFeed subscribes to an RSS or Atom feed, given by address or file, and
// pulls its items as an import job.
func (w *Window) askAddFeed() {
	e := widgets.NewEntry()
	e.SetPlaceHolder("https://…/feed.xml or a feed file")
	dialog.ShowForm("Add feed", "Subscribe", "Cancel", []*widget.FormItem{widget.NewFormItem("Feed", e)},
		func(ok bool) {
			if src := strings.TrimSpace(e.Text); ok && src != "" {
				w.addFeed(src)
			}
		}, w.win)
}

func (w *Window) addFeed(src string) {
	ctx, stop := context.WithCancel(w.ctx)
	jb := w.jobs.newJob("Feed "+src, stop)
	w.showSection(sectionImports)
	a := w.app
	w.run(func() {
		res, err := a.Importer.AddFeed(ctx, src, importer.FeedOptions{})
		stop()
		rep := feedReport(src, res)
		w.do(func() {
			jb.finish(rep, err)
			w.afterImport()
		})
	})
}

// feedReport shows a feed pull as an import report: one line per new item.
func feedReport(src string, res importer.FeedRefresh) importer.Report {
	rep := importer.Report{Imported: res.Imported, Duplicates: res.Duplicates, Failed: res.Failed}
	for _, it := range res.Items {
		path := it.Link
		if path == "" {
			path = src
		}
		rep.Results = append(rep.Results, importer.FileResult{
			Path: path, Status: it.Status, ID: it.ID, Title: it.Title, DuplicateOf: it.DuplicateOf, Error: it.Error,
		})
	}
	return rep
}
