package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/store"
)

// mainMenu builds the File, Go and Help menus.
func (w *Window) mainMenu() *fyne.MainMenu {
	recent := fyne.NewMenuItem("Open recent", nil)
	for _, p := range recentArchives(w.fa.Preferences()) {
		recent.ChildMenu = appendItem(recent.ChildMenu, fyne.NewMenuItem(store.Redact(p), func() { w.openArchive(p) }))
	}
	if recent.ChildMenu == nil {
		recent.Disabled = true
	}
	file := fyne.NewMenu("File",
		w.menuItem("New archive…"),
		w.menuItem("Open archive…"),
		fyne.NewMenuItem("Open team archive (PostgreSQL)…", w.askTeamArchive),
		recent,
		fyne.NewMenuItemSeparator(),
		w.menuItem("Import files…"),
		fyne.NewMenuItem("Import folder…", w.chooseImportFolder),
		fyne.NewMenuItem("Import from URL…", w.askImportURL),
		fyne.NewMenuItem("Add feed…", w.askAddFeed),
		fyne.NewMenuItem("Feeds…", w.showFeeds),
		fyne.NewMenuItem("Import feeds (OPML)…", w.chooseImportOPML),
		fyne.NewMenuItem("Export feeds (OPML)…", w.chooseExportOPML),
		fyne.NewMenuItem("Re-extract all articles…", w.confirmReextractAll),
	)
	goMenu := fyne.NewMenu("Go", w.menuItems("Go")...)
	return fyne.NewMainMenu(file, goMenu, w.viewMenu(), fyne.NewMenu("Help", w.menuItems("Help")...))
}

func appendItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		return fyne.NewMenu("", it)
	}
	m.Items = append(m.Items, it)
	return m
}

// openArchive opens the archive at path in this window, in place of the
// one shown.
func (w *Window) openArchive(path string) {
	w.setStatus("opening " + store.Redact(path) + "…")
	go func() { // not w.run: opening may migrate a large archive
		a, err := app.Open(context.Background(), path)
		fyne.Do(func() {
			if err != nil {
				w.showError(err)
				w.setStatus("")
				return
			}
			w.setArchive(a, path)
		})
	}()
}

// archiveFilter offers only archive files in the open dialog.
var archiveFilter = storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".newsarchive"})

func (w *Window) chooseOpenArchive() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		w.openArchive(r.URI().Path())
	}, w.win)
	d.SetFilter(archiveFilter)
	d.Show()
}

func (w *Window) chooseNewArchive() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close() // an empty file: SQLite makes it an archive
		w.openArchive(path)
	}, w.win)
	d.SetFileName("archive.db")
	d.Show()
}
