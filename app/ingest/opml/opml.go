// Package opml reads and writes OPML subscription lists, the format feed
// readers use to import and export their feeds.
//
// Parse accepts OPML 1.0 and 2.0: nested outlines become folders, an
// outline with an xmlUrl is a subscription, the category attribute is kept.
// Input is bounded (MaxSize bytes, MaxDepth levels, MaxOutlines outlines)
// and no DTD or entity is expanded. Write produces OPML 2.0 that Parse reads
// back to the same Document.
//
// The package is pure: no database, no network, no globals.
package opml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// Limits on untrusted input.
const (
	MaxSize     = 8 << 20
	MaxDepth    = 32
	MaxOutlines = 100_000
)

// ErrMalformed is wrapped by every error about the content of an OPML file.
var ErrMalformed = errors.New("malformed OPML")

// Subscription is one feed of a subscription list.
type Subscription struct {
	Title      string   // the outline's title, else its text
	XMLURL     string   // the feed's URL (xmlUrl)
	HTMLURL    string   // the site's URL (htmlUrl), "" when absent
	Type       string   // usually "rss"; "" when absent
	Folder     []string // titles of the enclosing outlines, outermost first
	Categories []string // the category attribute split at commas ("/News/Local", "tech")
}

// Document is a whole subscription list.
type Document struct {
	Title         string // head/title
	Subscriptions []Subscription
}

// Parse reads an OPML document. Outlines without xmlUrl and without
// children (plain links, notes) are ignored. The error wraps ErrMalformed
// and gives the line when the file is not OPML, not well-formed XML, uses a
// DTD, or passes a limit.
func Parse(r io.Reader) (Document, error) {
	lr := &io.LimitedReader{R: r, N: MaxSize + 1}
	d := xml.NewDecoder(lr)
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = true
	p := parser{dec: d}
	doc, err := p.parse()
	if lr.N <= 0 {
		return Document{}, fmt.Errorf("OPML larger than %d bytes: %w", MaxSize, ErrMalformed)
	}
	return doc, err
}

type parser struct {
	dec      *xml.Decoder
	doc      Document
	folders  []string // open outlines that are folders (titles)
	isFolder []bool   // per open outline: does it push a folder
	outlines int
	sawOPML  bool
	inTitle  bool
	path     []string // open element names
}

func (p *parser) parse() (Document, error) {
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Document{}, p.errorf("%v", err)
		}
		if err := p.token(tok); err != nil {
			return Document{}, err
		}
	}
	if !p.sawOPML {
		return Document{}, p.errorf("no <opml> root element")
	}
	return p.doc, nil
}

func (p *parser) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.Directive:
		if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
			return p.errorf("DTD not allowed")
		}
	case xml.StartElement:
		return p.start(t)
	case xml.EndElement:
		p.end(t)
	case xml.CharData:
		if p.inTitle {
			p.doc.Title += string(t)
		}
	}
	return nil
}

func (p *parser) start(t xml.StartElement) error {
	if len(p.path) >= MaxDepth+3 {
		return p.errorf("outlines nested deeper than %d", MaxDepth)
	}
	name := t.Name.Local
	switch {
	case len(p.path) == 0:
		if name != "opml" {
			return p.errorf("root element is <%s>, not <opml>", name)
		}
		p.sawOPML = true
	case name == "title" && len(p.path) == 2 && p.path[1] == "head":
		p.inTitle = true
	case name == "outline" && len(p.path) >= 2 && p.path[1] == "body":
		if p.outlines++; p.outlines > MaxOutlines {
			return p.errorf("more than %d outlines", MaxOutlines)
		}
		p.outline(t)
	}
	p.path = append(p.path, name)
	return nil
}

// outline records a subscription or opens a folder.
func (p *parser) outline(t xml.StartElement) {
	a := map[string]string{}
	for _, at := range t.Attr {
		a[strings.ToLower(at.Name.Local)] = strings.TrimSpace(at.Value)
	}
	title := a["title"]
	if title == "" {
		title = a["text"]
	}
	if u := a["xmlurl"]; u != "" {
		p.doc.Subscriptions = append(p.doc.Subscriptions, Subscription{
			Title: title, XMLURL: u, HTMLURL: a["htmlurl"], Type: a["type"],
			Folder: append([]string(nil), p.folders...), Categories: splitCategories(a["category"]),
		})
		p.isFolder = append(p.isFolder, false)
		return
	}
	p.folders = append(p.folders, title)
	p.isFolder = append(p.isFolder, true)
}

func (p *parser) end(t xml.EndElement) {
	if len(p.path) == 0 {
		return
	}
	p.path = p.path[:len(p.path)-1]
	switch {
	case t.Name.Local == "title":
		p.inTitle = false
		p.doc.Title = strings.TrimSpace(p.doc.Title)
	case t.Name.Local == "outline" && len(p.isFolder) > 0 && len(p.path) >= 2 && p.path[1] == "body":
		if p.isFolder[len(p.isFolder)-1] {
			p.folders = p.folders[:len(p.folders)-1]
		}
		p.isFolder = p.isFolder[:len(p.isFolder)-1]
	}
}

func (p *parser) errorf(format string, args ...any) error {
	line, _ := p.dec.InputPos()
	return fmt.Errorf("line %d: %s: %w", line, fmt.Sprintf(format, args...), ErrMalformed)
}

func splitCategories(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}
