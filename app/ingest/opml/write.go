package opml

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

type xDoc struct {
	XMLName xml.Name   `xml:"opml"`
	Version string     `xml:"version,attr"`
	Title   string     `xml:"head>title"`
	Created string     `xml:"head>dateCreated,omitempty"`
	Body    []*xOutine `xml:"body>outline"`
}

type xOutine struct {
	Text     string     `xml:"text,attr"`
	Title    string     `xml:"title,attr,omitempty"`
	Type     string     `xml:"type,attr,omitempty"`
	XMLURL   string     `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string     `xml:"htmlUrl,attr,omitempty"`
	Category string     `xml:"category,attr,omitempty"`
	Children []*xOutine `xml:"outline"`
}

// Write writes doc as OPML 2.0. Subscriptions are grouped under nested
// folder outlines in the order their folders first appear; created, when
// not zero, goes in head/dateCreated. Parse reads the output back to doc
// when doc lists each folder's subscriptions together (as Parse returns
// them).
func Write(w io.Writer, doc Document, created time.Time) error {
	x := xDoc{Version: "2.0", Title: doc.Title}
	if !created.IsZero() {
		x.Created = created.UTC().Format(time.RFC1123Z)
	}
	root := &xOutine{}
	folders := map[string]*xOutine{}
	for _, s := range doc.Subscriptions {
		if s.XMLURL == "" {
			return fmt.Errorf("write OPML: subscription %q has no feed URL", s.Title)
		}
		parent := root
		for i := range s.Folder {
			key := folderKey(s.Folder[:i+1])
			f, ok := folders[key]
			if !ok {
				f = &xOutine{Text: s.Folder[i], Title: s.Folder[i]}
				folders[key] = f
				parent.Children = append(parent.Children, f)
			}
			parent = f
		}
		parent.Children = append(parent.Children, &xOutine{
			Text: s.Title, Title: s.Title, Type: s.Type, XMLURL: s.XMLURL, HTMLURL: s.HTMLURL,
			Category: strings.Join(s.Categories, ","),
		})
	}
	x.Body = root.Children
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(x); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	return nil
}

// folderKey identifies a folder path unambiguously (names may hold any
// character, and "" is a valid name).
func folderKey(path []string) string {
	var b strings.Builder
	for _, p := range path {
		b.WriteString(strconv.Quote(p))
	}
	return b.String()
}
