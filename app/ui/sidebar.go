package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// Sidebar sections.
const (
	sectionArticles = "articles"
	sectionPeople   = "people"
	sectionOrgs     = "orgs"
	sectionPlaces   = "places"
	sectionSources  = "sources"
	sectionTags     = "tags"
	sectionImports  = "imports"

	sectionHighlights  = "highlights"  // the research workbench (highlights.go,
	sectionCollections = "collections" // collections.go, watches.go)
	sectionWatches     = "watches"
	sectionCoverage    = "coverage"
)

// section is one entry of the sidebar.
type section struct {
	name, label string
	icon        func() fyne.Resource // called when drawn: theme calls at package init would wake Fyne
}

var sections = []section{
	{sectionArticles, "Articles", theme.DocumentIcon},
	{sectionPeople, "People", theme.AccountIcon},
	{sectionOrgs, "Organisations", assetIcon("organisation")},
	{sectionPlaces, "Places", assetIcon("place")},
	{sectionSources, "Sources", assetIcon("source")},
	{sectionTags, "Tags", assetIcon("tag")},
	{sectionImports, "Imports", theme.DownloadIcon},
	{sectionHighlights, "Highlights", assetIcon("highlight")},
	{sectionCollections, "Collections", theme.FolderIcon},
	{sectionWatches, "Watches", theme.VisibilityIcon},
	{sectionCoverage, "Coverage", assetIcon("chart")},
}

// Sidebar lists the sections of the main window.
type Sidebar struct {
	list     *widgets.KeyList
	onSelect func(name string)
	quiet    bool           // set while selecting in code
	badges   map[string]int // new items (a watch's new articles), shown in place of the count
	counts   map[string]int // how many each section lists; absent while unknown
}

// setBadge shows a section's new items after its name, in place of its
// count (0 for none).
func (s *Sidebar) setBadge(name string, n int) {
	if s.badges == nil {
		s.badges = map[string]int{}
	}
	s.badges[name] = n
	s.list.Refresh()
}

// setCounts shows how many each section of c lists.
func (s *Sidebar) setCounts(c map[string]int) {
	if s.counts == nil {
		s.counts = map[string]int{}
	}
	for name, n := range c {
		s.counts[name] = n
	}
	s.list.Refresh()
}

// setCount shows how many a section lists.
func (s *Sidebar) setCount(name string, n int) { s.setCounts(map[string]int{name: n}) }

// count is what a section shows after its name: its new items ("3 new"),
// else its count, else nothing; badge tells whether it is new items.
func (s *Sidebar) count(id int) (text string, badge bool) {
	name := sections[id].name
	if n := s.badges[name]; n > 0 {
		return shortCount(n) + " new", true
	}
	if n, ok := s.counts[name]; ok {
		return shortCount(n), false
	}
	return "", false
}

// shortCount writes n so that it fits beside a section's name: 987,
// 9,876, 98.8k, 987k, 1.23M.
func shortCount(n int) string {
	switch {
	case n < 1_000:
		return fmt.Sprint(n)
	case n < 10_000:
		return fmt.Sprintf("%d,%03d", n/1000, n%1000)
	case n < 100_000:
		return fmt.Sprintf("%.1fk", float64(n/100)/10)
	case n < 1_000_000:
		return fmt.Sprintf("%dk", n/1000)
	default:
		return fmt.Sprintf("%.2fM", float64(n/10_000)/100)
	}
}

func newSidebar(onSelect func(string)) *Sidebar {
	s := &Sidebar{onSelect: onSelect}
	s.list = &widgets.KeyList{List: widget.List{
		Length:     func() int { return len(sections) },
		CreateItem: s.createItem,
		UpdateItem: s.updateItem,
		OnSelected: s.onSelected,
	}}
	s.list.ExtendBaseWidget(s.list)
	return s
}

// createItem is a section's row: icon, name, and its count at the right.
func (s *Sidebar) createItem() fyne.CanvasObject {
	name := widget.NewLabel("Organisations") // the longest: the sidebar is never narrower
	n := widget.NewRichText(&widget.TextSegment{Text: "999 new", Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}})
	return container.NewBorder(nil, nil, widget.NewIcon(theme.DocumentIcon()), n, name)
}

func (s *Sidebar) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container) // Border: center, left, right
	box.Objects[0].(*widget.Label).SetText(sections[id].label)
	box.Objects[1].(*widget.Icon).SetResource(sections[id].icon())
	text, badge := s.count(id)
	seg := &widget.TextSegment{Text: text, Style: widget.RichTextStyleInline}
	seg.Style.Alignment = fyne.TextAlignTrailing
	seg.Style.ColorName = theme.ColorNamePlaceHolder // dimmer than the name, legible on the selection
	if badge {
		seg.Style.ColorName, seg.Style.TextStyle.Bold = theme.ColorNamePrimary, true
	}
	n := box.Objects[2].(*widget.RichText)
	n.Segments = []widget.RichTextSegment{seg}
	n.Refresh()
}

func (s *Sidebar) onSelected(id widget.ListItemID) {
	if !s.quiet {
		s.onSelect(sections[id].name)
	}
}

// selectSection highlights a section without acting on it; "" clears.
func (s *Sidebar) selectSection(name string) {
	s.quiet = true
	defer func() { s.quiet = false }()
	for i, sec := range sections {
		if sec.name == name {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

// sectionView builds the view of a section; nil for an unknown name.
func (w *Window) sectionView(name string) fyne.CanvasObject {
	var v fyne.CanvasObject
	w.keyFocus = nil
	switch name {
	case sectionArticles:
		w.articles.reload()
		v = w.articles.content()
		w.keyFocus = w.articles.list
	case sectionPeople:
		v = newEntityList(w, store.TypePerson).content()
	case sectionOrgs:
		v = newEntityList(w, store.TypeOrg).content()
	case sectionPlaces:
		v = newEntityList(w, store.TypePlace).content()
	case sectionSources:
		v = newSourcesView(w).content()
	case sectionTags:
		v = newTagsView(w).content()
	case sectionImports:
		v = w.jobs.content()
	case sectionHighlights:
		v = newHighlightsView(w).content()
	case sectionCollections:
		v = newCollectionsView(w).content()
	case sectionWatches:
		v = newWatchesView(w).content()
	case sectionCoverage:
		v = newCoverageView(w).content()
	}
	return v
}
