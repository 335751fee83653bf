package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Back and forward through what the window showed, like a browser: each
// section, article, entity page, search and list of a source's or a tag's
// articles opened is a place in the window's History; Alt+Left and
// Alt+Right (Go menu) and the header's arrows move through them, and Esc
// on a page goes back.
//
// Mouse back and forward buttons: Fyne 2.7 hands buttons 4 and 5 to
// widgets as desktop.MouseButton 0, both alike, and only to the widget
// under the pointer, so they cannot be told apart and are not used.

// maxHistory is how many places the window remembers.
const maxHistory = 200

// place is something the window showed: a sidebar section (with the
// article open in the Articles reader), or a page that is no section.
type place struct {
	section string            // the section, "" for a page
	article int64             // the article open in the Articles section
	page    fyne.CanvasObject // the page shown (entity, search, list...)
	keys    keyboardTarget    // what the arrow keys moved there
	entity  *EntityPage       // the entity page, when page is one
	state   string            // what the page showed, when it shows one of several (a search's query)
	reshow  func()            // brings that back (nil: the page is shown as it is)
}

// Shortcuts of the history.
var (
	shortcutBack    = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}
	shortcutForward = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}
)

// leave notes, before the window shows something else, what the current
// place had come to show: the article in the reader, the keys' target.
func (w *Window) leave() {
	if w.restoring {
		return
	}
	cur, ok := w.history.Current()
	if !ok {
		return
	}
	cur.keys = w.keyFocus
	if cur.page == nil && cur.section == sectionArticles {
		cur.article = w.articles.reader.id
	}
	if cur.page != nil && w.entity != nil && w.entity.root == cur.page {
		cur.entity = w.entity
	}
	w.history.Replace(cur)
}

// visit records the place now shown; opening the first article in the
// Articles section takes the place of the section without one.
func (w *Window) visit(p place) {
	if w.header != nil {
		w.header.hideMatches()
	}
	if w.restoring {
		return
	}
	if cur, ok := w.history.Current(); ok {
		switch {
		case cur.page == p.page && cur.section == p.section && cur.article == p.article && cur.state == p.state:
			return
		case p.page == nil && cur.page == nil && cur.section == sectionArticles &&
			p.section == sectionArticles && cur.article == 0:
			w.history.Replace(p)
			w.updateNav()
			return
		}
	}
	w.history.Visit(p)
	w.updateNav()
}

// quietly does f without recording what it shows.
func (w *Window) quietly(f func()) {
	was := w.restoring
	w.restoring = true
	defer func() { w.restoring = was }()
	f()
}

// restore shows a place of the history again.
func (w *Window) restore(p place) {
	w.quietly(func() {
		if p.page != nil {
			w.showPage(p.page)
			w.keyFocus = p.keys
			if p.entity != nil {
				w.entity = p.entity
			}
			if p.reshow != nil {
				p.reshow()
			}
			return
		}
		w.showSection(p.section)
		if p.article != 0 && p.article != w.articles.reader.id {
			w.articles.reader.show(p.article)
		}
	})
	w.updateNav()
}

// historyBack shows the place before the current one.
func (w *Window) historyBack() bool {
	w.leave()
	p, ok := w.history.Back()
	if ok {
		w.restore(p)
	}
	return ok
}

// historyForward shows the place after the current one.
func (w *Window) historyForward() bool {
	w.leave()
	p, ok := w.history.Forward()
	if ok {
		w.restore(p)
	}
	return ok
}

// goBack leaves the current page for good (it was deleted, merged away):
// the place before it is shown and the places ahead are forgotten.
func (w *Window) goBack() bool {
	if !w.historyBack() {
		return false
	}
	w.history.DropForward()
	w.updateNav()
	return true
}

// updateNav enables the arrows that have somewhere to go.
func (w *Window) updateNav() {
	if w.header != nil {
		w.header.updateNav(w.history.CanBack(), w.history.CanForward())
	}
}

// noteState records that a page shown now shows something else (a search
// view, another query): a new place of the history, on the same page, that
// reshow brings back. The page's first state takes its place.
func (w *Window) noteState(page fyne.CanvasObject, state string, reshow func()) {
	if w.restoring {
		return
	}
	cur, ok := w.history.Current()
	if !ok || cur.page != page || cur.state == state {
		return
	}
	p := place{page: page, state: state, reshow: reshow, keys: w.keyFocus}
	if cur.state == "" {
		w.history.Replace(p)
	} else {
		w.leave()
		w.history.Visit(p)
	}
	w.updateNav()
}
