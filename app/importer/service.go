// Package importer reads files, folders, web pages and feeds into an
// archive. An import reads top-down in this package: collect (collect.go)
// finds the files, sniff and parse (dispatch.go, importer.go) turn each into
// an article, store (importer.go) writes them a batch per transaction;
// pages, feeds and JSONL exports go through web.go and feeds.go. Tagging
// the new articles is the caller's next step (package tagging).
package importer

import (
	"net/netip"

	"github.com/newsarchive/newsarchive/app/export"
	"github.com/newsarchive/newsarchive/app/ingest"
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// Importer imports into one open archive.
type Importer struct {
	st     *store.Store
	search *search.Service  // fingerprints of the articles saved
	export *export.Exporter // merges JSONL exports
	// Fetcher downloads web pages (see web.go). When nil, URLs given to
	// Import use a default one and feed items' linked pages are not
	// fetched: items without full text keep their summary.
	Fetcher Fetcher
	// Allow lists the non-public networks (an intranet news server) the
	// default fetcher may reach; see fetch.Fetcher.Allow and app.AllowNet.
	// Loopback, private, link-local and metadata addresses are otherwise
	// refused, on every connection and redirect.
	Allow []netip.Prefix
}

// FetchOnline makes the importer fetch from the web: URLs and the pages
// feed items link to are downloaded with the default fetcher, unless a
// Fetcher is set already.
func (a *Importer) FetchOnline() {
	if a.Fetcher == nil {
		a.Fetcher = a.NewFetcher()
	}
}

// New returns the importer of an open archive; sr stores the fingerprints
// of what it saves and ex merges the JSONL exports it is given.
func New(st *store.Store, sr *search.Service, ex *export.Exporter) *Importer {
	return &Importer{st: st, search: sr, export: ex}
}

// OpenableURL returns an article's link as the reader may hand it to the
// system opener: a clean http or https URL without credentials
// (ingest.CleanURL), or an error for any other scheme (file:, javascript:,
// custom ones) that an older version or another archive stored.
func OpenableURL(raw string) (string, error) {
	return ingest.CleanURL(raw)
}
