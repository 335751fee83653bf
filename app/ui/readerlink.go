package ui

import (
	"net/url"

	"github.com/newsarchive/newsarchive/app/importer"
)

// readerLink returns the link the reader offers to open for an article's
// URL: only a clean http or https URL (importer.OpenableURL), so that no
// file:, javascript: or custom-scheme link stored by an older version
// reaches the system opener.
func readerLink(raw string) (*url.URL, bool) {
	clean, err := importer.OpenableURL(raw)
	if err != nil || clean == "" {
		return nil, false
	}
	u, err := url.Parse(clean)
	if err != nil {
		return nil, false
	}
	return u, true
}
