package search

// SetLookupChunk makes the lookup index read n articles at a time and
// returns a function putting the size back (tests with a few articles).
func SetLookupChunk(n int) (restore func()) {
	old := lookupChunk
	lookupChunk = n
	return func() { lookupChunk = old }
}

// SetTitlesInStoreAt makes lookups leave titles to the store from n
// articles on and returns a function putting the size back.
func SetTitlesInStoreAt(n int64) (restore func()) {
	old := titlesInStoreAt
	titlesInStoreAt = n
	return func() { titlesInStoreAt = old }
}
