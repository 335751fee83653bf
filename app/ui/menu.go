package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/store"
)

// mainMenu builds the File, Go and Help menus.
func (w *Window) mainMenu() *fyne.MainMenu {
	importFiles := fyne.NewMenuItem("Import files…", w.chooseImportFiles)
	importFiles.Shortcut = shortcutImport
	recent := fyne.NewMenuItem("Open recent", nil)
	for _, p := range recentArchives(w.fa.Preferences()) {
		recent.ChildMenu = appendItem(recent.ChildMenu, fyne.NewMenuItem(store.Redact(p), func() { w.openArchive(p) }))
	}
	if recent.ChildMenu == nil {
		recent.Disabled = true
	}
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("New archive…", w.chooseNewArchive),
		fyne.NewMenuItem("Open archive…", w.chooseOpenArchive),
		fyne.NewMenuItem("Open team archive (PostgreSQL)…", w.askTeamArchive),
		recent,
		fyne.NewMenuItemSeparator(),
		importFiles,
		fyne.NewMenuItem("Import folder…", w.chooseImportFolder),
		fyne.NewMenuItem("Import from URL…", w.askImportURL),
		fyne.NewMenuItem("Add feed…", w.askAddFeed),
		fyne.NewMenuItem("Feeds…", w.showFeeds),
		fyne.NewMenuItem("Import feeds (OPML)…", w.chooseImportOPML),
		fyne.NewMenuItem("Export feeds (OPML)…", w.chooseExportOPML),
		fyne.NewMenuItem("Re-extract all articles…", w.confirmReextractAll),
	)
	find := fyne.NewMenuItem("Find anything…", w.showPalette)
	find.Shortcut = shortcutPalette
	search := fyne.NewMenuItem("Search text…", w.focusSearch)
	search.Shortcut = shortcutSearch
	goMenu := fyne.NewMenu("Go", find, search, w.backMenuItem(), w.forwardMenuItem())
	for _, s := range sections {
		goMenu.Items = append(goMenu.Items, fyne.NewMenuItem(s.label, func() { w.showSection(s.name) }))
	}
	return fyne.NewMainMenu(file, goMenu)
}

func appendItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		return fyne.NewMenu("", it)
	}
	m.Items = append(m.Items, it)
	return m
}

// Keyboard shortcuts of the main window.
var (
	shortcutPalette = &desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSearch  = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutImport  = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
)

// addShortcuts binds the window's shortcuts and plain keys.
func (w *Window) addShortcuts() {
	c := w.win.Canvas()
	c.AddShortcut(shortcutPalette, func(fyne.Shortcut) { w.showPalette() })
	c.AddShortcut(shortcutSearch, func(fyne.Shortcut) { w.showSearch() })
	c.AddShortcut(shortcutImport, func(fyne.Shortcut) { w.chooseImportFiles() })
	c.SetOnTypedKey(w.onTypedKey)
}

// onTypedKey handles keys typed when no widget has the focus: arrows move in
// the current list, Enter opens, Esc goes back.
func (w *Window) onTypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		w.escape()
	case fyne.KeyDown, fyne.KeyUp:
		if w.keyFocus != nil {
			w.keyFocus.move(map[fyne.KeyName]int{fyne.KeyDown: 1, fyne.KeyUp: -1}[ev.Name])
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if w.keyFocus != nil {
			w.keyFocus.activate()
		}
	}
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
