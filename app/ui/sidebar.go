package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	{sectionOrgs, "Organisations", theme.HomeIcon},
	{sectionPlaces, "Places", theme.NavigateNextIcon},
	{sectionSources, "Sources", theme.StorageIcon},
	{sectionTags, "Tags", theme.ContentAddIcon},
	{sectionImports, "Imports", theme.DownloadIcon},
	{sectionHighlights, "Highlights", theme.ColorPaletteIcon},
	{sectionCollections, "Collections", theme.FolderIcon},
	{sectionWatches, "Watches", theme.VisibilityIcon},
	{sectionCoverage, "Coverage", theme.GridIcon},
}

// Sidebar lists the sections of the main window.
type Sidebar struct {
	list     *widget.List
	onSelect func(name string)
	quiet    bool // set while selecting in code
	badges   map[string]int
}

// setBadge shows a count after a section's name (0 for none).
func (s *Sidebar) setBadge(name string, n int) {
	if s.badges == nil {
		s.badges = map[string]int{}
	}
	s.badges[name] = n
	s.list.Refresh()
}

// label is a section's name with its badge.
func (s *Sidebar) label(id int) string {
	if n := s.badges[sections[id].name]; n > 0 {
		return fmt.Sprintf("%s (%d new)", sections[id].label, n)
	}
	return sections[id].label
}

func newSidebar(onSelect func(string)) *Sidebar {
	s := &Sidebar{onSelect: onSelect}
	s.list = &widget.List{
		Length:     func() int { return len(sections) },
		CreateItem: s.createItem,
		UpdateItem: s.updateItem,
		OnSelected: s.onSelected,
	}
	s.list.ExtendBaseWidget(s.list)
	return s
}

func (s *Sidebar) createItem() fyne.CanvasObject {
	return container.NewHBox(widget.NewIcon(theme.DocumentIcon()), widget.NewLabel("Organisations"))
}

func (s *Sidebar) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Icon).SetResource(sections[id].icon())
	box.Objects[1].(*widget.Label).SetText(s.label(id))
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
