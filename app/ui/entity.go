package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/chart"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// maxCooccurring is how many co-occurring entities an entity page lists.
const maxCooccurring = 30

// EntityPage shows one entity: its names, counts, a timeline of the
// articles mentioning it, the entities mentioned with it, and those
// articles with each mention in context. Its toolbar corrects the entity.
type EntityPage struct {
	w        entityPageHost
	id       int64
	ent      store.Entity
	coocs    []store.Cooccurrence
	timeline *chart.Table
	articles *pagedList[store.EntityArticle]
	root     *fyne.Container
}

// showEntity opens an entity's page.
func (w *Window) showEntity(id int64) *EntityPage {
	p := newEntityPage(w, id)
	w.showPage(p.root)
	w.entity = p
	return p
}

func newEntityPage(w entityPageHost, id int64) *EntityPage {
	p := &EntityPage{w: w, id: id, root: container.NewStack(container.NewCenter(widget.NewLabel("Loading…")))}
	p.load()
	return p
}

// load reads the entity and shows it.
func (p *EntityPage) load() {
	ctx, a := p.w.archiveContext(), p.w.archive()
	p.w.run(func() {
		ent, err := a.Tagging.Entity(ctx, p.id)
		var coocs []store.Cooccurrence
		var months *chart.Table
		if err == nil {
			coocs, err = a.Tagging.Cooccurring(ctx, p.id, maxCooccurring)
		}
		if err == nil {
			months, err = a.Search.Coverage(ctx, []search.SeriesSpec{p.spec()}, search.CoverageOptions{})
		}
		p.w.do(func() {
			if err != nil {
				p.root.Objects = []fyne.CanvasObject{container.NewCenter(widget.NewLabel(errorText(err)))}
				p.root.Refresh()
				return
			}
			p.ent, p.coocs, p.timeline = ent, coocs, months
			p.build()
		})
	})
}

func (p *EntityPage) build() {
	p.articles = newPagedList[store.EntityArticle](p.w, createContextRow)
	p.articles.fetch = func(ctx context.Context, limit, offset int) ([]store.EntityArticle, error) {
		return p.w.archive().Tagging.EntityArticles(ctx, p.id, limit, offset)
	}
	p.articles.count = func(context.Context) (int, error) { return p.ent.Articles, nil }
	p.articles.fill = fillContextRow
	p.articles.blank = func(o fyne.CanvasObject) { fillContextRow(store.EntityArticle{}, o) }
	p.articles.open = func(a store.EntityArticle) { p.w.openArticle(a.ID) }
	p.articles.reset()
	p.w.focusKeys(p.articles)

	left := container.NewBorder(
		container.NewVBox(p.timelineView(), sectionLabel("Mentioned with")),
		nil, nil, nil, p.cooccurringList())
	right := container.NewBorder(sectionLabel("Articles, with each mention in context"), nil, nil, nil, p.articles.list)
	split := container.NewHSplit(left, right)
	split.Offset = 0.34
	p.root.Objects = []fyne.CanvasObject{container.NewBorder(p.header(), nil, nil, nil, split)}
	p.root.Refresh()
}

// header shows the entity's name, type, aliases and counts, and its actions.
func (p *EntityPage) header() fyne.CanvasObject {
	e := p.ent
	title := widget.NewRichText(&widget.TextSegment{Text: e.Name, Style: widget.RichTextStyleHeading})
	kind := container.NewHBox(newTypeDot(e.Type), widget.NewLabel(typeLabel(e.Type)))
	counts := widget.NewLabel(fmt.Sprintf("%s · %d mentions", articlesText(e.Articles), e.Mentions))
	info := container.NewHBox(kind, counts)
	if e.Confirmed {
		info.Add(widget.NewLabelWithStyle("corrected by you", fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	}
	aliases := widget.NewLabel("Also written: " + strings.Join(e.Aliases, ", "))
	aliases.Wrapping = fyne.TextWrapWord
	if len(e.Aliases) == 0 {
		aliases.Hide()
	}
	return container.NewVBox(container.NewBorder(nil, nil, nil, p.toolbar(), title), info, aliases, widget.NewSeparator())
}

// toolbar holds the entity's corrections.
func (p *EntityPage) toolbar() fyne.CanvasObject {
	split := widgets.NewButton("Split alias…", p.askSplit)
	if len(p.ent.Aliases) == 0 {
		split.Disable()
	}
	notEntity := widgets.NewButtonWithIcon("Not an entity", theme.DeleteIcon(), p.askReject)
	notEntity.Importance = widget.DangerImportance
	return container.NewHBox(
		widgets.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), p.askRename),
		widgets.NewButton("Change type…", p.askRetype),
		widgets.NewButton("Merge into…", p.askMerge),
		widgets.NewButton("Add alias…", p.askAddAlias),
		split, notEntity, p.collectButton())
}

// cooccurringList lists the entities mentioned in the same articles.
func (p *EntityPage) cooccurringList() fyne.CanvasObject {
	if len(p.coocs) == 0 {
		return widget.NewLabel("No other entity shares an article with it.")
	}
	l := &widgets.KeyList{List: widget.List{
		Length:     func() int { return len(p.coocs) },
		CreateItem: createEntityRow,
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			c := p.coocs[id]
			e := c.Entity
			e.Aliases = nil
			fillEntityRow(e, o)
			setCountRow(o.(*fyne.Container).Objects[0], e.Name, -c.Articles)
		},
		OnSelected: func(id widget.ListItemID) { p.w.showEntity(p.coocs[id].Entity.ID) },
	}}
	l.ExtendBaseWidget(l)
	return l
}

func sectionLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func createContextRow() fyne.CanvasObject {
	row := createArticleRow()
	_, _, lines := articleRowParts(row)
	lines.Add(widgets.NewFitText())
	return row
}

func fillContextRow(a store.EntityArticle, o fyne.CanvasObject) {
	if a.ID == 0 {
		blankArticleRow(o)
	} else {
		extra := ""
		if n := len(a.Contexts); n > 1 {
			extra = fmt.Sprintf("%d mentions", n)
		}
		fillArticleRow(articleRow{ArticleListing: a.ArticleListing, Entities: -1, Extra: extra}, o)
	}
	_, _, lines := articleRowParts(o)
	lines.Objects[2].(*widgets.FitText).SetSegments(snippetSegments(mentionContexts(a.Contexts)))
}
