package importer

import (
	"bytes"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/ingest/feed"
	"github.com/newsarchive/newsarchive/app/ingest/htmlpage"
	"github.com/newsarchive/newsarchive/store"
)

// docKind is the kind of a document to import.
type docKind int

const (
	kindText docKind = iota // scraped text
	kindHTML                // an HTML page
	kindFeed                // an RSS or Atom feed
)

// Content types of the originals the importer stores.
const (
	typeText     = "text/plain"
	typeHTML     = "text/html"
	typeFeedItem = "application/json" // a feed item, as the JSON of feed.Item with its feed's title and URL
)

// extKinds maps file extensions to the kind of document they hold.
var extKinds = map[string]docKind{
	".html": kindHTML, ".htm": kindHTML, ".xhtml": kindHTML, ".shtml": kindHTML,
	".rss": kindFeed, ".atom": kindFeed, ".xml": kindFeed, ".rdf": kindFeed,
}

// webInput is an input that is not stored in the batch transaction: a URL
// to fetch, or a feed file whose items are archived one by one.
type webInput struct {
	url    string     // a URL given to import
	feed   *feed.Feed // a parsed feed file
	origin string     // where the feed came from
	jsonl  string     // a News Archive export to merge
	warc   string     // a WARC or WACZ file
}

// isURL reports whether an import argument is an http or https URL.
func isURL(arg string) bool {
	u, err := url.Parse(arg)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// kindOf tells which parser a file takes: by its extension when it has a
// known one, else by sniffing its first element.
func kindOf(path string, raw []byte) docKind {
	if k, ok := extKinds[strings.ToLower(filepath.Ext(path))]; ok {
		return k
	}
	return sniffKind(raw)
}

// sniffLimit is how much of a document sniffKind reads.
const sniffLimit = 1024

// sniffKind recognises an HTML page or a feed by its first element (after
// a byte order mark, an XML declaration, comments and white space); other
// documents are text.
func sniffKind(raw []byte) docKind {
	head := bytes.TrimPrefix(raw[:min(len(raw), sniffLimit)], []byte{0xEF, 0xBB, 0xBF})
	s := strings.ToLower(string(head))
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "<?"):
			end := strings.Index(s, "?>")
			if end < 0 {
				return kindText
			}
			s = s[end+2:]
			continue
		case strings.HasPrefix(s, "<!--"):
			end := strings.Index(s, "-->")
			if end < 0 {
				return kindText
			}
			s = s[end+3:]
			continue
		case strings.HasPrefix(s, "<!doctype html"):
			return kindHTML
		}
		break
	}
	for _, p := range []string{"<html", "<head", "<body"} {
		if strings.HasPrefix(s, p) && len(s) > len(p) && strings.ContainsRune(" \t\r\n>", rune(s[len(p)])) {
			return kindHTML
		}
	}
	for _, p := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if strings.HasPrefix(s, p) && len(s) > len(p) && strings.ContainsRune(" \t\r\n>", rune(s[len(p)])) {
			return kindFeed
		}
	}
	return kindText
}

// parseLocal parses the bytes of a file by kind. A feed is returned as a
// webInput, its items being stored one by one. note says what sanitising
// dropped (a link that is not http or https) and how the body was found
// when not the usual way (the parser's Article.Note), for the report.
func parseLocal(raw []byte, path, origin string) (art store.Article, orig store.Original, web *webInput, note string, err error) {
	switch kindOf(path, raw) {
	case kindHTML:
		ia, err := htmlpage.Parse(raw, "", "")
		if err != nil {
			return art, orig, nil, "", localError(err)
		}
		return articleFromIngest(ia, origin), store.Original{ContentType: typeHTML, Data: raw}, nil, joinNotes(ia.Dropped, ia.Note), nil
	case kindFeed:
		f, err := feed.Parse(raw, "")
		if err != nil {
			return art, orig, nil, "", localError(err)
		}
		return art, orig, &webInput{feed: &f, origin: origin}, "", nil
	}
	ia, err := ingest.ParseText(raw)
	if err != nil {
		return art, orig, nil, "", err
	}
	return articleFromIngest(ia, origin), store.Original{ContentType: typeText, Data: raw}, nil, joinNotes(ia.Dropped, ia.Note), nil
}

// maxReason is the longest error message an import result shows.
const maxReason = 200

// reasonError is an error with a message rewritten for the user and the
// original kept in the chain.
type reasonError struct {
	msg string
	err error
}

func (e *reasonError) Error() string { return e.msg }
func (e *reasonError) Unwrap() error { return e.err }

// localError rewrites a parser's error about a local file as one short
// line: without the empty URL the parsers name ("parse page : ..."), its
// white space collapsed, at most maxReason bytes.
func localError(err error) error {
	msg := err.Error()
	for _, p := range []string{"parse page : ", "parse feed : ", "readability on : "} {
		msg = strings.Replace(msg, p, "", 1)
	}
	msg = strings.Join(strings.Fields(msg), " ")
	if len(msg) > maxReason {
		cut := maxReason
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut] + "…"
	}
	if msg == err.Error() {
		return err
	}
	return &reasonError{msg: msg, err: err}
}

// describeFeedResult sums up the items of one imported feed as the result
// of the file or URL it came from.
func describeFeedResult(path, title string, items []ItemResult) FileResult {
	r := FileResult{Path: path, Title: title}
	var imported, dups, failed int
	var firstErr string
	for _, it := range items {
		switch it.Status {
		case StatusImported:
			imported++
			if r.ID == 0 {
				r.ID = it.ID
			}
		case StatusDuplicate:
			dups++
			if r.DuplicateOf == 0 {
				r.DuplicateOf = it.DuplicateOf
			}
		default:
			failed++
			if firstErr == "" {
				firstErr = it.Error
			}
		}
	}
	if title == "" {
		r.Title = "feed"
	}
	r.Title = fmt.Sprintf("%s: %d new, %d already archived, %d failed of %d items", r.Title, imported, dups, failed, len(items))
	switch {
	case imported > 0:
		r.Status, r.DuplicateOf = StatusImported, 0
	case dups > 0:
		r.Status = StatusDuplicate
	case len(items) == 0:
		r.Status, r.Error = StatusFailed, "the feed has no items"
	default:
		r.Status, r.Error = StatusFailed, fmt.Sprintf("no item could be imported: %s", firstErr)
	}
	return r
}
