// Package search answers queries over an archive: full-text search with
// filters, similar articles and near-duplicates by SimHash fingerprint, and
// the lookup service that finds titles, sources and entities by name as
// typed.
package search

import "github.com/newsarchive/newsarchive/store"

// Service answers queries over one open archive. Its lookup index lives as
// long as the Service.
type Service struct {
	st    *store.Store
	names *names
	// Log receives messages about background work; nil discards them.
	Log func(string)
}

// New returns the search service over an open archive.
func New(st *store.Store) *Service {
	return &Service{st: st, names: &names{}}
}
