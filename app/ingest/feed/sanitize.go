package feed

import (
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/safetext"
)

// sanitize applies the ingest rules (see ingest.Sanitize) to a parsed
// feed: one-line fields through safetext.Line, texts through
// safetext.Body, links through ingest.CleanURL, with a note for each link
// dropped.
func sanitize(f Feed) Feed {
	f.Title = safetext.Line(f.Title)
	var note string
	if f.Link, note = ingest.CheckedURL(f.Link); note != "" {
		f.Dropped = "feed " + note
	}
	for i := range f.Items {
		f.Items[i] = sanitizeItem(f.Items[i])
	}
	return f
}

func sanitizeItem(it Item) Item {
	it.GUID = safetext.Line(it.GUID)
	it.Title = safetext.Line(it.Title)
	it.Author = safetext.Line(it.Author)
	it.Published = safetext.Line(it.Published)
	it.Content = safetext.Body(it.Content)
	it.Summary = safetext.Body(it.Summary)
	var note string
	if it.Link, note = ingest.CheckedURL(it.Link); note != "" {
		it.Dropped = note
	}
	return it
}
