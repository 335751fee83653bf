// Package export writes an archive, or part of it, in every format
// (JSONL, CSV, Markdown, GEXF, GraphML, RIS, BibTeX, CSL-JSON), merges
// JSONL exports back into an archive, and copies whole archives between
// SQLite and PostgreSQL.
package export

import (
	"github.com/newsarchive/newsarchive/app/search"
	"github.com/newsarchive/newsarchive/store"
)

// Exporter exports from, and merges into, one open archive.
type Exporter struct {
	st     *store.Store
	search *search.Service // fingerprints of merged articles
}

// New returns the exporter of an open archive; sr stores the fingerprints
// of the articles a merge creates.
func New(st *store.Store, sr *search.Service) *Exporter {
	return &Exporter{st: st, search: sr}
}
