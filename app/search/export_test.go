package search

// SetLookupChunk makes the lookup index read n articles at a time and
// returns a function putting the size back (tests with a few articles).
func SetLookupChunk(n int) (restore func()) {
	old := lookupChunk
	lookupChunk = n
	return func() { lookupChunk = old }
}
