package ui

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// progressEvery is how often a running job's progress is redrawn.
const progressEvery = 150 * time.Millisecond

// Jobs is the Imports section: each import with its progress bar, speed and
// time left, a Cancel button and, once done, its report; and the tagging
// progress, also summed up under the sidebar.
type Jobs struct {
	w       jobsHost
	box     *fyne.Container // the jobs, newest first
	tagBar  *widget.ProgressBar
	tagText *widget.Label
	summary *fyne.Container // under the sidebar
	parent  *fyne.Container // lays out the summary
	cancels []context.CancelFunc
	polling bool
	idle    atomic.Bool  // the queue was empty at the last look: poll less often
	cost    atomic.Int64 // how long the last count of the queue took (ns)
	failed  int          // failed taggings last reported in the status bar
}

func newJobs(w jobsHost) *Jobs {
	j := &Jobs{w: w, box: container.NewVBox(), tagBar: widget.NewProgressBar(), tagText: widget.NewLabel("")}
	j.tagText.Importance = widget.LowImportance
	j.tagText.Wrapping = fyne.TextWrapWord // the sidebar is narrow: "Finding names: 1,290 of 1,758 (2 workers)"
	j.summary = container.NewVBox(j.tagText, j.tagBar)
	j.summary.Hide()
	return j
}

// reset forgets the jobs of the archive shown before.
func (j *Jobs) reset() {
	j.box.RemoveAll()
	j.summary.Hide()
	j.pollTagging()
}

// cancelAll stops every running job.
func (j *Jobs) cancelAll() {
	for _, c := range j.cancels {
		c()
	}
	j.cancels = nil
}

func (j *Jobs) content() fyne.CanvasObject {
	empty := widget.NewLabel("No imports yet. Use File → Import files… (Ctrl+I), Import folder…, or drop files on the window.")
	empty.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(heading("Imports"), empty)
	if len(j.box.Objects) > 0 {
		empty.Hide()
	}
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(j.box))
}

// job is one import shown in the panel.
type job struct {
	j      *Jobs
	title  *widget.Label
	bar    *widget.ProgressBar
	detail *widget.Label
	cancel *widgets.Button
	report *fyne.Container
	card   *widget.Card
	last   time.Time
}

// newJob adds a job card; stop cancels the job.
func (j *Jobs) newJob(title string, stop context.CancelFunc) *job {
	jb := &job{j: j, title: widget.NewLabel(""), bar: widget.NewProgressBar(), detail: widget.NewLabel("starting…"),
		report: container.NewVBox()}
	jb.cancel = widgets.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		stop()
		jb.cancel.Disable()
		jb.detail.SetText("cancelling…")
	})
	jb.card = widget.NewCard(title, "", container.NewVBox(
		container.NewBorder(nil, nil, nil, jb.cancel, jb.bar), jb.detail, jb.report))
	j.cancels = append(j.cancels, stop)
	j.box.Objects = append([]fyne.CanvasObject{jb.card}, j.box.Objects...)
	j.box.Refresh()
	return jb
}

// progress shows an import's progress; calls closer than progressEvery
// apart are dropped unless final.
func (jb *job) progress(p importer.Progress, final bool) {
	if !final && time.Since(jb.last) < progressEvery {
		return
	}
	jb.last = time.Now()
	jb.j.w.do(func() {
		if p.Total > 0 {
			jb.bar.SetValue(float64(p.Done) / float64(p.Total))
		}
		jb.detail.SetText(progressText(p))
	})
}

// progressText says how far an import is.
func progressText(p importer.Progress) string {
	s := fmt.Sprintf("%d of %d files · %.0f/s", p.Done, p.Total, p.Rate())
	if eta := p.ETA(); eta > 0 {
		s += " · " + eta.Round(time.Second).String() + " left"
	}
	return s + fmt.Sprintf(" · imported %d, duplicates %d, failed %d", p.Imported, p.Duplicates, p.Failed)
}

// finish shows an import's report; a result tapped opens its article.
func (jb *job) finish(rep importer.Report, err error) {
	jb.cancel.Hide()
	jb.bar.SetValue(1)
	sum := fmt.Sprintf("Imported %d, duplicates %d, failed %d", rep.Imported, rep.Duplicates, rep.Failed)
	if rep.Skipped > 0 {
		sum += fmt.Sprintf(", skipped %d non-article files", rep.Skipped)
	}
	sum += fmt.Sprintf(" in %s.", rep.Elapsed.Round(time.Millisecond))
	if err != nil {
		sum = fmt.Sprintf("Stopped: %v. %s", err, sum)
	}
	jb.summarise(sum)
	if len(rep.Results) > 0 {
		jb.report.Add(newReportList(jb.j.w, rep.Results))
	}
}

// summarise says a finished job's summary once, as the card's subtitle:
// the progress line under the bar is hidden.
func (jb *job) summarise(sum string) {
	jb.detail.SetText("")
	jb.detail.Hide()
	jb.card.SetSubTitle(sum)
}

// idlePolls is how many ticks of the tagging poll are skipped while the
// queue is empty: enough to notice, within seconds, articles another
// machine has queued, without counting the queue every second.
const idlePolls = 5

// pollShare bounds the time the tagging poll spends counting the queue: it
// waits at least 1/pollShare times as long as the last count took before
// the next (a million-article queue takes some 0.2 s to count: a count
// every 4 s rather than every second).
const pollShare = 0.05

// pollTagging shows the tagging progress while the window is open. It
// keeps polling while articles wait, whoever tags them: this process, or
// workers elsewhere sharing the archive (`newsarchive worker`).
func (j *Jobs) pollTagging() {
	j.updateTagging()
	if j.w.syncMode() || j.polling {
		return
	}
	j.polling = true
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		n, last := 0, time.Now()
		for range t.C {
			if n++; j.idle.Load() && n%idlePolls != 0 {
				continue
			}
			if !pollDue(time.Since(last), time.Duration(j.cost.Load())) {
				continue
			}
			last = time.Now()
			fyne.Do(j.updateTagging)
		}
	}()
}

// pollDue tells whether the queue may be counted again, since after the
// last count, which took cost.
func pollDue(since, cost time.Duration) bool {
	return since >= time.Duration(float64(cost)/pollShare)
}

// updateTagging reads the tagging queue (off the UI goroutine) and shows
// its progress, with the number of workers on it when others than this
// process take part.
func (j *Jobs) updateTagging() {
	a, ctx := j.w.archive(), j.w.archiveContext()
	if a == nil || ctx.Err() != nil {
		return
	}
	j.w.run(func() {
		start := time.Now()
		q, err := a.Tagging.QueueStatus(ctx)
		j.cost.Store(int64(time.Since(start)))
		local := a.Tagging.TaggingRunning()
		j.w.do(func() {
			if err != nil || a != j.w.archive() {
				return
			}
			busy := q.Waiting() > 0
			j.idle.Store(!busy && !local)
			j.reportFailed(q.Failed)
			if busy {
				j.tagText.SetText(taggingText(q, local))
				j.tagBar.SetValue(float64(q.Done+q.Failed) / float64(q.Total()))
				j.w.countsChangedEvery(countsEvery) // entities found so far
			}
			if busy != j.summary.Visible() {
				if !busy {
					j.w.countsChanged() // tagging ended
				}
				j.summary.Hidden = !busy
				if j.parent != nil {
					j.parent.Refresh()
				}
			}
		})
	})
}

// taggingText says how far tagging is; local tells whether this process
// is one of the workers.
func taggingText(q store.QueueStatus, local bool) string {
	s := fmt.Sprintf("Finding names: %d of %d", q.Done+q.Failed, q.Total())
	switch n := len(q.Workers); {
	case n == 0 && !local:
		s += " (waiting for a worker)"
	case n == 1 && !local:
		s += " (1 worker)"
	case n > 1:
		s += fmt.Sprintf(" (%d workers)", n)
	}
	return s
}
