package importer

// Internals for the package's external tests.
var (
	SniffKind = sniffKind
	KindText  = kindText
)

// Content types of stored originals.
const (
	TypeText     = typeText
	TypeHTML     = typeHTML
	TypeFeedItem = typeFeedItem
)
