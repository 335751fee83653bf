package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsarchive/newsarchive/store"
)

// Reader shows one article.
type Reader struct {
	text *widget.RichText
}

// NewReader makes an empty reader pane.
func NewReader() *Reader {
	r := &Reader{text: widget.NewRichText()}
	r.text.Wrapping = fyne.TextWrapWord
	return r
}

// Content returns the pane's root object.
func (r *Reader) Content() fyne.CanvasObject {
	return container.NewVScroll(r.text)
}

// Show displays an article.
func (r *Reader) Show(a store.Article) {
	var meta []string
	for _, s := range []string{a.Byline, a.Source, a.Published} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	segs := []widget.RichTextSegment{
		&widget.TextSegment{Text: a.Title, Style: widget.RichTextStyleHeading},
		&widget.TextSegment{Text: strings.Join(meta, " · "), Style: widget.RichTextStyleParagraph},
	}
	for _, p := range strings.Split(a.Body, "\n\n") {
		segs = append(segs, &widget.TextSegment{Text: p, Style: widget.RichTextStyleParagraph})
	}
	r.text.Segments = segs
	r.text.Refresh()
}
