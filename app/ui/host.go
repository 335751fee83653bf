package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/lookup"
)

// The views take what they need of their window as small interfaces, not
// the whole *Window: a view is built and tested against these alone, and a
// new view says in its constructor what it reaches.

// archiveHost is the open archive's services with a job runner: its
// context, work off the UI goroutine and back on it (pageHost), and a place
// to show errors.
type archiveHost interface {
	pageHost
	archive() *app.App
	countsChanged() // what the sidebar counts may have changed (counts.go)
}

// workbenchHost is what the workbench's buttons in a view need: the
// archive, a parent for dialogs, the status line, and the collection
// picker.
type workbenchHost interface {
	archiveHost
	window() fyne.Window
	setStatus(msg string)
	addToCollection(ids []int64)
	refreshWatchBadge()
}

// navigator moves between the window's pages.
type navigator interface {
	showEntity(id int64) *EntityPage
	openArticle(id int64)
	showSource(name string, n int)
	showPage(obj fyne.CanvasObject)
	showSection(name string)
	goBack() bool
	focusKeys(k keyboardTarget) // what arrow keys move when nothing is focused
	// noteState records a page's new state as a place of the history (nav.go).
	noteState(page fyne.CanvasObject, state string, reshow func())
}

// readerHost is what a reader needs: the archive, and the entity pages its
// mentions open.
type readerHost interface {
	workbenchHost
	startReextract(ids []int64, done func())
	showEntity(id int64) *EntityPage
}

// articleListHost is what a list of articles needs: a paged list's host and
// the entity counts shown beside each title.
type articleListHost interface {
	pageHost
	withEntityCounts(f listingFetcher) func(context.Context, int, int) ([]articleRow, error)
}

// viewHost is what a section or a page needs: the archive, navigation, the
// window (a parent for dialogs) and the palette's pickers.
type viewHost interface {
	workbenchHost
	startReextract(ids []int64, done func())
	navigator
	withEntityCounts(f listingFetcher) func(context.Context, int, int) ([]articleRow, error)
	pick(title string, kind lookup.Kind, f func(lookup.Result))
	syncMode() bool
}

// entityPageHost is an entity page's host: a correction also refreshes the
// article open in the Articles section.
type entityPageHost interface {
	viewHost
	reloadReader()
}

// jobsHost is what the import and tagging panel needs: the archive and the
// articles a report opens.
type jobsHost interface {
	archiveHost
	countsChangedEvery(d time.Duration)
	openArticle(id int64)
	syncMode() bool
	setStatus(msg string)
}

// welcomeHost is what the welcome page offers: importing, and the archive's
// path.
type welcomeHost interface {
	importSample()
	chooseImportFolder()
	shownPath() string
}

func (w *Window) archive() *app.App          { return w.app }
func (w *Window) focusKeys(k keyboardTarget) { w.keyFocus = k }
func (w *Window) window() fyne.Window        { return w.win }
func (w *Window) syncMode() bool             { return w.opt.Sync }
func (w *Window) reloadReader()              { w.articles.reader.reloadIfShown() }
func (w *Window) pick(title string, kind lookup.Kind, f func(lookup.Result)) {
	w.palette.pick(title, kind, f)
}

// articleOpener opens an article in the reader.
type articleOpener interface {
	openArticle(id int64)
}
