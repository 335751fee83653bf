// Package annotate keeps the reader's own marks on articles: tags and
// notes.
package annotate

import "github.com/newsarchive/newsarchive/store"

// Service reads and writes tags and notes in one open archive.
type Service struct{ st *store.Store }

// New returns the annotation service of an open archive.
func New(st *store.Store) *Service { return &Service{st: st} }
