package ui

import (
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/app/ui/widgets"
	"github.com/newsarchive/newsarchive/store"
)

// Reader shows one article: its title and particulars, its tags and note,
// and its body with the entities it mentions highlighted by type.
type Reader struct {
	w        readerHost
	id       int64 // the article shown, 0 for none
	seq      int   // bumped by show: older loads are dropped
	header   *widget.RichText
	link     *widget.Hyperlink
	prov     *widget.Label // where the article came from (provenance)
	tags     *TagEditor
	note     *NoteEditor
	body     *widgets.FlowText // the text, its mentions tappable
	entities *widgets.FlowText // each entity mentioned, tappable
	entBox   *fyne.Container   // the entities and the line under them
	empty    *widget.Label
	scroll   *container.Scroll
	root     *fyne.Container
	mentions []store.Mention
	hl       *HighlightPanel // highlights and collections (highlight_panel.go)
	orig     *originalView   // Show original, Re-extract
	parts    *bodyParts      // a long body is laid out part by part (reader_parts.go)
}

func newReader(w readerHost) *Reader {
	r := &Reader{w: w, header: widget.NewRichText(), body: widgets.NewFlowText(), link: widget.NewHyperlink("", nil)}
	r.link.Truncation = fyne.TextTruncateEllipsis
	r.prov = widget.NewLabel("")
	r.prov.Importance = widget.LowImportance
	r.prov.Wrapping = fyne.TextWrapWord
	r.prov.Hide()
	r.header.Wrapping = fyne.TextWrapWord
	r.tags = newTagEditor(w)
	r.entities = widgets.NewFlowText()
	r.entBox = container.NewVBox(r.entities, widget.NewSeparator())
	r.note = newNoteEditor(w)
	r.hl = newHighlightPanel(w)
	r.orig = newOriginalView(r)
	r.parts = newBodyParts(r)
	r.empty = widget.NewLabel("Select an article to read it.")
	r.empty.Alignment = fyne.TextAlignCenter
	page := container.NewVBox(r.header, r.link, r.prov, r.tags.content(), widget.NewSeparator(),
		r.orig.bar, r.entBox, r.body, r.parts.bar, r.orig.original,
		widget.NewSeparator(), r.note.content(), widget.NewSeparator(), r.hl.content())
	r.scroll = container.NewVScroll(page)
	r.scroll.Hide()
	r.root = container.NewStack(container.NewCenter(r.empty), r.scroll)
	return r
}

func (r *Reader) content() fyne.CanvasObject { return r.root }

// articleData is what the reader shows of an article.
type articleData struct {
	art      store.Article
	mentions []store.Mention
	tags     []string
	note     string
	prov     []store.Provenance
}

// show loads an article and shows it.
func (r *Reader) show(id int64) {
	r.seq++
	seq, ctx, a := r.seq, r.w.archiveContext(), r.w.archive()
	r.w.run(func() {
		var d articleData
		var err error
		d.art, err = a.Search.Article(ctx, id)
		if err == nil {
			d.mentions, err = a.Tagging.ArticleMentions(ctx, id)
		}
		if err == nil {
			d.tags, err = a.Annotate.ArticleTags(ctx, id)
		}
		if err == nil {
			d.note, err = a.Annotate.Note(ctx, id)
		}
		if err == nil {
			d.prov, err = a.Importer.Provenance(ctx, id)
		}
		r.w.do(func() {
			if seq != r.seq {
				return
			}
			if err != nil {
				r.w.showError(err)
				return
			}
			r.apply(d)
		})
	})
}

// apply shows loaded article data.
func (r *Reader) apply(d articleData) {
	a := d.art
	r.id, r.mentions = a.ID, d.mentions
	title := a.Title
	if title == "" {
		title = "(untitled)"
	}
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: title, Style: widget.RichTextStyleHeading}}
	if a.Headline != "" && a.Headline != a.Title {
		segs = append(segs, &widget.TextSegment{Text: a.Headline, Style: widget.RichTextStyleSubHeading})
	}
	if meta := joinNonEmpty("  ·  ", strings.TrimSpace(a.Byline), displayDate(a.Published, a.PublishedText),
		strings.TrimSpace(a.Source)); meta != "" {
		st := widget.RichTextStyleParagraph
		st.ColorName = theme.ColorNamePlaceHolder
		segs = append(segs, &widget.TextSegment{Text: meta, Style: st})
	}
	r.header.Segments = segs
	r.header.Refresh()
	if u, ok := readerLink(a.URL); ok {
		r.link.SetText(u.String())
		r.link.SetURL(u)
		r.link.Show()
	} else {
		r.link.Hide()
	}
	if line := provenanceLine(d.prov); line != "" {
		r.prov.SetText(line)
		r.prov.Show()
	} else {
		r.prov.Hide()
	}
	open := func(m store.Mention) { r.w.showEntity(m.EntityID) }
	r.hl.setArticle(a.ID)
	r.parts.set(a.Body)
	r.entities.SetContent(summaryRuns(mentionLinks(d.mentions), open))
	if len(r.entities.Links()) == 0 {
		r.entBox.Hide()
	} else {
		r.entBox.Show()
	}
	r.tags.setArticle(a.ID, d.tags)
	r.note.setArticle(a.ID, d.note)
	r.orig.setArticle(a.ID)
	r.empty.Hide()
	r.scroll.Show()
	r.scroll.ScrollToTop()
}

// reloadIfShown shows the article again, after a correction changed its
// mentions.
func (r *Reader) reloadIfShown() {
	if r.id != 0 {
		r.show(r.id)
	}
}

// displayDate is an article's date for people: as the source wrote it,
// unless that is a machine's timestamp, which is written out instead.
func displayDate(iso, written string) string {
	written = strings.TrimSpace(written)
	if written != "" && written != iso && !isoLike.MatchString(written) {
		return written
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, iso); err == nil {
			if layout == "2006-01-02" || (t.Hour() == 0 && t.Minute() == 0) {
				return t.Format("2 January 2006")
			}
			return t.Format("2 January 2006, 15:04")
		}
	}
	if written != "" {
		return written
	}
	return iso
}

// isoLike matches dates written as ISO 8601 timestamps.
var isoLike = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$`)
