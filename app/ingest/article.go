// Package ingest turns imported bytes (scraped text pages, HTML pages, feeds)
// into articles. Every parser here is a pure function from bytes to Article:
// no database, no network, no globals.
package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Article is what a parser extracts from one imported document.
type Article struct {
	Title         string // short title
	Headline      string // the long headline when the page has one, else ""
	Published     string // ISO 8601 ("2025-05-23T05:30:00", "2025-05-23", with an offset only when the source gives one); "" when unknown
	PublishedText string // the date as written in the source
	Byline        string
	Source        string // site or publication name
	URL           string
	Language      string // BCP 47 code when known
	Body          string // plain text, paragraphs separated by a blank line
	Summary       bool   // true when Body is only a feed summary, not the full text
	Dropped       string `json:",omitempty"` // the link Sanitize dropped and why ("" when none), for the importer to report
	Note          string `json:",omitempty"` // how the body was found when not the usual way, e.g. FallbackDensest; "" otherwise
}

// ContentHash is the hex SHA-256 of an article's normalised text: its title
// and body in Unicode NFC, with runs of spaces collapsed and paragraphs
// separated by one blank line. The same article saved twice — with other line
// ends, a byte order mark, another encoding or trailing spaces — hashes the
// same; a changed word or paragraph break does not.
func ContentHash(title, body string) string {
	h := sha256.New()
	h.Write([]byte(normalise(title)))
	h.Write([]byte{'\n', '\n'})
	h.Write([]byte(normalise(body)))
	return hex.EncodeToString(h.Sum(nil))
}

// normalise collapses spaces within lines and blank lines between
// paragraphs.
func normalise(s string) string {
	s = norm.NFC.String(s)
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}
