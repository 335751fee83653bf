package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/store"
)

// Options change how a Window works; the zero value is for people.
type Options struct {
	// Sync runs background work on the calling goroutine, for tests.
	Sync bool
	// NoTagging leaves tagging to the caller instead of starting it.
	NoTagging bool
	// ShownPath, when set, is how the archive's path is shown (for golden
	// images, which must not show a temporary folder's random name).
	ShownPath string
	// FeedCheck is how often due feeds are looked for (0: DefaultFeedCheck;
	// negative: never, for tests) and Now the clock they are due by (nil:
	// time.Now); see feed_schedule.go.
	FeedCheck time.Duration
	Now       func() time.Time
}

// Window is the main window over one open archive: a sidebar of sections,
// the current view, a status line and the jobs panel.
type Window struct {
	fa   fyne.App
	win  fyne.Window
	opt  Options
	app  *app.App
	path string

	ctx    context.Context    // ends when the archive is closed
	cancel context.CancelFunc // ends ctx

	sidebar *Sidebar
	body    *fyne.Container // the current view
	status  *widget.Label
	jobs    *Jobs
	palette *Palette

	articles *ArticlesView
	entity   *EntityPage    // the entity page opened last
	section  string         // the sidebar section shown, or "" for a page
	keyFocus keyboardTarget // what arrow keys move when nothing is focused
	feeds    *feedSchedule  // the background refresh of due feeds
	counts   counter        // the sidebar's counts (counts.go)

	header    *Header         // the search field and arrows at the top (header.go)
	history   *History[place] // what was shown, for back and forward (nav.go)
	restoring bool            // set while showing a place of the history
}

// keyboardTarget is a view that arrow keys and Enter can drive.
type keyboardTarget interface {
	move(delta int)
	activate()
}

// NewWindow opens the archive at path in a new window of fa.
func NewWindow(fa fyne.App, path string, opt Options) (*Window, error) {
	a, err := app.Open(context.Background(), path)
	if err != nil {
		return nil, err
	}
	return newWindow(fa, a, path, opt), nil
}

// newWindow makes the main window over an open archive.
func newWindow(fa fyne.App, a *app.App, path string, opt Options) *Window {
	useArchiveTheme(fa)
	w := &Window{fa: fa, opt: opt, win: fa.NewWindow("News Archive")}
	w.win.SetMaster()
	w.status = widget.NewLabel("")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.jobs = newJobs(w)
	w.body = container.NewStack()
	w.sidebar = newSidebar(w.showSection)
	w.win.SetMainMenu(w.mainMenu())
	w.addShortcuts()
	w.win.SetOnDropped(w.onDropped)
	w.restoreSize()
	w.win.SetCloseIntercept(func() {
		w.saveSize()
		w.win.Close()
	})
	w.setArchive(a, path)
	return w
}

// Content returns the window's root object (for tests and screenshots).
func (w *Window) Content() fyne.CanvasObject { return w.win.Content() }

// Canvas returns the window's canvas.
func (w *Window) Canvas() fyne.Canvas { return w.win.Canvas() }

// setArchive shows the archive a, closing the one shown before.
func (w *Window) setArchive(a *app.App, path string) {
	if w.app != nil {
		w.shutdown()
	}
	w.app, w.path = a, path
	w.ctx, w.cancel = context.WithCancel(context.Background())
	a.SetLog(func(msg string) { log.Print(msg) })
	if err := a.AllowNet(""); err != nil { // $NEWSARCHIVE_ALLOW_NET: intranet servers the imports may reach
		log.Print(err)
	}
	w.win.SetTitle("News Archive — " + archiveLabel(path))
	w.palette = newPalette(w)
	w.articles = newArticlesView(w)
	w.history = NewHistory[place](maxHistory)
	w.header = newHeader(w)
	w.jobs.reset()
	left := container.NewBorder(nil, w.jobs.summary, nil, nil, w.sidebar.list)
	w.jobs.parent = left
	split := container.NewHSplit(left, w.body)
	split.Offset = 0.16
	w.win.SetContent(container.NewBorder(w.header.content(), w.status, nil, nil, container.NewStack(split, w.header.layer)))
	rememberRecent(w.fa.Preferences(), store.WithoutPassword(path))
	w.win.SetMainMenu(w.mainMenu())
	w.setStatus("")
	if !w.opt.NoTagging {
		a.Tagging.StartTagging(w.ctx)
	}
	w.resetCounts()
	w.startFeedSchedule()
	w.run(func() {
		if err := a.Search.PrepareLookup(w.ctx); err != nil && w.ctx.Err() == nil {
			log.Print(err)
		}
	})
	w.run(func() {
		n, err := a.Search.ArticleCount(w.ctx)
		w.do(func() {
			switch {
			case err != nil:
				w.showError(err)
			case n == 0:
				w.showPage(newWelcome(w).content())
			default:
				w.showSection(lastSection(w.fa.Preferences()))
			}
			w.countsSoon() // after the first view is painted: counts never delay it
		})
	})
}

// shutdown stops the background work on the archive and closes it.
func (w *Window) shutdown() {
	w.cancel()
	w.jobs.cancelAll()
	w.stopFeedSchedule()
	ctx, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	if err := w.app.Tagging.WaitTagging(ctx); err != nil {
		log.Printf("close %s: tagging did not stop: %v", store.Redact(w.path), err)
	}
	if err := w.app.Close(); err != nil {
		log.Printf("close %s: %v", store.Redact(w.path), err)
	}
}

// archiveContext returns the context that ends when the archive shown is
// closed.
func (w *Window) archiveContext() context.Context { return w.ctx }

// run does f off the UI goroutine (on it, in tests with Options.Sync).
func (w *Window) run(f func()) {
	if w.opt.Sync {
		f()
		return
	}
	go f()
}

// setStatus shows msg, after the archive's path, in the status line.
func (w *Window) setStatus(msg string) {
	s := w.shownPath()
	if msg != "" {
		s += "  ·  " + msg
	}
	w.status.SetText(s)
}

// shownPath is the archive's path as the window shows it.
func (w *Window) shownPath() string {
	if w.opt.ShownPath != "" {
		return w.opt.ShownPath
	}
	return store.Redact(w.path)
}

// showError tells the person what failed; a cancelled context is not news.
func (w *Window) showError(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	log.Print(err)
	dialog.ShowError(err, w.win)
}

// showSection shows a sidebar section.
func (w *Window) showSection(name string) {
	v := w.sectionView(name)
	if v == nil {
		name, v = sectionArticles, w.articles.content()
	}
	w.leave()
	w.section = name
	w.dropStaleFocus()
	w.sidebar.selectSection(name)
	w.fa.Preferences().SetString(prefLastSection, name)
	w.setBody(v)
	at := place{section: name}
	if name == sectionArticles {
		at.article = w.articles.reader.id
	}
	w.visit(at)
}

// showPage shows a page that is no sidebar section (an entity, a search,
// a tag's articles); Esc goes back to what was shown before (nav.go).
func (w *Window) showPage(obj fyne.CanvasObject) {
	w.leave()
	w.section = ""
	w.keyFocus = nil
	w.dropStaleFocus()
	w.sidebar.selectSection("")
	w.setBody(obj)
	w.visit(place{page: obj})
}

func (w *Window) setBody(obj fyne.CanvasObject) {
	w.body.Objects = []fyne.CanvasObject{obj}
	w.body.Refresh()
}

// openArticle shows an article in the Articles section's reader.
func (w *Window) openArticle(id int64) {
	w.leave()
	if w.section != sectionArticles {
		w.quietly(func() { w.showSection(sectionArticles) })
	}
	w.articles.reader.show(id)
	w.visit(place{section: sectionArticles, article: id})
}

// errorText is an error as a person reads it in a label.
func errorText(err error) string {
	return fmt.Sprintf("Error: %v", err)
}

// do runs f on the UI goroutine: through fyne.Do from background work (at
// once, with Options.Sync).
func (w *Window) do(f func()) {
	if w.opt.Sync {
		f()
		return
	}
	fyne.Do(f)
}
