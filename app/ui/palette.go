package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/lookup"
)

// paletteDelay is how long the palette waits after a keystroke before
// looking up, so that fast typing runs one lookup.
const paletteDelay = 60 * time.Millisecond

// paletteLimit is how many results the palette shows.
const paletteLimit = 20

// Palette is the Ctrl+K finder: it looks up entities, titles and sources as
// the person types, highlights the matched characters, and opens the result
// chosen with the arrow keys and Enter (Esc closes it). In pick mode it hands
// the result to a callback instead.
type Palette struct {
	w       viewHost
	entry   *paletteEntry
	title   *widget.Label
	list    *widget.List
	results []lookup.Result
	sel     int
	kind    lookup.Kind
	onPick  func(lookup.Result)
	popup   *widget.PopUp
	timer   *time.Timer
	seq     int
	quiet   bool // set while highlighting a row in code
}

func newPalette(w viewHost) *Palette {
	p := &Palette{w: w, title: widget.NewLabel("")}
	p.entry = newPaletteEntry(p)
	p.list = &widget.List{
		Length:     func() int { return len(p.results) },
		CreateItem: createResultRow,
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) { fillResultRow(p.results[id], o) },
		OnSelected: func(id widget.ListItemID) {
			p.sel = id
			if !p.quiet {
				p.choose()
			}
		},
	}
	p.list.ExtendBaseWidget(p.list)
	return p
}

// showPalette opens the palette to find anything.
func (w *Window) showPalette() {
	w.palette.open("Find people, organisations, places, titles, sources", "", nil)
}

// pick opens the palette to choose one result of a kind.
func (p *Palette) pick(title string, kind lookup.Kind, f func(lookup.Result)) { p.open(title, kind, f) }

func (p *Palette) open(title string, kind lookup.Kind, onPick func(lookup.Result)) {
	p.hide()
	p.title.SetText(title)
	p.kind, p.onPick = kind, onPick
	p.results, p.sel = nil, 0
	p.entry.SetText("")
	p.list.Refresh()
	box := container.NewBorder(container.NewVBox(p.title, p.entry), nil, nil, nil, p.list)
	c := p.w.window().Canvas()
	p.popup = widget.NewModalPopUp(box, c)
	size := fyne.NewSize(min(640, c.Size().Width-40), min(460, c.Size().Height-80))
	p.popup.Resize(size)
	p.popup.ShowAtPosition(fyne.NewPos((c.Size().Width-size.Width)/2, 60))
	c.Focus(p.entry)
}

// hide closes the palette.
func (p *Palette) hide() {
	if p.timer != nil {
		p.timer.Stop()
	}
	p.seq++ // drop lookups in flight
	if p.popup != nil {
		p.popup.Hide()
		p.popup = nil
	}
}

// visible reports whether the palette is open.
func (p *Palette) visible() bool { return p.popup != nil }

// changed schedules a lookup after paletteDelay.
func (p *Palette) changed(text string) {
	p.seq++
	seq := p.seq
	if p.timer != nil {
		p.timer.Stop()
	}
	if p.w.syncMode() {
		p.lookup(seq, text)
		return
	}
	p.timer = time.AfterFunc(paletteDelay, func() { p.lookup(seq, text) })
}

// lookup runs off the UI goroutine and shows its results if still wanted.
func (p *Palette) lookup(seq int, text string) {
	ctx, kind := p.w.archiveContext(), p.kind
	res, err := p.w.archive().Search.Lookup(ctx, text, kind, paletteLimit)
	p.w.do(func() {
		if seq != p.seq {
			return
		}
		if err != nil {
			p.title.SetText(errorText(err))
			return
		}
		p.results = res
		p.list.Refresh()
		p.highlight(0)
	})
}

// move changes the highlighted result.
func (p *Palette) move(delta int) {
	if len(p.results) == 0 {
		return
	}
	p.highlight(min(max(p.sel+delta, 0), len(p.results)-1))
}

// highlight marks result i as the one Enter opens.
func (p *Palette) highlight(i int) {
	p.sel = i
	p.quiet = true
	defer func() { p.quiet = false }()
	if i >= len(p.results) {
		p.list.UnselectAll()
		return
	}
	p.list.Select(i)
	p.list.ScrollTo(i)
}

// choose opens (or picks) the highlighted result.
func (p *Palette) choose() {
	if p.sel >= len(p.results) {
		return
	}
	r, pick := p.results[p.sel], p.onPick
	p.hide()
	if pick != nil {
		pick(r)
		return
	}
	switch r.Kind {
	case lookup.KindEntity:
		p.w.showEntity(r.ID)
	case lookup.KindTitle:
		p.w.openArticle(r.ID)
	case lookup.KindSource:
		p.w.showSource(r.Text, -1)
	}
}

// paletteEntry is the palette's text field; it passes arrows, Enter and Esc
// to the palette.
type paletteEntry struct {
	widget.Entry
	p *Palette
}

func newPaletteEntry(p *Palette) *paletteEntry {
	e := &paletteEntry{p: p}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = "Type a name or title…"
	e.OnChanged = p.changed
	return e
}

// TypedKey handles the palette's keys and leaves the rest to the entry.
func (e *paletteEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.p.move(1)
	case fyne.KeyUp:
		e.p.move(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.p.choose()
	case fyne.KeyEscape:
		e.p.hide()
	default:
		e.Entry.TypedKey(ev)
	}
}

func createResultRow() fyne.CanvasObject {
	kind := widget.NewLabel("Organisation")
	kind.Importance = widget.LowImportance
	text := widget.NewRichText()
	text.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), kind, text)
}

// fillResultRow shows a result with its matched characters in bold.
func fillResultRow(r lookup.Result, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	text, icon, kind := c.Objects[0].(*widget.RichText), c.Objects[1].(*widget.Icon), c.Objects[2].(*widget.Label)
	text.Segments = highlightRunes(r.Text, r.Positions)
	text.Refresh()
	switch r.Kind {
	case lookup.KindEntity:
		icon.SetResource(theme.AccountIcon())
		kind.SetText("Entity")
	case lookup.KindTitle:
		icon.SetResource(theme.DocumentIcon())
		kind.SetText("Article")
	default:
		icon.SetResource(theme.StorageIcon())
		kind.SetText("Source")
	}
}

// highlightRunes splits text into inline segments, with the runes at the
// given (ascending) indexes bold in the primary colour.
func highlightRunes(text string, positions []int) []widget.RichTextSegment {
	hit := make(map[int]bool, len(positions))
	for _, i := range positions {
		hit[i] = true
	}
	var segs []widget.RichTextSegment
	var cur []rune
	curHit := false
	flush := func() {
		if len(cur) == 0 {
			return
		}
		st := widget.RichTextStyleInline
		if curHit {
			st.TextStyle.Bold = true
			st.ColorName = theme.ColorNamePrimary
		}
		segs = append(segs, &widget.TextSegment{Text: string(cur), Style: st})
		cur = nil
	}
	i := 0
	for _, r := range text {
		if hit[i] != curHit {
			flush()
			curHit = hit[i]
		}
		cur = append(cur, r)
		i++
	}
	flush()
	return segs
}
