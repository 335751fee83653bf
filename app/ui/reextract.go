package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/importer"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// Re-extraction in the GUI: File → Re-extract all articles, the reader's
// Re-extract button for one, and the reader's Show original toggle.

// confirmReextractAll asks before reading every article again.
func (w *Window) confirmReextractAll() {
	if w.app == nil {
		return
	}
	dialog.ShowConfirm("Re-extract all articles",
		"Read every article again from the page it was imported from, with today's extractor? "+
			"Tags, notes and corrections stay; changed texts are tagged again.",
		func(ok bool) {
			if ok {
				w.startReextract(nil, nil)
			}
		}, w.win)
}

// startReextract re-extracts the given articles (all when ids is empty) as
// a job in the Imports section; done, if not nil, is called on the UI
// goroutine when it ends.
func (w *Window) startReextract(ids []int64, done func()) {
	ctx, stop := context.WithCancel(w.ctx)
	title := "Re-extract all articles"
	if len(ids) == 1 {
		title = fmt.Sprintf("Re-extract article %d", ids[0])
	}
	jb := w.jobs.newJob(title, stop)
	if len(ids) != 1 {
		w.showSection(sectionImports)
	}
	a := w.app
	w.run(func() {
		start := time.Now()
		rep, err := a.Importer.Reextract(ctx, ids, importer.ReextractOptions{OnProgress: func(done, total int) {
			if done != total && time.Since(jb.last) < progressEvery {
				return
			}
			jb.last = time.Now()
			rate := float64(done) / max(time.Since(start).Seconds(), 1e-9)
			w.do(func() {
				if total > 0 {
					jb.bar.SetValue(float64(done) / float64(total))
				}
				jb.detail.SetText(fmt.Sprintf("%d of %d articles · %.0f/s", done, total, rate))
			})
		}})
		stop()
		w.do(func() {
			jb.finishReextract(rep, err)
			w.afterImport()
			if done != nil {
				done()
			}
		})
	})
}

// reextractSummary sums up a re-extraction in a sentence.
func reextractSummary(rep importer.ReextractReport) string {
	return fmt.Sprintf("Re-extracted %d articles: %d changed (%d titles, %d bodies), %d unchanged, %d duplicates, "+
		"%d without an original, %d failed in %s.", len(rep.Results), rep.Changed, rep.TitlesChanged, rep.BodiesChanged,
		rep.Unchanged, rep.Duplicates, rep.Skipped, rep.Failed, rep.Elapsed.Round(time.Millisecond))
}

// finishReextract shows a re-extraction's report: the articles that
// changed, failed or now read as another; a row tapped opens its article.
func (jb *job) finishReextract(rep importer.ReextractReport, err error) {
	jb.cancel.Hide()
	jb.bar.SetValue(1)
	sum := reextractSummary(rep)
	if err != nil {
		sum = fmt.Sprintf("Stopped: %v. %s", err, sum)
	}
	jb.summarise(sum)
	var rows []importer.FileResult
	for _, r := range rep.Results {
		row := importer.FileResult{Path: fmt.Sprintf("article %d", r.ID), ID: r.ID, Title: r.Title}
		if r.Note != "" {
			row.Notes = []string{r.Note}
		}
		switch r.Status {
		case importer.ReextractChanged:
			row.Status = importer.StatusImported
			if r.TitleChanged {
				row.Title = fmt.Sprintf("%s (was %q)", r.Title, r.OldTitle)
			}
		case importer.ReextractDuplicate:
			row.Status, row.ID, row.DuplicateOf = importer.StatusDuplicate, 0, r.DuplicateOf
		case importer.ReextractFailed:
			row.Status, row.ID, row.Error = importer.StatusFailed, 0, r.Error
		default:
			continue
		}
		rows = append(rows, row)
	}
	if len(rows) > 0 {
		jb.report.Add(newReportList(jb.j.w, rows))
	}
}

// originalView is the reader's bar of extraction actions (Show original,
// Re-extract) and the original text shown in place of the extraction.
type originalView struct {
	r        *Reader
	id       int64
	showing  bool
	toggle   *widgets.Button
	again    *widgets.Button
	text     *widget.Label
	bar      *fyne.Container
	original *fyne.Container
}

func newOriginalView(r *Reader) *originalView {
	v := &originalView{r: r, text: widget.NewLabel("")}
	v.text.Wrapping = fyne.TextWrapBreak
	v.text.TextStyle = fyne.TextStyle{Monospace: true}
	v.toggle = widgets.NewButtonWithIcon("Show original", theme.FileTextIcon(), v.flip)
	v.again = widgets.NewButtonWithIcon("Re-extract", theme.ViewRefreshIcon(), func() {
		if v.id != 0 {
			r.w.startReextract([]int64{v.id}, r.reloadIfShown)
		}
	})
	v.toggle.Importance, v.again.Importance = widget.LowImportance, widget.LowImportance
	v.bar = container.NewHBox(v.toggle, v.again)
	v.original = container.NewVBox(v.text)
	v.original.Hide()
	return v
}

// setArticle shows the extraction of a newly shown article; the original
// stays shown when the same article is shown again.
func (v *originalView) setArticle(id int64) {
	if id != v.id {
		v.id, v.showing = id, false
	}
	v.apply()
	if v.showing {
		v.load()
	}
}

// flip switches between the extracted text and the original.
func (v *originalView) flip() {
	v.showing = !v.showing
	v.apply()
	if v.showing {
		v.load()
	}
}

func (v *originalView) apply() {
	if v.showing {
		v.toggle.SetText("Show extracted text")
		v.r.body.Hide()
		v.r.entBox.Hide()
		v.original.Show()
		return
	}
	v.toggle.SetText("Show original")
	v.original.Hide()
	v.r.body.Show()
	if len(v.r.entities.Links()) > 0 {
		v.r.entBox.Show()
	}
}

// load reads the original off the UI goroutine and shows it.
func (v *originalView) load() {
	id, ctx, a := v.id, v.r.w.archiveContext(), v.r.w.archive()
	v.text.SetText("loading the original…")
	v.r.w.run(func() {
		text, cut, err := a.Importer.OriginalText(ctx, id)
		v.r.w.do(func() {
			if id != v.id || !v.showing {
				return
			}
			switch {
			case err != nil:
				v.text.SetText(errorText(err))
			case text == "":
				v.text.SetText("No original is stored for this article (it came from an export).")
			case cut:
				v.text.SetText(text + fmt.Sprintf("\n\n… (the first %d KB of the original)", importer.MaxOriginalText>>10))
			default:
				v.text.SetText(text)
			}
		})
	})
}
