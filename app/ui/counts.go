package ui

import (
	"log"
	"time"

	"fyne.io/fyne/v2"
	"github.com/newsarchive/newsarchive/app"
)

// The sidebar's counts are counted off the UI goroutine, after the window
// has painted, and again after what changes them: an import, tagging (at
// most every countsEvery while it runs, and when it ends), a correction,
// a tag, highlight, collection or watch added or removed. Requests that
// come while a count runs are coalesced into one more count.

// countsEvery is how often running tagging refreshes the counts.
const countsEvery = 5 * time.Second

// counter is the window's state of counting (UI goroutine only).
type counter struct {
	running bool      // a count is under way
	again   bool      // asked for while running: count once more after
	started time.Time // when the last count started
	// Tests watch a count through these: before runs where the count
	// runs, before it; after on the UI goroutine once it is shown.
	before, after func()
}

// sectionCounts maps the sidebar's sections to their counts (the
// watches' is set apart: it comes with their searches).
func sectionCounts(c app.Counts) map[string]int {
	return map[string]int{
		sectionArticles:    c.Articles,
		sectionPeople:      c.People,
		sectionOrgs:        c.Organisations,
		sectionPlaces:      c.Places,
		sectionSources:     c.Sources,
		sectionTags:        c.Tags,
		sectionHighlights:  c.Highlights,
		sectionCollections: c.Collections,
	}
}

// countsChanged counts the sidebar's sections again (call on the UI
// goroutine): first the cheap counts, shown at once, then the watches and
// their new articles, which run the watches' searches.
func (w *Window) countsChanged() {
	if w.counts.running {
		w.counts.again = true
		return
	}
	w.counts.running, w.counts.started = true, time.Now()
	ctx, a, before := w.ctx, w.app, w.counts.before
	w.run(func() {
		if before != nil {
			before()
		}
		c, err := a.Counts(ctx)
		w.do(func() {
			switch {
			case a != w.app: // another archive was opened meanwhile
			case err != nil && ctx.Err() == nil:
				log.Print(err)
			case err == nil:
				w.sidebar.setCounts(sectionCounts(c))
			}
		})
		ws, werr := a.Workbench.Watches(ctx)
		w.do(func() {
			if a != w.app { // setArchive reset the counter
				return
			}
			w.counts.running = false
			if w.counts.after != nil {
				defer w.counts.after()
			}
			if werr == nil {
				w.sidebar.setCount(sectionWatches, len(ws))
				w.sidebar.setBadge(sectionWatches, newCount(ws))
			} else if ctx.Err() == nil {
				log.Print(werr)
			}
			if w.counts.again {
				w.counts.again = false
				w.countsChanged()
			}
		})
	})
}

// countsChangedEvery counts again unless a count started within d.
func (w *Window) countsChangedEvery(d time.Duration) {
	if time.Since(w.counts.started) >= d {
		w.countsChanged()
	}
}

// resetCounts forgets the counts of the archive shown before.
func (w *Window) resetCounts() {
	w.counts = counter{}
	w.sidebar.counts, w.sidebar.badges = nil, nil
	w.sidebar.list.Refresh()
}

// countsDelay is how long after an archive's first view its counts
// start: the first page of the view loads and paints meanwhile, with
// the cores to itself.
const countsDelay = 400 * time.Millisecond

// countsSoon counts the sidebar's sections once the first view has had
// countsDelay to paint (at once with Options.Sync).
func (w *Window) countsSoon() {
	if w.opt.Sync {
		w.countsChanged()
		return
	}
	a := w.app
	time.AfterFunc(countsDelay, func() {
		fyne.Do(func() {
			if a == w.app && w.ctx.Err() == nil {
				w.countsChanged()
			}
		})
	})
}
