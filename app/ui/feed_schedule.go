package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/store"
)

// Feeds that run themselves: while a window shows an archive, its due
// feeds are refreshed in the background, each pass a job in the Imports
// section (progress, Cancel, one line per feed with its error and next
// try). And the OPML menu items.

// DefaultFeedCheck is how often the window looks for due feeds.
const DefaultFeedCheck = time.Minute

// feedSchedule is the running background refresh of one archive.
type feedSchedule struct {
	stop context.CancelFunc
	done chan struct{}
	poke chan struct{} // look now, e.g. after an OPML import
}

// startFeedSchedule looks for due feeds at once and then every
// Options.FeedCheck, until the archive is closed. A negative FeedCheck
// turns it off.
func (w *Window) startFeedSchedule() {
	every := w.opt.FeedCheck
	if every < 0 {
		return
	}
	if every == 0 {
		every = DefaultFeedCheck
	}
	now := w.opt.Now
	if now == nil {
		now = time.Now
	}
	ctx, stop := context.WithCancel(w.ctx)
	fs := &feedSchedule{stop: stop, done: make(chan struct{}), poke: make(chan struct{}, 1)}
	w.feeds = fs
	go func() {
		defer close(fs.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			w.refreshDueFeeds(ctx, now())
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			case <-fs.poke:
			}
		}
	}()
}

// stopFeedSchedule stops the background refresh and waits (at most a few
// seconds) for the feed being refreshed.
func (w *Window) stopFeedSchedule() {
	fs := w.feeds
	if fs == nil {
		return
	}
	w.feeds = nil
	fs.stop()
	select {
	case <-fs.done:
	case <-time.After(5 * time.Second):
	}
}

// refreshDueFeeds refreshes the feeds due at now as one job; nothing is
// shown when none is due.
func (w *Window) refreshDueFeeds(ctx context.Context, now time.Time) {
	a := w.app
	due, err := a.Importer.DueFeeds(ctx, now)
	if err != nil || len(due) == 0 {
		if err != nil && ctx.Err() == nil {
			w.do(func() { w.showError(err) })
		}
		return
	}
	jctx, stop := context.WithCancel(ctx)
	defer stop()
	ready := make(chan *job, 1)
	w.do(func() { ready <- w.jobs.newJob(fmt.Sprintf("Feeds due: %d", len(due)), stop) })
	var jb *job
	select {
	case jb = <-ready:
	case <-ctx.Done():
		return
	}
	start := time.Now()
	rep := importer.Report{}
	for i, f := range due {
		if jctx.Err() != nil {
			break
		}
		r, err := a.Importer.RefreshScheduled(jctx, f.ID, importer.FeedOptions{Now: now})
		res := scheduledResult(f, r, err)
		rep.Results = append(rep.Results, res)
		switch res.Status {
		case importer.StatusImported:
			rep.Imported++
		case importer.StatusDuplicate:
			rep.Duplicates++
		default:
			rep.Failed++
		}
		jb.progress(importer.Progress{Done: i + 1, Total: len(due), Imported: rep.Imported, Duplicates: rep.Duplicates,
			Failed: rep.Failed, Elapsed: time.Since(start)}, true)
	}
	rep.Elapsed = time.Since(start)
	var stopped error
	if len(rep.Results) < len(due) {
		stopped = jctx.Err() // some feeds were not refreshed
	}
	w.do(func() {
		jb.finish(rep, stopped)
		w.afterImport()
	})
}

// scheduledResult shows one feed's scheduled refresh as a line of the
// job's report: what it brought, or why it failed and when it tries again.
func scheduledResult(f store.Feed, r importer.FeedRefresh, err error) importer.FileResult {
	title := firstNonEmptyStr(r.Feed.Title, f.Title, f.URL)
	res := importer.FileResult{Path: title, Title: title}
	switch {
	case err != nil:
		res.Status, res.Error = importer.StatusFailed, err.Error()
	case r.Error != "":
		res.Status = importer.StatusFailed
		res.Error = fmt.Sprintf("failure %d, next try %s: %s", r.Feed.Failures,
			r.Feed.NextDue.Local().Format("15:04"), r.Error)
	case r.NotModified:
		res.Status, res.Title = importer.StatusDuplicate, title+": not modified"
	case r.Imported > 0:
		res.Status = importer.StatusImported
		res.Title = fmt.Sprintf("%s: %d new, %d already archived", title, r.Imported, r.Duplicates)
		for _, it := range r.Items {
			if it.ID != 0 {
				res.ID = it.ID
				break
			}
		}
	default:
		res.Status = importer.StatusDuplicate
		res.Title = fmt.Sprintf("%s: nothing new", title)
	}
	if r.Expired > 0 {
		res.Title += fmt.Sprintf(", %d old items expired", r.Expired)
	}
	return res
}

func firstNonEmptyStr(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// chooseImportOPML subscribes to the feeds of an OPML file; the next look
// for due feeds pulls them.
func (w *Window) chooseImportOPML() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		w.importOPML(path)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".opml", ".xml"}))
	d.Show()
}

func (w *Window) importOPML(path string) {
	a, ctx := w.app, w.ctx
	w.run(func() {
		rep, err := a.Importer.ImportOPML(ctx, path)
		w.do(func() {
			if err != nil {
				w.showError(err)
				return
			}
			w.setStatus(fmt.Sprintf("Subscribed to %d feeds (%d already subscribed, %d failed); they refresh in the background.",
				rep.Added, rep.Existing, len(rep.Failed)))
			if w.feeds != nil {
				select {
				case w.feeds.poke <- struct{}{}:
				default: // a look is pending already
				}
			}
		})
	})
}

// chooseExportOPML writes the subscriptions as OPML.
func (w *Window) chooseExportOPML() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		a, ctx := w.app, w.ctx
		w.run(func() {
			n, err := a.Importer.ExportOPML(ctx, wc)
			if cerr := wc.Close(); err == nil {
				err = cerr
			}
			w.do(func() {
				if err != nil {
					w.showError(err)
					return
				}
				w.setStatus(fmt.Sprintf("Exported %d feeds to %s", n, wc.URI().Path()))
			})
		})
	}, w.win)
	d.SetFileName("feeds.opml")
	d.Show()
}

// provenanceLine is the reader's small line on where an article came
// from: its first source (files by name), how many more there are, then
// the details (a web archive's record and digest).
func provenanceLine(ps []store.Provenance) string {
	if len(ps) == 0 {
		return ""
	}
	p := ps[0]
	var s string
	switch p.Kind {
	case store.ProvWARC:
		s = "From web archive " + filepath.Base(p.Source)
		if !p.CapturedAt.IsZero() {
			s = "Captured " + p.CapturedAt.UTC().Format("2006-01-02 15:04 UTC") + " · web archive " + filepath.Base(p.Source)
		}
	case store.ProvFeed:
		s = "From feed " + p.Source
	case store.ProvURL:
		s = "Fetched from " + firstNonEmptyStr(p.URL, p.Source)
		if !p.CapturedAt.IsZero() {
			s += " on " + p.CapturedAt.Local().Format("2006-01-02 15:04")
		}
	case store.ProvPDF:
		s = "From PDF " + filepath.Base(p.Source)
	default: // a file: its name (the command line's show gives the path)
		s = "From " + p.Kind + " " + filepath.Base(p.Source)
	}
	if len(ps) > 1 {
		s += fmt.Sprintf(" (+%d more)", len(ps)-1)
	}
	if p.RecordID != "" {
		s += " · record " + p.RecordID
	}
	if p.PayloadDigest != "" {
		s += " · " + p.PayloadDigest
	}
	return s
}
