package ui

import (
	"context"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
)

// Header is the bar at the top of the main window: the back and forward
// arrows, a search field always in view, and the shortcuts a new person
// would not otherwise know of. Enter in the field searches the full text
// (the search view); typing offers the palette's matches under it, grouped
// by kind, which Up and Down highlight, Enter opens and Esc closes.
type Header struct {
	w       *Window
	entry   *headerEntry
	back    *widgets.IconButton
	forward *widgets.IconButton
	matches *findingList
	layer   *fyne.Container // over the window's body: holds the matches
	panelBg *canvas.Rectangle
	root    fyne.CanvasObject
	timer   *time.Timer
	seq     int
}

// headerMatches is how many matches the header offers.
const headerMatches = 12

func newHeader(w *Window) *Header {
	h := &Header{w: w}
	h.entry = newHeaderEntry(h)
	h.matches = newFindingList(h.openMatch)
	h.back = widgets.NewIconButton(theme.NavigateBackIcon(), "Back ("+shortcutText(shortcutBack)+")", func() { w.historyBack() })
	h.forward = widgets.NewIconButton(theme.NavigateNextIcon(), "Forward ("+shortcutText(shortcutForward)+")", func() { w.historyForward() })
	h.back.Importance, h.forward.Importance = widget.LowImportance, widget.LowImportance
	h.updateNav(false, false)
	hints := newMuted(shortcutHints(), true, false)
	h.root = container.NewBorder(nil, nil, container.NewHBox(h.back, h.forward), container.NewHBox(hints, widget.NewLabel("")), h.entry)
	h.panelBg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	h.panelBg.StrokeWidth = 1
	h.panelBg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	panel := container.NewStack(h.panelBg, container.NewPadded(h.matches.list))
	h.layer = container.New(&matchesLayout{h: h}, panel)
	h.layer.Hide()
	return h
}

func (h *Header) content() fyne.CanvasObject { return h.root }

// shortcutHints names the window's main shortcuts, with the modifier of
// the system.
func shortcutHints() string {
	mod := "Ctrl+"
	if runtime.GOOS == "darwin" {
		mod = "⌘"
	}
	return strings.NewReplacer("^", mod).Replace("^K find anything · ^F search text · ^I import")
}

// updateNav enables the arrows that have somewhere to go.
func (h *Header) updateNav(back, forward bool) {
	for _, b := range []struct {
		btn *widgets.IconButton
		on  bool
	}{{h.back, back}, {h.forward, forward}} {
		if b.on {
			b.btn.Enable()
		} else {
			b.btn.Disable()
		}
	}
}

// focusSearch puts the cursor in the header's field (Ctrl+F, Go → Search
// text); asked again while it is there, it opens the search view with what
// is typed, filters and all.
func (w *Window) focusSearch() {
	c := w.win.Canvas()
	if c.Focused() == w.header.entry {
		if text := w.header.entry.Text; strings.TrimSpace(text) != "" {
			w.searchFor(text)
		} else {
			w.showSearch()
		}
		return
	}
	c.Focus(w.header.entry)
	w.header.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// searchFor opens the search view on a query (none: the empty view).
func (w *Window) searchFor(query string) {
	v := newSearchView(w)
	v.query.SetText(strings.TrimSpace(query))
	w.showPage(v.root)
	w.keyFocus = v.list
	v.run()
}

// submit opens the highlighted match, or else searches the text typed.
func (h *Header) submit() {
	if h.layer.Visible() && h.matches.choose() {
		return
	}
	h.hideMatches()
	h.w.searchFor(h.entry.Text)
}

// openMatch opens a match chosen.
func (h *Header) openMatch(f finding) {
	h.hideMatches()
	openFinding(h.w, f)
}

// changed schedules a lookup of what is typed.
func (h *Header) changed(text string) {
	h.seq++
	seq := h.seq
	if h.timer != nil {
		h.timer.Stop()
	}
	if strings.TrimSpace(text) == "" {
		h.hideMatches()
		return
	}
	ctx, a := h.w.ctx, h.w.app // read on the UI goroutine
	if h.w.syncMode() {
		h.lookup(ctx, a, seq, text)
		return
	}
	h.timer = time.AfterFunc(paletteDelay, func() { h.lookup(ctx, a, seq, text) })
}

// lookup runs off the UI goroutine and shows the matches if still wanted.
func (h *Header) lookup(ctx context.Context, a *app.App, seq int, text string) {
	w := h.w
	found, err := lookupFindings(ctx, a, text, "", headerMatches)
	w.do(func() {
		if seq != h.seq {
			return
		}
		if err != nil {
			w.setStatus(errorText(err))
			return
		}
		h.matches.set(found, false)
		if len(h.matches.results) == 0 {
			h.layer.Hide()
			return
		}
		h.panelBg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
		h.panelBg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
		h.layer.Show()
		h.layer.Refresh()
	})
}

// hideMatches closes the matches and drops lookups in flight.
func (h *Header) hideMatches() {
	if h.timer != nil {
		h.timer.Stop()
	}
	h.seq++
	if h.layer.Visible() {
		h.layer.Hide()
		h.matches.clear()
	}
}

// matchesShown reports whether the matches are open.
func (h *Header) matchesShown() bool { return h.layer.Visible() }

// matchesLayout places the matches under the header's field, as wide as it
// (at least matchesMinWidth) and as tall as they are (at most most of the
// window).
type matchesLayout struct{ h *Header }

const matchesMinWidth = 480

func (l *matchesLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

func (l *matchesLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x, width := float32(0), size.Width
	d := fyne.CurrentApp().Driver()
	if l.h.entry.Size().Width > 0 {
		x = d.AbsolutePositionForObject(l.h.entry).X - d.AbsolutePositionForObject(l.h.layer).X
		width = max(l.h.entry.Size().Width, matchesMinWidth)
	}
	width = min(width, size.Width)
	x = max(min(x, size.Width-width), 0)
	height := min(l.h.matches.height()+2*theme.Padding(), size.Height*0.7)
	for _, o := range objs {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(width, height))
	}
}

// headerEntry is the header's field: it passes Up, Down, Enter and Esc to
// the header.
type headerEntry struct {
	widget.Entry
	h *Header
}

func newHeaderEntry(h *Header) *headerEntry {
	e := &headerEntry{h: h}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = "Search the archive: names, titles, sources, tags; Enter searches the full text"
	e.OnChanged = h.changed
	return e
}

// TypedKey handles the header's keys and leaves the rest to the entry.
func (e *headerEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		e.h.matches.move(1)
	case fyne.KeyUp:
		e.h.matches.move(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		e.h.submit()
	case fyne.KeyEscape:
		if e.h.matchesShown() {
			e.h.hideMatches()
			return
		}
		e.h.w.win.Canvas().Unfocus()
	default:
		if !widgets.PassFunctionKey(e, ev) {
			e.Entry.TypedKey(ev)
		}
	}
}

// FocusLost closes the matches a moment later, unless the focus went to
// them: a tap on a match moves the focus to their list before choosing it.
func (e *headerEntry) FocusLost() {
	e.Entry.FocusLost()
	h := e.h
	if h.w.syncMode() {
		return
	}
	seq := h.seq
	time.AfterFunc(focusGrace, func() {
		fyne.Do(func() {
			f := h.w.win.Canvas().Focused()
			if seq == h.seq && f != e && f != fyne.Focusable(h.matches.list) {
				h.hideMatches()
			}
		})
	})
}

// focusGrace is how long the matches stay after the field loses the focus.
const focusGrace = 150 * time.Millisecond
