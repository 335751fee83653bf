package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// pageSize is how many rows a paged list loads at a time.
const pageSize = 100

// maxPages is how many pages a paged list of known length keeps in memory.
const maxPages = 12

// pagedList is a virtual list whose rows are loaded from the archive a page
// at a time, off the UI goroutine, as they scroll into view. With a count
// it knows its length and keeps only the pages near what is shown; without,
// it grows as the person scrolls to its end.
type pagedList[T any] struct {
	w     pageHost
	list  *widgets.KeyList
	fetch func(ctx context.Context, limit, offset int) ([]T, error)
	count func(ctx context.Context) (int, error) // nil: unknown length
	fill  func(row T, o fyne.CanvasObject)
	blank func(o fyne.CanvasObject) // shows a row not loaded yet
	open  func(row T)

	gen      int // bumped by reset: loads of an older generation are dropped
	total    int
	more     bool // unknown length: another page may follow
	pages    map[int][]T
	order    []int // pages in load order, for eviction
	loading  map[int]bool
	selected int
	onError  func(error)
}

// pageHost is what a paged list needs of its window: the archive's context,
// work off the UI goroutine and back on it, and a place to show errors.
type pageHost interface {
	archiveContext() context.Context
	run(f func())
	do(f func())
	showError(err error)
}

// newPagedList makes a paged list; create makes an empty row.
func newPagedList[T any](w pageHost, create func() fyne.CanvasObject) *pagedList[T] {
	p := &pagedList[T]{w: w, selected: -1}
	p.list = &widgets.KeyList{List: widget.List{
		Length:     func() int { return p.total },
		CreateItem: create,
		UpdateItem: p.updateItem,
		OnSelected: p.onSelected,
	}}
	p.list.ExtendBaseWidget(p.list)
	p.onError = w.showError
	return p
}

// reset forgets every row and loads the first page (and the count).
func (p *pagedList[T]) reset() {
	p.gen++
	p.pages, p.loading, p.order = map[int][]T{}, map[int]bool{}, nil
	p.total, p.more, p.selected = 0, p.count == nil, -1
	p.list.UnselectAll()
	p.list.ScrollToOffset(0)
	gen := p.gen
	if p.count != nil {
		ctx := p.w.archiveContext()
		p.w.run(func() {
			n, err := p.count(ctx)
			p.w.do(func() {
				if gen != p.gen {
					return
				}
				if err != nil {
					p.onError(err)
					return
				}
				p.total = n
				p.list.Refresh()
			})
		})
	}
	p.load(0)
	p.list.Refresh()
}

// row returns row i if its page is loaded.
func (p *pagedList[T]) row(i int) (T, bool) {
	pg, ok := p.pages[i/pageSize]
	if !ok || i%pageSize >= len(pg) {
		var zero T
		return zero, false
	}
	return pg[i%pageSize], true
}

func (p *pagedList[T]) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	r, ok := p.row(id)
	if !ok {
		p.blank(o)
		p.load(id / pageSize)
		return
	}
	p.fill(r, o)
	if p.count == nil && p.more && id >= p.total-pageSize/2 {
		p.load(p.total / pageSize)
	}
}

// load fetches a page unless it is loaded or loading.
func (p *pagedList[T]) load(page int) {
	if p.loading[page] || p.pages[page] != nil {
		return
	}
	p.loading[page] = true
	gen, ctx := p.gen, p.w.archiveContext()
	p.w.run(func() {
		rows, err := p.fetch(ctx, pageSize, page*pageSize)
		p.w.do(func() {
			if gen != p.gen {
				return
			}
			delete(p.loading, page)
			if err != nil {
				p.onError(err)
				return
			}
			p.store(page, rows)
			p.list.Refresh()
		})
	})
}

// store keeps a loaded page, evicting the oldest when too many are held.
func (p *pagedList[T]) store(page int, rows []T) {
	if rows == nil {
		rows = []T{}
	}
	p.pages[page] = rows
	p.order = append(p.order, page)
	if p.count == nil {
		end := page*pageSize + len(rows)
		p.total = max(p.total, end)
		p.more = len(rows) == pageSize
		return
	}
	for len(p.order) > maxPages {
		delete(p.pages, p.order[0])
		p.order = p.order[1:]
	}
}

func (p *pagedList[T]) onSelected(id widget.ListItemID) {
	p.selected = id
	if r, ok := p.row(id); ok && p.open != nil {
		p.open(r)
	}
}

// move selects the row delta rows from the selected one.
func (p *pagedList[T]) move(delta int) {
	n := p.list.Length()
	if n == 0 {
		return
	}
	i := min(max(p.selected+delta, 0), n-1)
	p.list.Select(i)
	p.list.ScrollTo(i)
}

// activate opens the selected row again.
func (p *pagedList[T]) activate() {
	if p.selected >= 0 {
		p.onSelected(p.selected)
	}
}
