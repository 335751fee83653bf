package ui

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app"
	"github.com/newsarchive/newsarchive/app/lookup"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// The lookup's results as the palette and the header's matches show them:
// grouped by kind under headings (People, Organisations, Places, Articles,
// Sources...), each with the particulars that tell it apart from others of
// the same text (an article's source and date).

// finding is a lookup result as shown.
type finding struct {
	search.Found
	group  string // the heading it is listed under
	detail string // what tells it apart, shown after its text
}

// Headings of the groups of findings.
const (
	groupPeople   = "People"
	groupOrgs     = "Organisations"
	groupPlaces   = "Places"
	groupOther    = "Other names"
	groupArticles = "Articles"
	groupSources  = "Sources"
	groupTags     = "Tags"
)

// kindTag marks the findings that are the reader's tags, which the
// lookup index does not hold: they are found by the start of their name.
const kindTag lookup.Kind = "tag"

// maxTagFindings is how many tags a lookup offers.
const maxTagFindings = 5

// lookupFindings looks up names, titles and sources (kind "" for all, and
// then the tags starting with the text too) with their particulars.
func lookupFindings(ctx context.Context, a *app.App, text string, kind lookup.Kind, limit int) ([]search.Found, error) {
	found, err := a.Search.LookupDescribed(ctx, text, kind, limit)
	prefix := strings.TrimSpace(text)
	if err != nil || kind != "" || prefix == "" {
		return found, err
	}
	tags, err := a.Annotate.Tags(ctx, prefix)
	if err != nil {
		return nil, err
	}
	var hit []int
	for i := range utf8.RuneCountInString(prefix) {
		hit = append(hit, i)
	}
	for _, t := range tags[:min(len(tags), maxTagFindings)] {
		found = append(found, search.Found{Result: lookup.Result{Kind: kindTag, Text: t.Name, Positions: hit}, Articles: t.Articles})
	}
	return found, nil
}

// groupOf is the heading a result is listed under.
func groupOf(f search.Found) string {
	switch f.Kind {
	case lookup.KindTitle:
		return groupArticles
	case lookup.KindSource:
		return groupSources
	case kindTag:
		return groupTags
	}
	switch f.Type {
	case store.TypePerson:
		return groupPeople
	case store.TypeOrg:
		return groupOrgs
	case store.TypePlace:
		return groupPlaces
	}
	return groupOther
}

// shortDate writes an ISO 8601 date as "12 Mar 2005"; "undated" for none,
// and an unreadable one as it is.
func shortDate(iso string) string {
	d := dateOnly(strings.TrimSpace(iso))
	if d == "" {
		return "undated"
	}
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("2 Jan 2006")
}

// describeFindings groups the results by kind, the groups in the order of
// their best result (the lookup's order is best first), and gives each the
// particulars that tell it apart: an article its source and date, an entity
// or a source its number of articles. Results still alike in text and
// particulars (the same title from the same source on the same day) are
// told apart by their time of day, or else their article or entity number.
func describeFindings(found []search.Found) []finding {
	var order []string
	byGroup := map[string][]finding{}
	for _, f := range found {
		g := groupOf(f)
		if _, ok := byGroup[g]; !ok {
			order = append(order, g)
		}
		d := ""
		switch f.Kind {
		case lookup.KindTitle:
			d = joinNonEmpty(" · ", strings.TrimSpace(f.Source), shortDate(f.Published))
		default:
			d = articlesText(f.Articles)
		}
		byGroup[g] = append(byGroup[g], finding{Found: f, group: g, detail: d})
	}
	out := make([]finding, 0, len(found))
	for _, g := range order {
		out = append(out, byGroup[g]...)
	}
	// Alike ones: an article's time of day first (snapshots of a page
	// taken on one day), then the article's or entity's number.
	tellApart(out, func(f finding) string {
		if t := timeOfDay(f.Published); f.Kind == lookup.KindTitle && t != "" {
			return f.detail + " " + t
		}
		return f.detail
	})
	tellApart(out, func(f finding) string {
		what := "entity"
		switch f.Kind {
		case lookup.KindTitle:
			what = "article"
		case lookup.KindSource:
			what = "source"
		case kindTag:
			what = "tag"
		}
		return joinNonEmpty(" · ", f.detail, fmt.Sprintf("%s %d", what, f.ID))
	})
	return out
}

// tellApart gives the findings alike in group, text (ignoring case) and
// particulars the particulars more returns.
func tellApart(fs []finding, more func(finding) string) {
	type key struct{ group, text, detail string }
	keyOf := func(f finding) key { return key{f.group, strings.ToLower(f.Text), f.detail} }
	seen := map[key]int{}
	for _, f := range fs {
		seen[keyOf(f)]++
	}
	for i, f := range fs {
		if seen[keyOf(f)] > 1 {
			fs[i].detail = more(f)
		}
	}
}

// timeOfDay is the "15:04" of an ISO 8601 time, "" when it has none.
func timeOfDay(iso string) string {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, strings.TrimSpace(iso)); err == nil {
			return t.Format("15:04")
		}
	}
	return ""
}

// findingRow is a row of a findingList: a group's heading, or a finding.
type findingRow struct {
	heading string // "" for a finding
	index   int    // the finding's index in results
}

// findingList is the list of the palette and of the header's matches:
// findings under their headings, one of them highlighted (moved with the
// arrow keys), chosen with Enter or a tap.
type findingList struct {
	results  []finding
	rows     []findingRow
	rowOf    []int // the row of each finding
	sel      int   // the finding highlighted; -1 for none
	least    int   // the least sel the arrow keys reach: -1, or 0 to keep one highlighted
	list     *widget.List
	quiet    bool // set while highlighting in code
	onChoose func(finding)
}

func newFindingList(onChoose func(finding)) *findingList {
	l := &findingList{sel: -1, least: -1, onChoose: onChoose}
	l.list = &widget.List{
		Length:     func() int { return len(l.rows) },
		CreateItem: createFindingRow,
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) { l.fill(id, o) },
		OnSelected: l.onSelected,
	}
	l.list.ExtendBaseWidget(l.list)
	return l
}

// set shows new results; first highlights the first one (Enter opens it),
// otherwise none is.
func (l *findingList) set(found []search.Found, first bool) {
	l.results = describeFindings(found)
	l.rows, l.rowOf = l.rows[:0], make([]int, len(l.results))
	for i, f := range l.results {
		if i == 0 || f.group != l.results[i-1].group {
			l.rows = append(l.rows, findingRow{heading: f.group})
		}
		l.rowOf[i] = len(l.rows)
		l.rows = append(l.rows, findingRow{index: i})
	}
	l.list.Refresh()
	if first && len(l.results) > 0 {
		l.highlight(0)
	} else {
		l.highlight(-1)
	}
}

// clear shows no results.
func (l *findingList) clear() { l.set(nil, false) }

// move changes the highlighted finding; moving up from the first leaves
// none highlighted, unless least is 0.
func (l *findingList) move(delta int) {
	if len(l.results) == 0 {
		return
	}
	l.highlight(min(max(l.sel+delta, l.least), len(l.results)-1))
}

// highlight marks finding i as the one Enter opens (-1: none).
func (l *findingList) highlight(i int) {
	l.sel = i
	l.quiet = true
	defer func() { l.quiet = false }()
	if i < 0 || i >= len(l.results) {
		l.sel = -1
		l.list.UnselectAll()
		if len(l.rows) > 0 {
			l.list.ScrollToTop()
		}
		return
	}
	l.list.Select(l.rowOf[i])
	l.list.ScrollTo(l.rowOf[i])
}

// selected returns the highlighted finding.
func (l *findingList) selected() (finding, bool) {
	if l.sel < 0 || l.sel >= len(l.results) {
		return finding{}, false
	}
	return l.results[l.sel], true
}

// choose opens the highlighted finding.
func (l *findingList) choose() bool {
	f, ok := l.selected()
	if ok {
		l.onChoose(f)
	}
	return ok
}

func (l *findingList) onSelected(id widget.ListItemID) {
	if l.quiet {
		return
	}
	if id >= len(l.rows) || l.rows[id].heading != "" { // a heading is not chosen
		l.highlight(l.sel)
		return
	}
	l.sel = l.rows[id].index
	l.choose()
}

// height is how tall the list is with every row shown.
func (l *findingList) height() float32 {
	row := createFindingRow().MinSize().Height + theme.Padding()
	return row * float32(len(l.rows))
}

// createFindingRow makes a row that is a heading or a finding: an icon,
// the text with its matched characters in bold, and its particulars.
func createFindingRow() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Organisations", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameCaptionText
	detail := newMuted("BBC Sport · 12 Mar 2005", true, false)
	text := widget.NewRichText()
	text.Truncation = fyne.TextTruncateEllipsis
	mark := container.NewStack(widget.NewIcon(theme.DocumentIcon()), newTypeDot(store.TypePerson)) // an icon, or an entity's type
	item := container.NewBorder(nil, nil, mark, container.NewHBox(detail, scrollGutter()), text)
	return container.NewStack(heading, item)
}

func (l *findingList) fill(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(l.rows) {
		return
	}
	stack := o.(*fyne.Container)
	heading, item := stack.Objects[0].(*widget.Label), stack.Objects[1].(*fyne.Container)
	r := l.rows[id]
	if r.heading != "" {
		heading.SetText(r.heading)
		heading.Show()
		item.Hide()
		return
	}
	heading.Hide()
	item.Show()
	fillFindingRow(l.results[r.index], item)
}

// fillFindingRow shows a finding in a row's item.
func fillFindingRow(f finding, item *fyne.Container) {
	text, mark, end := item.Objects[0].(*widget.RichText), item.Objects[1].(*fyne.Container), item.Objects[2].(*fyne.Container)
	text.Segments = highlightRunes(f.Text, f.Positions)
	text.Refresh()
	setMuted(end.Objects[0].(*widget.RichText), f.detail)
	end.Resize(end.MinSize()) // the particulars' width changed: place them again
	item.Layout.Layout(item.Objects, item.Size())
	icon, dot := mark.Objects[0].(*widget.Icon), mark.Objects[1].(*typeDot)
	switch f.Kind {
	case lookup.KindEntity: // the colour its mentions have in the reader
		icon.Hide()
		dot.setType(f.Type)
		dot.Show()
	case lookup.KindSource:
		dot.Hide()
		icon.SetResource(theme.StorageIcon())
		icon.Show()
	case kindTag:
		dot.Hide()
		icon.SetResource(theme.ListIcon())
		icon.Show()
	default:
		dot.Hide()
		icon.SetResource(theme.DocumentIcon())
		icon.Show()
	}
}
