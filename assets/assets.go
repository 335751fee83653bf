// Package assets holds the files News Archive ships inside its binary: the
// application icon and the sample article offered on first start.
package assets

import _ "embed"

// Icon is the application icon, a 256×256 PNG.
//
//go:embed icon.png
var Icon []byte

// SampleArticle is a news page saved as text, offered on an empty archive.
//
//go:embed sample-article.txt
var SampleArticle []byte

// SampleArticleName is the file name the sample article is imported under.
const SampleArticleName = "sample-article.txt"
