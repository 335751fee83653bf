// Package tagging finds the people, organisations and places in articles
// and keeps them right: the tagging queue and its workers (worker.go), the
// in-process background run (tagging.go), entity reads, and the user's
// corrections (entities.go) with the one engine that applies them to every
// later tagging (rules.go).
package tagging

import "github.com/newsarchive/newsarchive/store"

// Service tags the articles of one open archive and corrects its entities.
type Service struct {
	st  *store.Store
	tag tagging
	// Log receives messages about background work; nil discards them.
	Log func(string)
	// EntitiesChanged, when set, is told the entities a correction renamed,
	// retyped, merged, split, added or rejected (the lookup service listens).
	EntitiesChanged func(ids ...int64)
}

// New returns the tagging service of an open archive.
func New(st *store.Store) *Service { return &Service{st: st} }

// entitiesChanged passes corrected entities to EntitiesChanged.
func (a *Service) entitiesChanged(ids ...int64) {
	if a.EntitiesChanged != nil {
		a.EntitiesChanged(ids...)
	}
}
