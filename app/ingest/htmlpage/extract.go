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
// its article (for the metadata) and its text, related-links blocks removed.
func readabilityRun(doc *html.Node, base *url.URL) (readability.Article, string, error) {
	p := readability.NewParser()
	p.KeepClasses = true // dropRelated needs them
	ra, err := p.ParseDocument(dom.Clone(doc, true), base)
	if err != nil {
		return ra, "", err
	}
	if ra.Node == nil {
		return ra, "", nil
	}
	dropRelated(ra.Node)
	return ra, Text(ra.Node), nil
}

// trafilaturaRun runs go-trafilatura with its fallback (which compares its
// own result with readability's and DOM Distiller's) on a copy of doc.
func trafilaturaRun(doc *html.Node, base *url.URL) string {
	res, err := trafilatura.ExtractDocument(dom.Clone(doc, true), trafilatura.Options{
		OriginalURL:     base,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		return ""
	}
	return Text(res.ContentNode)
}

// distillerRun runs go-domdistiller (Chrome's reader mode, a boilerpipe
// descendant) on a copy of doc.
func distillerRun(doc *html.Node, base *url.URL) string {
	res, err := distiller.Apply(dom.Clone(doc, true), &distiller.Options{OriginalURL: base, SkipPagination: true})
	if err != nil || res == nil || res.Node == nil {
		return ""
	}
	return Text(res.Node)
}
