package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/app/workbench"
	"github.com/newsarchive/newsarchive/store"
)

// WatchesView lists the watches with their counts of new articles;
// opening one shows its articles, the new ones first, and marks them seen.
type WatchesView struct {
	w      *Window
	all    []workbench.WatchStatus
	names  *widgets.KeyList
	header *widget.Label
	hits   *widgets.KeyList
	rows   []watchRow
	root   fyne.CanvasObject
}

type watchRow struct {
	hit   store.SearchHit
	fresh bool
}

func newWatchesView(w *Window) *WatchesView {
	v := &WatchesView{w: w, header: widget.NewLabel("Choose a watch. Make one from a search (Watch this search…) or with: newsarchive watch add NAME QUERY")}
	v.header.Wrapping = fyne.TextWrapWord
	v.names = widgets.NewKeyList(func() int { return len(v.all) },
		func() fyne.CanvasObject { return widget.NewLabel("watch name (00 new)") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			ws := v.all[id]
			text := ws.Name
			if ws.New > 0 {
				text += fmt.Sprintf("  (%d new)", ws.New)
			}
			o.(*widget.Label).SetText(text)
		})
	v.names.OnSelected = func(id widget.ListItemID) { v.open(v.all[id].Name) }
	v.hits = widgets.NewKeyList(func() int { return len(v.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := v.rows[id]
			mark := ""
			if r.fresh {
				mark = "NEW  "
			}
			l := o.(*widget.Label)
			l.TextStyle.Bold = r.fresh
			l.SetText(mark + joinNonEmpty("  ·  ", r.hit.Title, r.hit.Source, displayDate(r.hit.Published, "")))
		})
	v.hits.OnSelected = func(id widget.ListItemID) {
		v.hits.UnselectAll()
		v.w.openArticle(v.rows[id].hit.ID)
	}
	split := container.NewHSplit(v.names, container.NewBorder(v.header, nil, nil, nil, v.hits))
	split.Offset = 0.3
	v.root = split
	return v
}

func (v *WatchesView) content() fyne.CanvasObject {
	v.reload()
	return v.root
}

// reload counts every watch's new articles again.
func (v *WatchesView) reload() {
	ctx, a := v.w.ctx, v.w.app
	v.w.run(func() {
		ws, err := a.Workbench.Watches(ctx)
		v.w.do(func() {
			if err != nil {
				v.w.showError(err)
				return
			}
			v.all = ws
			v.names.Refresh()
			v.w.sidebar.setBadge(sectionWatches, newCount(ws))
		})
	})
}

func newCount(ws []workbench.WatchStatus) int {
	n := 0
	for _, w := range ws {
		n += w.New
	}
	return n
}

// open shows a watch's articles, new ones first, and marks them seen.
func (v *WatchesView) open(name string) {
	ctx, a := v.w.ctx, v.w.app
	v.w.run(func() {
		wv, err := a.Workbench.OpenWatch(ctx, name)
		v.w.do(func() {
			if err != nil {
				v.w.showError(err)
				return
			}
			v.rows = v.rows[:0]
			for _, h := range wv.NewHits {
				v.rows = append(v.rows, watchRow{h, true})
			}
			for _, h := range wv.Seen {
				v.rows = append(v.rows, watchRow{h, false})
			}
			v.header.SetText(fmt.Sprintf("%s — “%s”: %d new, %d seen before", wv.Name, wv.Query, len(wv.NewHits), len(wv.Seen)))
			v.hits.Refresh()
			v.hits.ScrollToTop()
		})
	})
}

// refreshWatchBadge counts the watches' new articles for the sidebar
// (after an import, or when the archive opens), with the other sections'
// counts (counts.go).
func (w *Window) refreshWatchBadge() { w.countsChanged() }
