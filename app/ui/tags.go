package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// maxSuggestions is how many tag completions are offered.
const maxSuggestions = 6

// TagEditor shows an article's tags, each removable, and an entry that adds
// tags, suggesting existing ones as the person types.
type TagEditor struct {
	w           archiveHost
	id          int64
	tags        []string
	chips       *fyne.Container
	entry       *widgets.Entry
	suggestions *fyne.Container
	seq         int
	root        fyne.CanvasObject
}

func newTagEditor(w archiveHost) *TagEditor {
	e := &TagEditor{w: w, chips: container.NewHBox(), suggestions: container.NewHBox()}
	e.entry = submitEntry("Add a tag…", e.add)
	e.entry.OnChanged = e.suggest
	add := widgets.NewButtonWithIcon("", theme.ContentAddIcon(), func() { e.add(e.entry.Text) })
	label := widget.NewLabel("Tags:") // one "+" on the row: the button that adds
	label.Importance = widget.LowImportance
	row := container.NewBorder(nil, nil, label, nil, container.NewHScroll(e.chips))
	field := container.NewBorder(nil, nil, nil, add, e.entry)
	e.root = container.NewVBox(row, container.NewGridWithColumns(2, field, e.suggestions))
	return e
}

func (e *TagEditor) content() fyne.CanvasObject { return e.root }

// setArticle shows an article's tags.
func (e *TagEditor) setArticle(id int64, tags []string) {
	e.id, e.tags = id, tags
	e.entry.SetText("")
	e.suggestions.RemoveAll()
	e.showChips()
}

func (e *TagEditor) showChips() {
	e.chips.RemoveAll()
	if len(e.tags) == 0 {
		l := widget.NewLabel("No tags")
		l.Importance = widget.LowImportance
		e.chips.Add(l)
	}
	for _, t := range e.tags {
		b := widgets.NewButtonWithIcon(t, theme.CancelIcon(), func() { e.remove(t) })
		b.Importance = widget.LowImportance
		b.IconPlacement = widget.ButtonIconTrailingText
		e.chips.Add(b)
	}
}

// add puts the tags typed (separated by commas) on the article.
func (e *TagEditor) add(text string) {
	var names []string
	for _, n := range strings.Split(text, ",") {
		if strings.TrimSpace(n) != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 || e.id == 0 {
		return
	}
	e.change(func(ctx context.Context) error { return e.w.archive().Annotate.AddTags(ctx, e.id, names...) })
}

func (e *TagEditor) remove(tag string) {
	e.change(func(ctx context.Context) error { return e.w.archive().Annotate.RemoveTags(ctx, e.id, tag) })
}

// change applies a tag change and shows the article's tags after it.
func (e *TagEditor) change(f func(ctx context.Context) error) {
	id, ctx := e.id, e.w.archiveContext()
	e.w.run(func() {
		err := f(ctx)
		var tags []string
		if err == nil {
			tags, err = e.w.archive().Annotate.ArticleTags(ctx, id)
		}
		e.w.do(func() {
			if err != nil {
				e.w.showError(err)
				return
			}
			if id == e.id {
				e.setArticle(id, tags)
			}
			e.w.countsChanged()
		})
	})
}

// suggest offers existing tags that start with what is typed after the last
// comma.
func (e *TagEditor) suggest(text string) {
	e.seq++
	seq, ctx := e.seq, e.w.archiveContext()
	prefix := strings.TrimSpace(text[strings.LastIndex(text, ",")+1:])
	if prefix == "" {
		e.suggestions.RemoveAll()
		return
	}
	e.w.run(func() {
		tags, err := e.w.archive().Annotate.Tags(ctx, prefix)
		e.w.do(func() {
			if seq != e.seq || err != nil {
				return
			}
			e.showSuggestions(tags)
		})
	})
}

func (e *TagEditor) showSuggestions(tags []store.Tag) {
	e.suggestions.RemoveAll()
	have := map[string]bool{}
	for _, t := range e.tags {
		have[strings.ToLower(t)] = true
	}
	n := 0
	for _, t := range tags {
		if have[strings.ToLower(t.Name)] || n == maxSuggestions {
			continue
		}
		n++
		b := widgets.NewButton(t.Name, func() { e.complete(t.Name) })
		b.Importance = widget.LowImportance
		e.suggestions.Add(b)
	}
}

// complete replaces the word being typed with a suggested tag.
func (e *TagEditor) complete(tag string) {
	text := e.entry.Text
	head := text[:strings.LastIndex(text, ",")+1]
	if head != "" {
		head += " "
	}
	e.entry.SetText(head + tag)
	e.add(e.entry.Text)
}

// TagsView is the Tags section: every tag with its article count; a tag
// opens its articles.
type TagsView struct {
	w    viewHost
	tags []store.Tag
	list *widgets.KeyList
	info *widget.Label
}

func newTagsView(w viewHost) *TagsView {
	v := &TagsView{w: w, info: widget.NewLabel("")}
	v.list = &widgets.KeyList{List: widget.List{
		Length:     func() int { return len(v.tags) },
		CreateItem: func() fyne.CanvasObject { return countRow() },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			setCountRow(o, v.tags[id].Name, v.tags[id].Articles)
		},
		OnSelected: func(id widget.ListItemID) { v.open(v.tags[id].Name, v.tags[id].Articles) },
	}}
	v.list.ExtendBaseWidget(v.list)
	ctx := w.archiveContext()
	w.run(func() {
		tags, err := w.archive().Annotate.Tags(ctx, "")
		v.w.do(func() {
			if err != nil {
				v.info.SetText(errorText(err))
				return
			}
			v.tags = tags
			if len(tags) == 0 {
				v.info.SetText("No tags yet: add some to an article in the reader.")
			} else {
				v.info.SetText(fmt.Sprintf("%d tags", len(tags)))
			}
			v.list.Refresh()
		})
	})
	return v
}

func (v *TagsView) content() fyne.CanvasObject {
	return container.NewBorder(heading("Tags"), v.info, nil, nil, v.list)
}

// open shows the articles carrying a tag.
func (v *TagsView) open(tag string, n int) { showTagArticles(v.w, tag, n) }

// showTagArticles shows the n articles carrying a tag.
func showTagArticles(w viewHost, tag string, n int) {
	fetch := func(ctx context.Context, limit, offset int) ([]store.ArticleListing, error) {
		return w.archive().Annotate.TagArticles(ctx, tag, limit, offset)
	}
	w.showPage(newFilteredArticles(w, "Tagged “"+tag+"”", n, fetch).content())
}
