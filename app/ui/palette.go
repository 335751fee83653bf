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
// the person types, lists them grouped by kind with what tells alike ones
// apart (findings.go), highlights the matched characters, and opens the
// result chosen with the arrow keys and Enter (Esc closes it). In pick mode
// it hands the result to a callback instead.
type Palette struct {
	*findingList
	w      viewHost
	entry  *paletteEntry
	title  *widget.Label
	kind   lookup.Kind
	onPick func(lookup.Result)
	popup  *widget.PopUp
	timer  *time.Timer
	seq    int
}

func newPalette(w viewHost) *Palette {
	p := &Palette{w: w, title: widget.NewLabel("")}
	p.findingList = newFindingList(p.openChosen)
	p.least = 0 // one result is always highlighted: Enter opens it
	p.entry = newPaletteEntry(p)
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
	p.clear()
	p.entry.SetText("")
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
	found, err := lookupFindings(ctx, p.w.archive(), text, kind, paletteLimit)
	p.w.do(func() {
		if seq != p.seq {
			return
		}
		if err != nil {
			p.title.SetText(errorText(err))
			return
		}
		p.set(found, true)
	})
}

// openChosen opens (or picks) the finding chosen.
func (p *Palette) openChosen(f finding) {
	pick := p.onPick
	p.hide()
	if pick != nil {
		pick(f.Result)
		return
	}
	openFinding(p.w, f)
}

// openFinding opens what a finding names: an entity's page, an article,
// a source's or a tag's articles.
func openFinding(w viewHost, f finding) {
	switch f.Kind {
	case lookup.KindEntity:
		w.showEntity(f.ID)
	case lookup.KindTitle:
		w.openArticle(f.ID)
	case lookup.KindSource:
		w.showSource(f.Text, -1) // counted afresh: the index only adds
	case kindTag:
		showTagArticles(w, f.Text, f.Articles)
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
