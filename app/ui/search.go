package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// SearchView is the Ctrl+F full-text search: a query, filters (dates,
// source, an entity mentioned, a type of entity mentioned), and the
// matching articles with their snippets, the matched words highlighted,
// beside a reader.
type SearchView struct {
	w        viewHost
	query    *widgets.Entry
	from, to *widgets.Entry
	source   *widgets.SelectEntry
	entity   *widgets.Entry
	typ      *widgets.Select
	byDate   *widgets.Check
	info     *widget.Label
	list     *pagedList[hitRow]
	reader   *Reader
	opt      search.Options
	text     string
	root     fyne.CanvasObject
}

// hitRow is a search hit with the number of entities its article mentions.
type hitRow struct {
	store.SearchHit
	Entities int
}

// anyType is the type filter's choice for no filter.
const anyType = "Any type"

// showSearch opens the search view, or focuses its query when shown.
func (w *Window) showSearch() {
	v := newSearchView(w)
	w.showPage(v.root)
	w.keyFocus = v.list
	w.win.Canvas().Focus(v.query)
}

func newSearchView(w viewHost) *SearchView {
	v := &SearchView{w: w, info: widget.NewLabel("Type words to find; \"quotes\" for a phrase, -word to exclude."), reader: newReader(w)}
	v.query = submitEntry("Search the text of every article…", func(string) { v.run() })
	v.query.ExtendBaseWidget(v.query)
	v.from = submitEntry("from YYYY-MM-DD", func(string) { v.run() })
	v.from.ExtendBaseWidget(v.from)
	v.to = submitEntry("to YYYY-MM-DD", func(string) { v.run() })
	v.to.ExtendBaseWidget(v.to)
	v.entity = submitEntry("mentioning…", func(string) { v.run() })
	v.entity.ExtendBaseWidget(v.entity)
	pick := widgets.NewIconButton(theme.AccountIcon(), "Pick a person, organisation or place", v.pickEntity)
	pick.Importance = widget.LowImportance
	v.entity.ActionItem = pick
	v.typ = widgets.NewSelect(append([]string{anyType}, append(typeLabels(), "Other")...), func(string) { v.run() })
	v.typ.Selected = anyType
	v.source = widgets.NewSelectEntry(nil)
	v.source.PlaceHolder = "any source"
	v.source.OnSubmitted = func(string) { v.run() }
	v.byDate = widgets.NewCheck("newest first", func(bool) { v.run() })
	v.info.Wrapping = fyne.TextWrapWord
	v.list = newPagedList[hitRow](w, createHitRow)
	v.list.fetch = v.fetch
	v.list.fill = fillHitRow
	v.list.blank = func(o fyne.CanvasObject) {
		fillHitRow(hitRow{SearchHit: store.SearchHit{Title: "…"}, Entities: -1}, o)
	}
	v.list.open = func(h hitRow) { v.reader.show(h.ID) }
	v.list.onError = func(err error) { v.info.SetText(errorText(err)) }
	v.loadSources()

	go_ := widgets.NewButtonWithIcon("Search", theme.SearchIcon(), v.run)
	go_.Importance = widget.HighImportance
	filters := container.NewGridWithColumns(3, v.from, v.to, v.source, v.entity, v.typ, v.byDate)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, go_, v.query), filters, v.info, v.workbenchButtons())
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, v.list.list), v.reader.content())
	split.Offset = 0.45
	v.root = split
	return v
}

// loadSources offers the archive's sources in the source filter.
func (v *SearchView) loadSources() {
	ctx := v.w.archiveContext()
	v.w.run(func() {
		sources, err := v.w.archive().Search.Sources(ctx)
		if err != nil {
			return // the filter still takes typed names
		}
		names := make([]string, len(sources))
		for i, s := range sources {
			names[i] = s.Name
		}
		v.w.do(func() { v.source.SetOptions(names) })
	})
}

// run searches for what is typed.
func (v *SearchView) run() {
	v.text = strings.TrimSpace(v.query.Text)
	v.opt = search.Options{From: v.from.Text, To: v.to.Text, Source: strings.TrimSpace(v.source.Text),
		Entity: strings.TrimSpace(v.entity.Text), Type: searchType(v.typ.Selected)}
	if v.byDate.Checked {
		v.opt.Sort = store.ByDate
	}
	if v.text == "" {
		return
	}
	v.w.noteState(v.root, v.state(), v.reshower())
	v.info.SetText("Searching…")
	v.list.reset()
}

// searchType is the search's type filter for a label of the type menu.
func searchType(label string) string {
	switch label {
	case anyType, "":
		return ""
	case "Other":
		return "misc"
	}
	return typeByLabel(label)
}

// pickEntity chooses the entity filter with the palette.
func (v *SearchView) pickEntity() {
	v.w.pick("Find articles mentioning…", lookup.KindEntity, func(r lookup.Result) {
		v.entity.SetText(r.Text)
		v.run()
	})
}

func (v *SearchView) fetch(ctx context.Context, limit, offset int) ([]hitRow, error) {
	if v.text == "" {
		return nil, nil
	}
	opt := v.opt
	opt.Limit, opt.Offset = limit, offset
	res, err := v.w.archive().Search.Search(ctx, v.text, opt)
	if err != nil {
		return nil, err
	}
	if offset == 0 {
		msg := fmt.Sprintf("%d matching articles", res.Total)
		switch {
		case res.Approx:
			msg = fmt.Sprintf("about %d matching articles", res.Total) // too many to count: estimated
		case !res.TotalExact:
			msg = fmt.Sprintf("at least %d matching articles", res.Total)
		}
		if res.Total == 1 && res.TotalExact {
			msg = "1 matching article"
		}
		if res.Note != "" {
			msg += " — " + res.Note
		}
		v.w.do(func() { v.info.SetText(msg) })
	}
	ids := make([]int64, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	counts, err := v.w.archive().Tagging.EntityCounts(ctx, ids)
	if err != nil {
		return nil, err
	}
	rows := make([]hitRow, len(res.Hits))
	for i, h := range res.Hits {
		rows[i] = hitRow{SearchHit: h, Entities: counts[h.ID]}
	}
	return rows, nil
}

func createHitRow() fyne.CanvasObject {
	row := createArticleRow()
	snippet := widgets.NewFitText()
	_, _, lines := articleRowParts(row)
	lines.Add(snippet)
	return row
}

func fillHitRow(h hitRow, o fyne.CanvasObject) {
	fillArticleRow(articleRow{ArticleListing: store.ArticleListing{ID: h.ID, Title: h.Title, Source: h.Source,
		Published: h.Published}, Entities: h.Entities}, o)
	_, _, lines := articleRowParts(o)
	lines.Objects[2].(*widgets.FitText).SetSegments(snippetSegments(h.Snippet))
}

// snippetSegments renders a snippet with its marked passages (between
// store.MarkStart and store.MarkEnd) bold in the primary colour.
func snippetSegments(s string) []*widget.TextSegment {
	s = strings.Join(strings.Fields(s), " ")
	var segs []*widget.TextSegment
	for s != "" {
		i := strings.Index(s, store.MarkStart)
		if i < 0 {
			segs = append(segs, inlineText(strings.ReplaceAll(s, store.MarkEnd, "")))
			break
		}
		if i > 0 {
			segs = append(segs, inlineText(s[:i]))
		}
		s = s[i+len(store.MarkStart):]
		j := strings.Index(s, store.MarkEnd)
		if j < 0 {
			j = len(s)
		}
		st := widget.RichTextStyleInline
		st.TextStyle.Bold = true
		st.ColorName = theme.ColorNamePrimary
		segs = append(segs, &widget.TextSegment{Text: s[:j], Style: st})
		s = s[min(j+len(store.MarkEnd), len(s)):]
	}
	return segs
}

// submitEntry makes an entry showing hint that calls submit on Enter.
func submitEntry(hint string, submit func(string)) *widgets.Entry {
	e := widgets.NewEntry()
	e.PlaceHolder, e.OnSubmitted = hint, submit
	return e
}
