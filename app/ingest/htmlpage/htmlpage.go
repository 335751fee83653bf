// Package htmlpage turns a saved or fetched HTML page into an
// ingest.Article: it decodes the page's charset, runs three article
// extractors (readeck's go-readability, go-trafilatura with its fallback,
// and go-domdistiller) and keeps the lines of the page that they vote for:
// a line all three hold is kept, one that fewer than two hold is dropped,
// and a model learned from human-annotated pages decides the lines between
// (vote.go, linemodel.go), and reads the title, byline, date, site name,
// canonical URL and language from the page's metadata (<title>, OpenGraph,
// article:* meta tags, JSON-LD NewsArticle).
//
// Parse is a pure function of its arguments: no network, no globals.
package htmlpage

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"slices"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/newsarchive/newsarchive/app/ingest"
)

// Errors returned by Parse, to be matched with errors.Is.
var (
	// ErrNoText means the page parsed but holds no article text.
	ErrNoText = errors.New("no article text found in page")
	// ErrNotHTML means the bytes are not an HTML page (binary data, a
	// feed, JSON...).
	ErrNotHTML = errors.New("not an HTML page")
	// ErrTooLarge means the page is over MaxPageBytes.
	ErrTooLarge = errors.New("page too large")
)

// MaxPageBytes is the largest page Parse reads; a larger one is refused
// with an error wrapping ErrTooLarge (the fetcher's cap is 20 MB of
// transfer, a saved news page is well under 5 MB).
const MaxPageBytes = 16 << 20

// maxVoteElements: a page with more elements than this is extracted by
// readability alone. DOM Distiller's time grows with the square of the
// tree (20,000 elements: about 3 s on one core); the largest page of the
// html-pages corpus (wikipedia-2, 1 MB) has about 10,000.
const maxVoteElements = 20000

// Parse extracts the article of an HTML page. pageURL (may be "") is where
// the page came from and resolves relative links; contentType is the HTTP
// Content-Type header when known ("" otherwise) and is used for the charset.
// It returns an error wrapping ErrNotHTML when raw is not a page and one
// wrapping ErrNoText when the page has no article text.
func Parse(raw []byte, pageURL string, contentType string) (ingest.Article, error) {
	x, err := Extract(raw, pageURL, contentType)
	if err != nil {
		return ingest.Article{}, err
	}
	return x.Article(Vote)
}

// Extraction is a page read by every extractor: the metadata, the page's
// whole text and each extractor's text. Article picks one or the vote.
type Extraction struct {
	pageURL  string
	meta     pageMeta
	ra       readability.Article
	page     string                // pageText of the whole page
	pageInfo []lineInfo            // what each line of page sits in
	texts    [Distiller + 1]string // by Extractor; texts[Vote] is unused
}

// Extract runs the extractors on a page (see Parse for the arguments and
// errors). A page over maxVoteElements elements is read by readability
// alone.
func Extract(raw []byte, pageURL string, contentType string) (*Extraction, error) {
	if err := checkPage(raw, contentType); err != nil {
		return nil, err
	}
	text, _, err := ToUTF8(raw, contentType)
	if err != nil {
		return nil, fmt.Errorf("parse page %s: %w", pageURL, err)
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse page %s: %w", pageURL, err)
	}
	var base *url.URL
	if pageURL != "" {
		if base, err = url.Parse(pageURL); err != nil {
			return nil, fmt.Errorf("parse page URL %q: %w", pageURL, err)
		}
	}
	x := &Extraction{pageURL: pageURL, meta: extractMeta(doc, base)}
	if base == nil && x.meta.Canonical != "" {
		base, _ = url.Parse(x.meta.Canonical)
	}
	x.ra = readabilityRun(doc, base)
	x.texts[Readability] = Text(x.ra.Node)
	if countElements(doc, maxVoteElements+1) <= maxVoteElements {
		dnode := distillerRun(doc, base)
		x.texts[Distiller] = Text(dnode)
		x.texts[Trafilatura] = trafilaturaRun(doc, base, x.ra.Node, dnode)
		x.page, x.pageInfo = pageText(doc)
	}
	return x, nil
}

// Text returns one extractor's text, or for Vote Parse's body: the
// learned line decision (DefaultLineModel) over the three ballots.
func (x *Extraction) Text(ex Extractor) string {
	if ex != Vote {
		return x.texts[ex]
	}
	return x.LineText(DefaultLineModel())
}

// Title is the title Article gives, whatever the body.
func (x *Extraction) Title() string {
	return ingest.Sanitize(buildArticle(x.meta, x.ra, "", x.pageURL)).Title
}

// TitleEvidence is the page's title before the site's name is cut off it
// and the evidence CutTitle reads (for evaluating other CutOptions).
func (x *Extraction) TitleEvidence() TitleEvidence {
	title := collapseSpaces(first(x.ra.Title(), x.meta.OGTitle, x.meta.Headline, x.meta.Title))
	return x.meta.titleEvidence(title, first(x.meta.Canonical, x.pageURL))
}

// Ballots returns the page's lines indexed against the three extractors'
// texts, for the vote under other options (the evaluation's
// cross-validation); nil when the page was read by readability alone.
func (x *Extraction) Ballots() *Ballots {
	if x.page == "" {
		return nil
	}
	return newBallotsInfo(x.page, x.pageInfo, x.texts[Readability:])
}

// VoteText is the vote's text under opt; Parse uses DefaultVote().
func (x *Extraction) VoteText(opt VoteOptions) string {
	if x.page == "" {
		return x.texts[Readability]
	}
	return x.Ballots().Vote(opt)
}

// Article returns the page's article with the body of extractor ex (Vote:
// Parse's); the error wraps ErrNoText when that body is empty.
func (x *Extraction) Article(ex Extractor) (ingest.Article, error) {
	a := ingest.Sanitize(buildArticle(x.meta, x.ra, x.Text(ex), x.pageURL))
	if strings.TrimSpace(a.Body) == "" { // after Sanitize: control characters go
		return ingest.Article{}, fmt.Errorf("parse page %s: %w", x.pageURL, ErrNoText)
	}
	return a, nil
}

// countElements counts n's elements, stopping at limit.
func countElements(n *html.Node, limit int) int {
	c := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for k := n.FirstChild; k != nil && c < limit; k = k.NextSibling {
			if k.Type == html.ElementNode {
				c++
			}
			walk(k)
		}
	}
	walk(n)
	return c
}

// buildArticle merges readability's view of the metadata with the page's own.
func buildArticle(meta pageMeta, ra readability.Article, body, pageURL string) ingest.Article {
	a := ingest.Article{
		Title:    first(ra.Title(), meta.OGTitle, meta.Headline, meta.Title),
		Byline:   first(ra.Byline(), meta.Byline),
		Source:   first(ra.SiteName(), meta.SiteName),
		URL:      first(meta.Canonical, pageURL),
		Language: first(meta.Lang, ra.Language()),
		Body:     body,
	}
	a.Title = collapseSpaces(a.Title)
	ev := meta.titleEvidence(a.Title, a.URL)
	head, site := CutTitle(ev, DefaultCut())
	if a.Source == "" {
		if site == "" && a.Title != meta.Title {
			// Readability may have cut the <title> itself: the part it
			// cut is the site's name when the evidence says so.
			if h, s := CutTitle(meta.titleEvidence(meta.Title, a.URL), DefaultCut()); slices.Equal(normWords(h), normWords(a.Title)) {
				site = s
			}
		}
		a.Source = site
	}
	a.Title = ChooseTitle(ev, head, DefaultHead())
	a.Byline = collapseSpaces(a.Byline)
	if h := meta.Headline; h != "" && !strings.EqualFold(h, a.Title) {
		a.Headline = h
	}
	a.PublishedText = meta.Published
	a.Published = NormalizeDate(meta.Published)
	return a
}

// checkPage refuses bytes that are plainly not an HTML page.
func checkPage(raw []byte, contentType string) error {
	if len(raw) > MaxPageBytes {
		return fmt.Errorf("%d bytes, over %d: %w", len(raw), MaxPageBytes, ErrTooLarge)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return fmt.Errorf("empty document: %w", ErrNotHTML)
	}
	if contentType != "" {
		if mt, _, err := mime.ParseMediaType(contentType); err == nil && !htmlishType(mt) {
			return fmt.Errorf("content type %s: %w", mt, ErrNotHTML)
		}
	}
	head := raw
	if len(head) > 1024 {
		head = head[:1024]
	}
	if isBinary(head) {
		return fmt.Errorf("binary data: %w", ErrNotHTML)
	}
	if kind := feedKind(raw); kind != "" {
		return fmt.Errorf("looks like an %s feed: %w", kind, ErrNotHTML)
	}
	return nil
}

func htmlishType(mt string) bool {
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "application/octet-stream", "text/xml", "application/xml":
		return true
	}
	return false
}

// isBinary reports control bytes no text page contains (NUL and the like),
// after a UTF-16 byte-order mark is allowed for.
func isBinary(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	for _, c := range head {
		if c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B) {
			return true
		}
	}
	return false
}

// feedKind returns "RSS" or "Atom" when the document's root element is a
// feed's, "" otherwise.
func feedKind(raw []byte) string {
	head := raw
	if len(head) > 4096 {
		head = head[:4096]
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch strings.ToLower(string(name)) {
			case "rss", "rdf:rdf":
				return "RSS"
			case "feed":
				return "Atom"
			}
			return ""
		}
	}
}
