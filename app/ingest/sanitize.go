package ingest

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/newsarchive/newsarchive/app/safetext"
)

// MaxURLBytes is the longest link kept; longer ones are dropped.
const MaxURLBytes = 8 << 10

// Reasons CleanURL drops a link, to be matched with errors.Is.
var (
	ErrURLScheme      = errors.New("only http and https links are kept")
	ErrURLCredentials = errors.New("links carrying a user name or password are not kept")
	ErrURLInvalid     = errors.New("malformed link")
)

// CleanURL checks a link found in an untrusted document (an article's URL,
// a feed item's link): it returns the link, trimmed, when it is an http or
// https URL with a host and without credentials, and otherwise "" and an
// error saying why it was dropped (wrapping ErrURLScheme,
// ErrURLCredentials or ErrURLInvalid). An empty link is no error.
func CleanURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", nil
	}
	if len(raw) > MaxURLBytes {
		return "", fmt.Errorf("link of %d bytes (limit %d): %w", len(raw), MaxURLBytes, ErrURLInvalid)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrURLInvalid, err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("scheme %q: %w", safetext.Line(u.Scheme), ErrURLScheme)
	case u.User != nil:
		return "", fmt.Errorf("link to %s: %w", u.Host, ErrURLCredentials)
	case u.Host == "":
		return "", fmt.Errorf("no host: %w", ErrURLInvalid)
	}
	return u.String(), nil
}

// Sanitize makes an article from an untrusted document safe to store and
// show; every parser applies it to what it returns. One-line fields
// (title, headline, byline, source, language, dates) lose escape
// sequences, control characters, bidirectional overrides and invisible
// runs (safetext.Line); the body loses escape sequences and controls other
// than newline and tab (safetext.Body); a URL that CleanURL refuses is
// dropped, with the reason in Dropped for the importer to report.
// Sanitize is idempotent.
func Sanitize(a Article) Article {
	a.Title = safetext.Line(a.Title)
	a.Headline = safetext.Line(a.Headline)
	a.Byline = safetext.Line(a.Byline)
	a.Source = safetext.Line(a.Source)
	a.Language = safetext.Line(a.Language)
	a.Published = safetext.Line(a.Published)
	a.PublishedText = safetext.Line(a.PublishedText)
	a.Body = safetext.Body(a.Body)
	var note string
	if a.URL, note = CheckedURL(a.URL); note != "" {
		a.Dropped = note
	}
	return a
}

// CheckedURL is CleanURL for importers: it returns the kept link, or ""
// and a note for the user ("link "file:///etc/passwd" dropped: ...").
func CheckedURL(raw string) (link, note string) {
	link, err := CleanURL(raw)
	if err != nil {
		return "", fmt.Sprintf("link %q dropped: %v", shorten(safetext.Line(raw), 120), err)
	}
	return link, ""
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
