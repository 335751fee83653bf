package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// The Feeds window (File → Feeds…): every subscription with its schedule
// and last error, and its options (interval, retention, full text).

// feedIntervals are the intervals offered, shortest first.
var feedIntervals = []struct {
	label string
	d     time.Duration
}{
	{"every 15 minutes", 15 * time.Minute}, {"every 30 minutes", 30 * time.Minute}, {"hourly", time.Hour},
	{"every 3 hours", 3 * time.Hour}, {"every 6 hours", 6 * time.Hour}, {"every 12 hours", 12 * time.Hour},
	{"daily", 24 * time.Hour},
}

// intervalLabel names an interval, offered or not.
func intervalLabel(d time.Duration) string {
	for _, iv := range feedIntervals {
		if iv.d == d {
			return iv.label
		}
	}
	return "every " + d.String()
}

// scheduleText says when a feed refreshes itself and how.
func scheduleText(f store.Feed) string {
	s := "Refreshes " + intervalLabel(f.Interval)
	if f.RetentionDays > 0 {
		s += fmt.Sprintf(" · keeps items %d days", f.RetentionDays)
	}
	if !f.FetchFull {
		s += " · summaries only"
	}
	switch {
	case f.NextDue.IsZero():
		s += " · due now"
	case f.Failures > 0:
		s += fmt.Sprintf(" · %d failed in a row, next try %s", f.Failures, f.NextDue.Local().Format("2 Jan 15:04"))
	default:
		s += " · next " + f.NextDue.Local().Format("2 Jan 15:04")
	}
	return s
}

// showFeeds loads the subscriptions and shows them.
func (w *Window) showFeeds() {
	a, ctx := w.app, w.ctx
	w.run(func() {
		feeds, err := a.Importer.Feeds(ctx)
		w.do(func() {
			if err != nil {
				w.showError(err)
				return
			}
			w.feedsDialog(feeds)
		})
	})
}

func (w *Window) feedsDialog(feeds []store.Feed) {
	box := container.NewVBox()
	if len(feeds) == 0 {
		box.Add(widget.NewLabel("No feeds yet: use File → Add feed… or Import feeds (OPML)…"))
	}
	for _, f := range feeds {
		title := widget.NewLabelWithStyle(firstNonEmptyStr(f.Title, f.URL), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		info := widget.NewLabel(fmt.Sprintf("%s\n%d items · %s", f.URL, f.Items, scheduleText(f)))
		info.Wrapping = fyne.TextWrapWord
		row := container.NewVBox(title, info)
		if f.LastError != "" {
			e := widget.NewLabel("Last error: " + f.LastError)
			e.Importance = widget.DangerImportance
			e.Wrapping = fyne.TextWrapWord
			row.Add(e)
		}
		opts := widgets.NewButton("Options…", func() { w.askFeedOptions(f) })
		box.Add(container.NewBorder(nil, nil, nil, container.NewVBox(opts), row))
		box.Add(widget.NewSeparator())
	}
	d := dialog.NewCustom("Feeds", "Close", container.NewVScroll(box), w.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// askFeedOptions edits a feed's interval, retention and full-text option.
func (w *Window) askFeedOptions(f store.Feed) {
	labels := make([]string, len(feedIntervals))
	for i, iv := range feedIntervals {
		labels[i] = iv.label
	}
	every := widgets.NewSelect(labels, nil)
	every.SetSelected(intervalLabel(f.Interval))
	keep := widgets.NewEntry()
	keep.SetText(strconv.Itoa(f.RetentionDays))
	full := widgets.NewCheck("Fetch the full article behind each item", nil)
	full.SetChecked(f.FetchFull)
	items := []*widget.FormItem{
		widget.NewFormItem("Refresh", every),
		widget.NewFormItem("Keep items (days, 0 = for ever)", keep),
		widget.NewFormItem("", full),
	}
	dialog.ShowForm("Options of "+firstNonEmptyStr(f.Title, f.URL), "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		o, err := feedOptionsOf(every.Selected, keep.Text, full.Checked)
		if err != nil {
			w.showError(err)
			return
		}
		w.saveFeedOptions(f.ID, o)
	}, w.win)
}

// feedOptionsOf reads the options form. Items with a note or a tag are
// never deleted by retention (see store.ExpiredFeedArticles).
func feedOptionsOf(interval, keepDays string, full bool) (store.FeedOptions, error) {
	o := store.FeedOptions{FetchFull: full}
	for _, iv := range feedIntervals {
		if iv.label == interval {
			o.Interval = iv.d
		}
	}
	days, err := strconv.Atoi(strings.TrimSpace(keepDays))
	if err != nil || days < 0 {
		return o, fmt.Errorf("keep items: %q is not a number of days", keepDays)
	}
	o.RetentionDays = days
	return o, nil
}

func (w *Window) saveFeedOptions(id int64, o store.FeedOptions) {
	a, ctx := w.app, w.ctx
	w.run(func() {
		err := a.Importer.SetFeedOptions(ctx, id, o)
		w.do(func() {
			if err != nil {
				w.showError(err)
				return
			}
			w.setStatus("Feed options saved.")
		})
	})
}
