package htmlpage

import (
	"net/url"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/go-shiori/dom"
	distiller "github.com/markusmobius/go-domdistiller"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Extractor names a way of finding a page's article text.
type Extractor int

// The extractors. Vote, the default, runs the three others and keeps the
// page's blocks that a majority of them keep (vote.go).
const (
	Vote Extractor = iota
	Readability
	Trafilatura
	Distiller
)

// String is the extractor's name as the evaluation prints it.
func (e Extractor) String() string {
	switch e {
	case Vote:
		return "vote"
	case Readability:
		return "readability"
	case Trafilatura:
		return "trafilatura"
	case Distiller:
		return "distiller"
	}
	return "unknown"
}

// readabilityRun runs readeck's go-readability on a copy of doc and returns
// its article (for the metadata; ra.Node is nil when it found nothing),
// related-links blocks removed.
func readabilityRun(doc *html.Node, base *url.URL) readability.Article {
	p := readability.NewParser()
	p.KeepClasses = true // dropRelated needs them
	ra, err := p.ParseDocument(dom.Clone(doc, true), base)
	if err != nil {
		return readability.Article{}
	}
	if ra.Node != nil {
		dropRelated(ra.Node)
	}
	return ra
}

// trafilaturaRun runs go-trafilatura with its fallback on a copy of doc:
// when its own extraction looks short it compares it with readability's
// and DOM Distiller's, which the caller has already run (rnode, dnode: they
// are copied, trafilatura edits the one it takes; nil when not found).
func trafilaturaRun(doc *html.Node, base *url.URL, rnode, dnode *html.Node) string {
	clone := func(n *html.Node) *html.Node {
		if n == nil {
			return nil
		}
		return dom.Clone(n, true)
	}
	res, err := trafilatura.ExtractDocument(dom.Clone(doc, true), trafilatura.Options{
		OriginalURL:        base,
		EnableFallback:     true,
		FallbackCandidates: &trafilatura.FallbackCandidates{Readability: clone(rnode), Distiller: clone(dnode)},
		ExcludeComments:    true,
		HtmlDateMode:       trafilatura.Disabled,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		return ""
	}
	return Text(res.ContentNode)
}

// distillerRun runs go-domdistiller (Chrome's reader mode, a boilerpipe
// descendant) on a copy of doc and returns its content (nil: none).
func distillerRun(doc *html.Node, base *url.URL) *html.Node {
	res, err := distiller.Apply(dom.Clone(doc, true), &distiller.Options{OriginalURL: base, SkipPagination: true})
	if err != nil || res == nil {
		return nil
	}
	return res.Node
}
