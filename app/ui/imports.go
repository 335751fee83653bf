package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/assets"
)

// startImport imports files and folders as a job and shows the Imports
// section; done, if not nil, is called on the UI goroutine with the report.
func (w *Window) startImport(paths []string, done func(importer.Report)) {
	if len(paths) == 0 {
		return
	}
	ctx, stop := context.WithCancel(w.ctx)
	title := filepath.Base(paths[0])
	if len(paths) > 1 {
		title += fmt.Sprintf(" and %d more", len(paths)-1)
	}
	jb := w.jobs.newJob("Import "+title, stop)
	w.showSection(sectionImports)
	a := w.app
	w.run(func() {
		rep, err := a.Importer.Import(ctx, paths, importer.Options{OnProgress: func(p importer.Progress) { jb.progress(p, p.Done == p.Total) }})
		stop()
		w.do(func() {
			jb.finish(rep, err)
			w.afterImport()
			if done != nil {
				done(rep)
			}
		})
	})
}

// afterImport tags the new articles and shows them in the lists.
func (w *Window) afterImport() {
	if !w.opt.NoTagging {
		w.app.Tagging.StartTagging(w.ctx)
	}
	w.jobs.updateTagging()
	w.articles.reload()
	w.refreshWatchBadge()
}

// onDropped imports what is dropped on the window.
func (w *Window) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	w.startImport(paths, nil)
}

func (w *Window) chooseImportFiles() {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r != nil {
			r.Close()
			w.startImport([]string{r.URI().Path()}, nil)
		}
	}, w.win)
}

func (w *Window) chooseImportFolder() {
	dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if l != nil {
			w.startImport([]string{l.Path()}, nil)
		}
	}, w.win)
}

// askImportURL imports a web page or feed from its address.
func (w *Window) askImportURL() {
	e := widgets.NewEntry()
	e.SetPlaceHolder("https://…")
	dialog.ShowForm("Import from URL", "Import", "Cancel", []*widget.FormItem{widget.NewFormItem("Address", e)},
		func(ok bool) {
			u := strings.TrimSpace(e.Text)
			if ok && u != "" {
				w.importURL(u)
			}
		}, w.win)
}

func (w *Window) importURL(u string) {
	ctx, stop := context.WithCancel(w.ctx)
	jb := w.jobs.newJob("Import "+u, stop)
	w.showSection(sectionImports)
	a := w.app
	w.run(func() {
		res, err := a.Importer.URL(ctx, u)
		stop()
		rep := importer.Report{Results: []importer.FileResult{res}}
		switch res.Status {
		case importer.StatusImported:
			rep.Imported = 1
		case importer.StatusDuplicate:
			rep.Duplicates = 1
		default:
			rep.Failed = 1
		}
		w.do(func() {
			jb.finish(rep, err)
			w.afterImport()
		})
	})
}

// importSample imports the sample article shipped with the app and opens it.
func (w *Window) importSample() {
	dir, err := os.MkdirTemp("", "newsarchive-sample")
	if err != nil {
		w.showError(err)
		return
	}
	p := filepath.Join(dir, assets.SampleArticleName)
	if err := os.WriteFile(p, assets.SampleArticle, 0o644); err != nil {
		w.showError(err)
		return
	}
	w.startImport([]string{p}, func(rep importer.Report) {
		os.RemoveAll(dir)
		for _, r := range rep.Results {
			if id := max(r.ID, r.DuplicateOf); id != 0 {
				w.openArticle(id)
			}
		}
	})
}
