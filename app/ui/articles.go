package ui

import (
	"context"
	"log"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/store"
)

// articleRow is one row of an article list.
type articleRow struct {
	store.ArticleListing
	Entities int    // distinct entities mentioned, -1 when not counted
	Extra    string // said last on the second line, if not ""
}

// listingFetcher loads a page of article listings.
type listingFetcher func(ctx context.Context, limit, offset int) ([]store.ArticleListing, error)

// withEntityCounts wraps a listing fetcher to add each article's entity count.
func (w *Window) withEntityCounts(f listingFetcher) func(context.Context, int, int) ([]articleRow, error) {
	return func(ctx context.Context, limit, offset int) ([]articleRow, error) {
		list, err := f(ctx, limit, offset)
		if err != nil {
			return nil, err
		}
		ids := make([]int64, len(list))
		for i, l := range list {
			ids[i] = l.ID
		}
		counts, err := w.app.Tagging.EntityCounts(ctx, ids)
		if err != nil {
			return nil, err
		}
		rows := make([]articleRow, len(list))
		for i, l := range list {
			rows[i] = articleRow{ArticleListing: l, Entities: counts[l.ID]}
		}
		return rows, nil
	}
}

// newArticleList makes a paged list of articles that opens the one tapped.
func newArticleList(w articleListHost, f listingFetcher, open func(id int64)) *pagedList[articleRow] {
	p := newPagedList[articleRow](w, createArticleRow)
	p.fetch = w.withEntityCounts(f)
	p.fill = fillArticleRow
	p.blank = blankArticleRow
	p.open = func(r articleRow) { open(r.ID) }
	return p
}

// createArticleRow makes a row of two lines: the title, and the source,
// date and entity count.
func createArticleRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	meta := newMuted("Source · date", true, true)
	return container.NewBorder(nil, nil, nil, scrollGutter(), container.New(twoLines{}, title, meta))
}

// articleRowParts returns a row's title, its second line, and the box of
// its lines (where more lines may be added).
func articleRowParts(o fyne.CanvasObject) (title *widget.Label, meta *widget.RichText, lines *fyne.Container) {
	lines = o.(*fyne.Container).Objects[0].(*fyne.Container)
	return lines.Objects[0].(*widget.Label), lines.Objects[1].(*widget.RichText), lines
}

func fillArticleRow(r articleRow, o fyne.CanvasObject) {
	title, meta, _ := articleRowParts(o)
	t := r.Title
	if t == "" {
		t = "(untitled)"
	}
	title.SetText(t)
	setMuted(meta, articleMeta(r))
}

// articleMeta is a row's second line: source · date · N entities.
func articleMeta(r articleRow) string {
	date := dateOnly(r.Published)
	if date == "" {
		date = "undated"
	}
	entities := ""
	if r.Entities >= 0 {
		entities = plural(r.Entities, "entity", "entities")
	}
	return joinNonEmpty(" · ", strings.TrimSpace(r.Source), date, entities, r.Extra)
}

func blankArticleRow(o fyne.CanvasObject) {
	title, meta, _ := articleRowParts(o)
	title.SetText("…")
	setMuted(meta, "")
}

// ArticlesView is the Articles section: every article, sortable, beside the
// reader.
type ArticlesView struct {
	w      viewHost
	list   *pagedList[articleRow]
	sortBy store.ArticleSort
	sort   *widget.Select
	reader *Reader
	root   fyne.CanvasObject
	keys   *listAnchors // pages of the newest-first order read by key
}

// sortChoices map the sort menu's labels to list orders.
var sortChoices = []struct {
	label string
	by    store.ArticleSort
}{{"Newest first", store.SortDate}, {"Title", store.SortTitle}, {"Source", store.SortSource}}

func newArticlesView(w viewHost) *ArticlesView {
	v := &ArticlesView{w: w, sortBy: store.SortDate, reader: newReader(w), keys: newListAnchors()}
	v.list = newArticleList(w, v.fetch, w.openArticle) // a place of the history (nav.go)
	v.list.count = v.count
	var labels []string
	for _, c := range sortChoices {
		labels = append(labels, c.label)
	}
	v.sort = widget.NewSelect(labels, v.onSort)
	v.sort.SetSelectedIndex(0)
	top := container.NewBorder(nil, nil, widget.NewLabel("Sort by"), nil, v.sort)
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, v.list.list), v.reader.content())
	split.Offset = 0.38
	v.root = split
	return v
}

func (v *ArticlesView) fetch(ctx context.Context, limit, offset int) ([]store.ArticleListing, error) {
	if v.sortBy == store.SortDate {
		return v.keys.fetch(ctx, v.w.archive(), limit, offset)
	}
	return v.w.archive().Search.Articles(ctx, v.sortBy, limit, offset)
}

// count counts the articles and, for a long list, has the keys its pages
// are read from read in the background (pages read meanwhile skip with
// OFFSET).
func (v *ArticlesView) count(ctx context.Context) (int, error) {
	a := v.w.archive()
	n, err := a.Search.ArticleCount(ctx)
	if err != nil {
		return 0, err
	}
	v.w.run(func() {
		if err := v.keys.prepare(ctx, a, n); err != nil && ctx.Err() == nil {
			log.Print(err)
		}
	})
	return n, nil
}

func (v *ArticlesView) onSort(label string) {
	for _, c := range sortChoices {
		if c.label == label && c.by != v.sortBy {
			v.sortBy = c.by
			v.reload()
		}
	}
}

// reload reads the list again from the first page.
func (v *ArticlesView) reload() {
	v.keys.forget()
	v.list.reset()
}

func (v *ArticlesView) content() fyne.CanvasObject { return v.root }

// dateOnly returns the date part of an ISO 8601 time.
func dateOnly(iso string) string {
	if len(iso) >= 10 {
		return iso[:10]
	}
	return iso
}

// joinNonEmpty joins the non-empty strings with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
