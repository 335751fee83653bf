package store

// The helpers the external tests (package store_test) share with the
// internal ones: those tests import the correction rules of
// app/tagging/corrections, which imports store.
var (
	OpenTest      = openTest
	NewsArchive   = newsArchive
	MustEntity    = mustEntity
	MustBeSound   = mustBeSound
	EntitySummary = entitySummary
	Portable      = portable
)
