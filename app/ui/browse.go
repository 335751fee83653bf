package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// heading is a view's title.
func heading(text string) fyne.CanvasObject {
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyleSubHeading})
}

// FilteredArticles is a page of some of the articles (a tag's, a source's)
// beside a reader of their own.
type FilteredArticles struct {
	root fyne.CanvasObject
	list *pagedList[articleRow]
}

func newFilteredArticles(w viewHost, title string, n int, fetch listingFetcher) *FilteredArticles {
	r := newReader(w)
	v := &FilteredArticles{list: newArticleList(w, fetch, r.show)}
	v.list.count = func(context.Context) (int, error) { return n, nil }
	v.list.reset()
	top := container.NewVBox(heading(title), widget.NewLabel(articlesText(n)))
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, v.list.list), r.content())
	split.Offset = 0.38
	v.root = split
	w.focusKeys(v.list)
	return v
}

func (v *FilteredArticles) content() fyne.CanvasObject { return v.root }

// SourcesView is the Sources section: each publication with its article
// count; a source opens its articles.
type SourcesView struct {
	w       viewHost
	sources []store.SourceSpan
	list    *widgets.KeyList
	info    *widget.Label
	chart   *sourcesChart
}

func newSourcesView(w viewHost) *SourcesView {
	v := &SourcesView{w: w, info: widget.NewLabel(""), chart: newSourcesChart(w)}
	v.list = &widgets.KeyList{List: widget.List{
		Length:     func() int { return len(v.sources) },
		CreateItem: countRow,
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			setCountRow(o, v.sources[id].Name+spanText(v.sources[id]), v.sources[id].Articles)
		},
		OnSelected: func(id widget.ListItemID) { w.showSource(v.sources[id].Name, v.sources[id].Articles) },
	}}
	v.list.ExtendBaseWidget(v.list)
	ctx := w.archiveContext()
	w.run(func() {
		sources, err := w.archive().Search.SourceSpans(ctx)
		w.do(func() {
			if err != nil {
				v.info.SetText(errorText(err))
				return
			}
			v.sources = sources
			v.chart.load(sources)
			v.info.SetText(fmt.Sprintf("%d sources", len(sources)))
			v.list.Refresh()
		})
	})
	return v
}

func (v *SourcesView) content() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(heading("Sources"), v.chart.content()), v.info, nil, nil, v.list)
}

// showSource shows a source's articles; n < 0 counts them first.
func (w *Window) showSource(name string, n int) {
	fetch := func(ctx context.Context, limit, offset int) ([]store.ArticleListing, error) {
		return w.app.Search.SourceArticles(ctx, name, limit, offset)
	}
	if n >= 0 {
		w.showPage(newFilteredArticles(w, name, n, fetch).content())
		return
	}
	ctx := w.ctx
	w.run(func() {
		n := 0
		sources, err := w.app.Search.Sources(ctx)
		for _, s := range sources {
			if s.Name == name {
				n = s.Articles
			}
		}
		w.do(func() {
			if err != nil {
				w.showError(err)
				return
			}
			w.showPage(newFilteredArticles(w, name, n, fetch).content())
		})
	})
}
